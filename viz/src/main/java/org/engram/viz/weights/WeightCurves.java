package org.engram.viz.weights;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.engram.simulator.record.WeightTrace;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Weights of chosen synapses over time: a line with a dot per sample for each connection,
 * labelled {@code pre->post}, curve {@code k} in {@link Palette#color}{@code (k)}. Without a
 * choice, the {@code max} connections whose weight changed most from first to last sample
 * (ties by connection order).
 */
public final class WeightCurves {
    /** As many as the palette has distinct colours. */
    public static final int DEFAULT_MAX_CURVES = 7;
    static final float LINE_WIDTH = 2f;

    private WeightCurves() {}

    /**
     * The chart of connections {@code connections} (positions in the trace, as in weights.csv's
     * order), or the most-changed {@code max} when empty.
     */
    public static JFreeChart chart(WeightTrace w, TimeWindow window, List<Integer> connections, int max) {
        List<Integer> chosen = connections.isEmpty() ? mostChanged(w, max) : connections;
        for (int c : chosen) {
            if (c < 0 || c >= w.connections()) {
                throw new PlotException("projection " + w.projection() + ": synapse " + c + "; expected 0 to "
                        + (w.connections() - 1));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        double[] t = w.timesMs();
        double[][] ws = w.weights();
        int[] pre = w.pre();
        int[] post = w.post();
        for (int i = 0; i < chosen.size(); i++) {
            int c = chosen.get(i);
            XYSeries s = new XYSeries(pre[c] + "->" + post[c], false, true);
            for (int k = 0; k < t.length; k++) {
                s.add(t[k], ws[k][c]);
            }
            data.addSeries(s);
            r.setSeriesPaint(i, Palette.color(i));
            r.setSeriesStroke(i, new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        NumberAxis time = new NumberAxis("time (ms)");
        time.setAutoRange(false);
        time.setRange(window.fromMs(), window.toMs());
        NumberAxis weight = new NumberAxis("weight");
        weight.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, time, weight, r);
        JFreeChart chart = new JFreeChart(w.projection() + " weights over time", Figures.TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        return Figures.themed(chart);
    }

    /** The {@code max} connections with the largest |last - first| weight, in that order. */
    static List<Integer> mostChanged(WeightTrace w, int max) {
        double[] first = w.at(0);
        double[] last = w.at(w.timesMs().length - 1);
        return new ArrayList<>(IntStream.range(0, w.connections()).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -Math.abs(last[c] - first[c]))
                        .thenComparingInt(c -> c))
                .limit(max).toList());
    }
}
