package org.engram.viz.weights;

import java.awt.image.BufferedImage;
import org.engram.simulator.record.WeightTrace;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.ImageLayer;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.Viridis;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A projection's weight matrix at one sample time as a heat map: post neurons on x, pre neurons
 * on y (pre 0 at the top, as a matrix is written), each cell centred on its integer indices and
 * coloured by {@link Viridis} over the smallest to largest weight the trace holds at any time,
 * so maps of the same projection at different times compare. Pairs without a connection stay
 * background; pairs with several connections show their sum. Above {@value #MAX_CELLS} cells
 * the matrix is shown in square blocks of {@code f} by {@code f} pairs, each the mean of its
 * connections, and the title says so. In SVG the map is one {@code <image>} in
 * {@code <g id="weights-map">}.
 */
public final class WeightMap {
    /** The most cells drawn one pixel each; larger matrices are block-averaged. */
    public static final int MAX_CELLS = 4_000_000;

    private WeightMap() {}

    /**
     * The map of {@code w} at sample {@code sample}, for populations of {@code preSize} and
     * {@code postSize} neurons.
     */
    public static JFreeChart chart(WeightTrace w, int preSize, int postSize, int sample) {
        if (sample < 0 || sample >= w.timesMs().length) {
            throw new PlotException("projection " + w.projection() + ": weight sample " + sample + "; expected 0 to "
                    + (w.timesMs().length - 1));
        }
        int[] pre = w.pre();
        int[] post = w.post();
        for (int c = 0; c < pre.length; c++) {
            if (pre[c] >= preSize || post[c] >= postSize) {
                throw new PlotException("projection " + w.projection() + ": connection " + pre[c] + "->" + post[c]
                        + " lies outside " + preSize + " pre by " + postSize + " post neurons");
            }
        }
        Viridis scale = scale(w);
        int f = blockSize(preSize, postSize);
        BufferedImage img = image(pre, post, w.at(sample), preSize, postSize, f, scale);
        NumberAxis x = new NumberAxis("post: " + orUnnamed(w.postPopulation()) + " (neuron)");
        NumberAxis y = new NumberAxis("pre: " + orUnnamed(w.prePopulation()) + " (neuron)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRange(false);
        y.setAutoRange(false);
        x.setRange(-0.5, postSize - 0.5);
        y.setRange(-0.5, preSize - 0.5);
        y.setInverted(true);
        XYPlot plot = new XYPlot(null, x, y, new XYLineAndShapeRenderer(false, false));
        plot.addAnnotation(new ImageLayer(img, -0.5, -0.5, img.getWidth() * f - 0.5, img.getHeight() * f - 0.5,
                "weights-map"));
        String title = w.projection() + " weights at " + w.timesMs()[sample] + " ms"
                + (f > 1 ? " (mean of " + f + "x" + f + " blocks)" : "");
        JFreeChart chart = new JFreeChart(title, Figures.TITLE_FONT, plot, false);
        NumberAxis barAxis = new NumberAxis("weight");
        barAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(14);
        bar.setAxisOffset(4);
        bar.setMargin(new RectangleInsets(10, 12, 40, 4));
        bar.setSubdivisionCount(256);
        chart.addSubtitle(bar);
        Figures.themed(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        barAxis.setLabelFont(Figures.LABEL_FONT);
        barAxis.setTickLabelFont(Figures.TICK_FONT);
        return chart;
    }

    private static String orUnnamed(String population) {
        return population == null || population.isEmpty() ? "?" : population;
    }

    /** Viridis over the trace's smallest to largest weight (widened by 1 when they are equal). */
    static Viridis scale(WeightTrace w) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : w.weights()) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo < hi)) {
            double mid = Double.isFinite(lo) ? lo : 0;
            return new Viridis(mid - 0.5, mid + 0.5);
        }
        return new Viridis(lo, hi);
    }

    /** Side of the square blocks that keep the image within {@link #MAX_CELLS} pixels. */
    static int blockSize(int preSize, int postSize) {
        int f = 1;
        while ((long) ceilDiv(preSize, f) * ceilDiv(postSize, f) > MAX_CELLS) {
            f++;
        }
        return f;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Pixel (post / f, pre / f): the summed weight of each pair, averaged over the block's connected pairs. */
    static BufferedImage image(int[] pre, int[] post, double[] weight, int preSize, int postSize, int f,
            Viridis scale) {
        int cols = ceilDiv(postSize, f);
        int rows = ceilDiv(preSize, f);
        java.util.Map<Long, Double> pairSum = new java.util.HashMap<>();
        for (int c = 0; c < pre.length; c++) {
            pairSum.merge((long) pre[c] * postSize + post[c], weight[c], Double::sum);
        }
        double[] sum = new double[cols * rows];
        int[] n = new int[cols * rows];
        pairSum.forEach((key, v) -> {
            int i = (int) (key / postSize) / f * cols + (int) (key % postSize) / f;
            sum[i] += v;
            n[i]++;
        });
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (n[i] > 0) {
                    img.setRGB(c, r, scale.color(sum[i] / n[i]).getRGB());
                }
            }
        }
        return img;
    }
}
