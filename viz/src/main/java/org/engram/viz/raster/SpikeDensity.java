package org.engram.viz.raster;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.engram.viz.figure.ImageLayer;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.TimeWindow;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The raster as a density image, for runs with too many spikes to draw one by one. The image
 * has one column per device pixel of the data area (so nothing is resampled horizontally) and
 * one row per neuron, or per device pixel when there are more neurons than pixels. A bin with
 * spikes takes the colour of the population its middle row belongs to, mixed with white by
 * {@code MIN_SHADE + (1 - MIN_SHADE) * sqrt(count / max count)}: a single spike stays visible, the
 * busiest bin is the pure colour, and empty bins stay background. In SVG it is one
 * {@code <image>} in {@code <g id="spike-density" class="density">}.
 */
final class SpikeDensity extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    static final double MIN_SHADE = 0.3;
    static final String SVG_ID = "spike-density";

    private final transient List<Band> bands;
    private final int rows;
    private final TimeWindow window;

    SpikeDensity(List<Band> bands, int rows, TimeWindow window) {
        this.bands = bands;
        this.rows = rows;
        this.window = window;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        double sx = Math.abs(g2.getTransform().getScaleX());
        double sy = Math.abs(g2.getTransform().getScaleY());
        int cols = Math.max(1, (int) Math.ceil(dataArea.getWidth() * (sx > 0 ? sx : 1)));
        int rowBins = Math.max(1, Math.min(rows, (int) Math.ceil(dataArea.getHeight() * (sy > 0 ? sy : 1))));
        BufferedImage img = image(cols, rowBins);
        RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        ImageLayer.drawImage(g2, img,
                domainAxis.valueToJava2D(window.fromMs(), dataArea, xEdge),
                rangeAxis.valueToJava2D(0, dataArea, yEdge),
                domainAxis.valueToJava2D(window.toMs(), dataArea, xEdge),
                rangeAxis.valueToJava2D(rows, dataArea, yEdge),
                dataArea, SVG_ID, Map.of("class", "density"));
    }

    /** The density image: {@code cols} time bins by {@code rowBins} neuron bins, row 0 on top. */
    BufferedImage image(int cols, int rowBins) {
        int[] counts = new int[cols * rowBins];
        int max = 0;
        double from = window.fromMs();
        double len = window.lengthMs();
        for (Band b : bands) {
            int[] n = b.neurons();
            double[] t = b.timesMs();
            for (int k = 0; k < n.length; k++) {
                int c = Math.min(cols - 1, (int) ((t[k] - from) / len * cols));
                int r = (int) ((long) (b.firstRow() + n[k]) * rowBins / rows);
                int v = ++counts[r * cols + c];
                max = Math.max(max, v);
            }
        }
        BufferedImage img = new BufferedImage(cols, rowBins, BufferedImage.TYPE_INT_ARGB);
        Color[] rowColor = new Color[rowBins];
        for (int r = 0; r < rowBins; r++) {
            double middle = (r + 0.5) * rows / rowBins;
            for (Band b : bands) {
                if (middle >= b.firstRow() && middle < b.firstRow() + b.size()) {
                    rowColor[r] = b.color();
                }
            }
        }
        for (int r = 0; r < rowBins; r++) {
            for (int c = 0; c < cols; c++) {
                int v = counts[r * cols + c];
                if (v > 0) {
                    double shade = MIN_SHADE + (1 - MIN_SHADE) * Math.sqrt(v / (double) max);
                    img.setRGB(c, r, Palette.tint(rowColor[r], shade).getRGB());
                }
            }
        }
        return img;
    }
}
