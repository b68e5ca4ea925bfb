package org.engram.viz.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.engram.simulator.record.MembraneTrace;
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
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Membrane potential against time: one panel per recorded population, a line per chosen
 * neuron (series {@code k} of a panel in {@link Palette#color}{@code (k)}), and each distinct
 * v_thresh of the chosen neurons as a dashed line: dark grey when a panel's neurons share one
 * threshold, otherwise in each neuron's colour. The legend gives the values (no label inside the
 * panel, where it would hide data).
 * Thresholds that are unknown (NaN, as when summary.json is missing) are not drawn.
 */
public final class MembranePlot {
    /** Neurons per population when none are named. */
    public static final int DEFAULT_MAX_TRACES = 5;
    static final float LINE_WIDTH = 2f;
    static final BasicStroke THRESHOLD_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    private MembranePlot() {}

    /**
     * The chart of {@code traces} over {@code window}: the neurons named in {@code neurons}
     * (indices in their population; those a population did not record are skipped there), or
     * when empty the first {@code maxTraces} recorded neurons of each population.
     *
     * @throws PlotException when there is nothing to draw, or no population recorded any of the
     *         named neurons (the message lists what was recorded)
     */
    public static JFreeChart chart(List<MembraneTrace> traces, TimeWindow window, List<Integer> neurons,
            int maxTraces) {
        if (traces.isEmpty()) {
            throw new PlotException("no membrane potential was recorded; record v to plot traces");
        }
        NumberAxis time = new NumberAxis("time (ms)");
        time.setAutoRange(false);
        time.setRange(window.fromMs(), window.toMs());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        LegendItemCollection legend = new LegendItemCollection();
        Set<Double> thresholds = new java.util.TreeSet<>();
        for (MembraneTrace m : traces) {
            List<Integer> chosen = choose(m, neurons, maxTraces);
            if (chosen.isEmpty()) {
                continue;
            }
            thresholds.addAll(panel(plot, m, chosen, window, legend));
        }
        if (plot.getSubplots().isEmpty()) {
            List<String> recorded = traces.stream().map(m -> m.population() + " " + java.util.Arrays.toString(
                    m.neurons())).toList();
            throw new PlotException("none of the neurons " + neurons + " had v recorded; recorded: " + recorded);
        }
        if (!thresholds.isEmpty()) {
            String values = thresholds.stream().map(x -> x + "").collect(java.util.stream.Collectors.joining(", "));
            legend.add(new LegendItem("v_thresh (" + values + " mV)", null, null, null, new Line2D.Double(-9, 0, 9, 0),
                    THRESHOLD_STROKE, Palette.THRESHOLD));
        }
        JFreeChart chart = new JFreeChart(null, Figures.TITLE_FONT, plot, false);
        LegendTitle lt = new LegendTitle(() -> legend);
        lt.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(lt);
        return Figures.themed(chart);
    }

    /** Positions (k in the trace) of the neurons to draw. */
    static List<Integer> choose(MembraneTrace m, List<Integer> neurons, int maxTraces) {
        int[] recorded = m.neurons();
        List<Integer> out = new ArrayList<>();
        if (neurons.isEmpty()) {
            for (int k = 0; k < recorded.length && k < maxTraces; k++) {
                out.add(k);
            }
            return out;
        }
        for (int n : neurons) {
            for (int k = 0; k < recorded.length; k++) {
                if (recorded[k] == n) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** Adds a population's panel; returns the thresholds it draws. */
    private static Set<Double> panel(CombinedDomainXYPlot plot, MembraneTrace m, List<Integer> chosen, TimeWindow w,
            LegendItemCollection legend) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        double[] t = m.timesMs();
        int[] ids = m.neurons();
        double[] th = m.thresholdsMv();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Set<Double> thresholds = new LinkedHashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            int k = chosen.get(i);
            double[] v = m.trace(k);
            XYSeries s = new XYSeries(m.population() + "[" + ids[k] + "]", false, true);
            for (int j = 0; j < t.length; j++) {
                // keep one sample either side of the window so lines run to its edges
                boolean inside = w.contains(t[j]) || (j + 1 < t.length && t[j] < w.fromMs() && t[j + 1] > w.fromMs())
                        || (j > 0 && t[j] > w.toMs() && t[j - 1] < w.toMs());
                if (inside) {
                    s.add(t[j], v[j]);
                    lo = Math.min(lo, v[j]);
                    hi = Math.max(hi, v[j]);
                }
            }
            data.addSeries(s);
            Color c = Palette.color(i);
            r.setSeriesPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            legend.add(new LegendItem(s.getKey().toString(), null, null, null, new Line2D.Double(-9, 0, 9, 0),
                    new BasicStroke(LINE_WIDTH), c));
            if (Double.isFinite(th[k])) {
                thresholds.add(th[k]);
            }
        }
        NumberAxis v = new NumberAxis(m.population() + ": v (mV)");
        v.setAutoRangeIncludesZero(false);
        XYPlot p = new XYPlot(data, null, v, r);
        for (int i = 0; i < chosen.size(); i++) {
            double thk = th[chosen.get(i)];
            if (!Double.isFinite(thk) || (thresholds.size() == 1 && i > 0)) {
                continue;
            }
            ValueMarker mk = new ValueMarker(thk, thresholds.size() == 1 ? Palette.THRESHOLD : Palette.color(i),
                    THRESHOLD_STROKE);
            p.addRangeMarker(mk);
        }
        for (double x : thresholds) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (lo <= hi) {
            double pad = Math.max(1, (hi - lo) * 0.08);
            v.setRange(lo - pad, hi + pad);
        }
        plot.add(p, 1);
        return thresholds;
    }
}
