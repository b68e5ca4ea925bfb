package org.engram.viz.raster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A spike raster over a population firing-rate histogram, sharing the time axis in ms.
 *
 * <p>Populations are stacked in the order given (or recorded), each in {@link Palette#color}
 * of its position in the recording (so a population keeps its colour in a subset), its label
 * at the middle of its band, bands separated by thin grey lines. Past the palette's colours a
 * population shares its colour with an earlier one, and draws another {@link Mark} and a dashed
 * rate.
 * The histogram shows each population's rate in Hz per bin: spikes in the bin divided by the
 * population's size and the bin's width (the last bin may be shorter than the others and is
 * divided by its own width).
 */
public final class RasterPlot {
    /** Height share of the raster against the histogram. */
    static final int RASTER_WEIGHT = 4;
    static final int RATE_WEIGHT = 1;

    private final List<Band> bands;
    private final int rows;
    private final RasterOptions options;
    private final int spikes;

    private RasterPlot(List<Band> bands, int rows, RasterOptions options) {
        this.bands = bands;
        this.rows = rows;
        this.options = options;
        this.spikes = bands.stream().mapToInt(Band::count).sum();
    }

    /**
     * Lays out the raster of {@code recorded} as {@code options} asks; an unknown population in
     * the options fails with the recorded labels.
     */
    public static RasterPlot of(List<PopulationSpikes> recorded, RasterOptions options) {
        Map<String, PopulationSpikes> byLabel = new LinkedHashMap<>();
        Map<String, Integer> colour = new LinkedHashMap<>();
        recorded.forEach(s -> {
            byLabel.put(s.population(), s);
            colour.put(s.population(), colour.size());
        });
        List<String> labels = options.populations().isEmpty() ? List.copyOf(byLabel.keySet()) : options.populations();
        List<Band> bands = new ArrayList<>();
        int row = 0;
        for (String label : labels) {
            PopulationSpikes s = byLabel.get(label);
            if (s == null) {
                throw new PlotException("population '" + label + "' has no recorded spikes; expected one of "
                        + byLabel.keySet());
            }
            TimeWindow w = options.window();
            int[] n = s.neurons();
            double[] t = s.timesMs();
            int kept = 0;
            for (int k = 0; k < n.length; k++) {
                if (w.contains(t[k])) {
                    n[kept] = n[k];
                    t[kept] = t[k];
                    kept++;
                }
            }
            int k = colour.get(label);
            bands.add(new Band(label, s.size(), row, Palette.color(k), Mark.ofCycle(Palette.cycle(k)),
                    java.util.Arrays.copyOf(n, kept), java.util.Arrays.copyOf(t, kept)));
            row += s.size();
        }
        return new RasterPlot(List.copyOf(bands), row, options);
    }

    /** True when the spikes are drawn as a density image rather than one mark each. */
    public boolean isDensity() {
        return spikes > options.maxSpikeMarks();
    }

    /** Spikes inside the window, over the shown populations. */
    public int spikesShown() {
        return spikes;
    }

    /** Total rows (neurons) on the y axis. */
    public int rows() {
        return rows;
    }

    /** The populations shown, top to bottom. */
    public List<String> populations() {
        return bands.stream().map(Band::label).toList();
    }

    /** The first row of a shown population (rows count from the top, from 0). */
    public int firstRow(String population) {
        return bands.stream().filter(b -> b.label().equals(population)).findFirst()
                .orElseThrow(() -> new PlotException("population '" + population + "' is not shown; shown: "
                        + populations())).firstRow();
    }

    /** The chart: subplot 0 is the raster, subplot 1 the rate histogram. */
    public JFreeChart chart() {
        NumberAxis time = new NumberAxis("time (ms)");
        time.setAutoRange(false);
        time.setRange(options.window().fromMs(), options.window().toMs());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        plot.add(raster(), RASTER_WEIGHT);
        plot.add(rates(), RATE_WEIGHT);
        JFreeChart chart = new JFreeChart(null, Figures.TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(() -> legendItems());
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 10));
        chart.addLegend(legend);
        Figures.themed(chart);
        // theming sets gridlines on; a raster reads better without them
        XYPlot r = (XYPlot) plot.getSubplots().get(0);
        r.setDomainGridlinesVisible(false);
        r.setRangeGridlinesVisible(false);
        return chart;
    }

    private XYPlot raster() {
        // a renderer without data: XYPlot draws markers (the separators) through its renderer
        XYPlot p = new XYPlot(null, null, new PopulationAxis(bands, rows), new XYLineAndShapeRenderer(false, false));
        for (int i = 1; i < bands.size(); i++) {
            ValueMarker m = new ValueMarker(bands.get(i).firstRow(), Palette.SEPARATOR, new BasicStroke(0.8f));
            p.addRangeMarker(m);
        }
        p.addAnnotation(isDensity() ? new SpikeDensity(bands, rows, options.window()) : new SpikeMarks(bands, rows));
        return p;
    }

    private XYPlot rates() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(false);
        double bin = options.effectiveBinMs();
        TimeWindow w = options.window();
        int nBins = (int) Math.ceil(w.lengthMs() / bin - 1e-9);
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            double[] rate = rates(b, w, bin, nBins);
            XYSeries s = new XYSeries(b.label(), false, true);
            for (int k = 0; k < nBins; k++) {
                s.add(w.fromMs() + k * bin, rate[k]);
            }
            s.add(w.toMs(), rate[nBins - 1]);
            data.addSeries(s);
            renderer.setSeriesPaint(i, b.color());
            renderer.setSeriesStroke(i, b.mark() == Mark.TICK ? new BasicStroke(1.3f) : new BasicStroke(1.3f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        }
        NumberAxis axis = new NumberAxis("rate (Hz)");
        axis.setAutoRangeIncludesZero(true);
        axis.setLabelFont(Figures.LABEL_FONT);
        return new XYPlot(data, null, axis, renderer);
    }

    /** Rate of band {@code b} in each bin of width {@code bin} from the window's start, in Hz. */
    static double[] rates(Band b, TimeWindow w, double bin, int nBins) {
        double[] counts = new double[nBins];
        for (double t : b.timesMs()) {
            counts[Math.min(nBins - 1, (int) ((t - w.fromMs()) / bin))]++;
        }
        for (int k = 0; k < nBins; k++) {
            double width = Math.min(bin, w.toMs() - (w.fromMs() + k * bin));
            counts[k] = counts[k] / (b.size() * width / 1000.0);
        }
        return counts;
    }

    private LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D square = new Rectangle2D.Double(-5, -5, 10, 10);
        for (Band b : bands) {
            LegendItem it = new LegendItem(b.label() + " (" + count(b.size(), "neuron") + ", "
                    + count(b.count(), "spike") + ")", null, null, null,
                    b.mark() == Mark.TICK ? square : b.mark().legendShape(), b.color());
            items.add(it);
        }
        if (isDensity()) {
            items.add(new LegendItem("density image: " + count(spikes, "spike") + " > " + options.maxSpikeMarks()
                    + " marks; shade = spikes per bin", null, null, null, square, Palette.tint(Color.GRAY, 0.5)));
        }
        return items;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
