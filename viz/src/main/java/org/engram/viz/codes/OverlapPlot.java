package org.engram.viz.codes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Code overlap against input overlap over pairs of stored items, one panel per code (level) sharing
 * the input axis: each pair a translucent square, and a line through the mean code overlap in each
 * of {@value #BINS} equal bins of input overlap (at the bin's mean input overlap; empty bins are
 * skipped), so that the trend shows where marks pile up on the same integers.
 */
public final class OverlapPlot {
    private static final FigureSize SIZE = new FigureSize(800, 640, FigureSize.SCREEN_DPI);
    static final int BINS = 25;
    private static final double DOT = 3.0;
    private static final int DOT_ALPHA = 60;

    private OverlapPlot() {}

    /** One panel: its y axis's label and, pair by pair, the inputs' and the codes' overlaps. */
    public record Panel(String codeLabel, double[] inputOverlap, double[] codeOverlap) {
        public Panel {
            if (inputOverlap.length != codeOverlap.length || inputOverlap.length == 0) {
                throw new PlotException("overlap panel " + codeLabel + ": " + inputOverlap.length + " input and "
                        + codeOverlap.length + " code overlaps; expected one of each per pair, at least one pair");
            }
            inputOverlap = inputOverlap.clone();
            codeOverlap = codeOverlap.clone();
        }
    }

    /** Writes the panels, top to bottom, to {@code file} (.png or .svg) and returns it. */
    public static Path write(List<Panel> panels, String inputLabel, String title, Path file) {
        return Figures.write(chart(panels, inputLabel, title), file, SIZE);
    }

    static JFreeChart chart(List<Panel> panels, String inputLabel, String title) {
        if (panels.isEmpty()) {
            throw new PlotException("overlap figure " + title + ": no panels; expected at least one");
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis(inputLabel));
        plot.setGap(12);
        for (int k = 0; k < panels.size(); k++) {
            plot.add(panel(panels.get(k), Palette.color(k)), 1);
        }
        JFreeChart chart = new JFreeChart(title, Figures.TITLE_FONT, plot, true);
        return Figures.themed(chart);
    }

    private static XYPlot panel(Panel p, Color color) {
        XYSeries pairs = new XYSeries(p.codeLabel() + ": pairs", false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : p.inputOverlap()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double width = hi > lo ? (hi - lo) / BINS : 1;
        // per bin: the sums of x and y, and the pairs
        double[][] bins = new double[BINS][3];
        for (int i = 0; i < p.inputOverlap().length; i++) {
            double x = p.inputOverlap()[i];
            pairs.add(x, p.codeOverlap()[i]);
            double[] bin = bins[Math.min(BINS - 1, (int) ((x - lo) / width))];
            bin[0] += x;
            bin[1] += p.codeOverlap()[i];
            bin[2]++;
        }
        XYSeries means = new XYSeries(p.codeLabel() + ": mean", true, false);
        for (double[] bin : bins) {
            if (bin[2] > 0) {
                means.add(bin[0] / bin[2], bin[1] / bin[2]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pairs);
        data.addSeries(means);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Rectangle2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));
        r.setSeriesPaint(0, new Color(color.getRed(), color.getGreen(), color.getBlue(), DOT_ALPHA));
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Palette.THRESHOLD);
        r.setSeriesStroke(1, new BasicStroke(1.6f));
        NumberAxis y = new NumberAxis(p.codeLabel());
        y.setAutoRangeIncludesZero(true);
        return new XYPlot(data, null, y, r);
    }
}
