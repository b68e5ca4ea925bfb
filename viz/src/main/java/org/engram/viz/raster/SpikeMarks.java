package org.engram.viz.raster;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.engram.viz.figure.ImageLayer;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One filled mark per spike, centred on (spike time, middle of the neuron's row): a tick (a
 * rectangle) at least {@value #MIN_PX} layout pixels each way, so the pixel under a spike's centre
 * is wholly covered and carries the population's colour, and at most {@value #MAX_TICK_PX} tall;
 * the populations past the palette's colours draw their {@link Mark} of the same height instead.
 * In SVG each population's marks form a group {@code <g id="spikes-LABEL" class="spikes">} holding
 * one element per spike ({@code <rect>} for ticks).
 */
final class SpikeMarks extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    static final double MIN_PX = 2;
    static final double MAX_TICK_PX = 9;
    /** Share of a row a tick fills, leaving a gap between neighbouring rows. */
    static final double ROW_FILL = 0.8;

    private final transient List<Band> bands;
    private final int rows;

    SpikeMarks(List<Band> bands, int rows) {
        this.bands = bands;
        this.rows = rows;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        double rowPx = dataArea.getHeight() / Math.max(rows, 1);
        double h = Math.max(MIN_PX, Math.min(MAX_TICK_PX, rowPx * ROW_FILL));
        double w = MIN_PX;
        Shape savedClip = g2.getClip();
        g2.clip(dataArea);
        for (Band b : bands) {
            ImageLayer.beginGroup(g2, "spikes-" + b.label(), Map.of("class", "spikes"));
            g2.setPaint(b.color());
            int[] n = b.neurons();
            double[] t = b.timesMs();
            for (int k = 0; k < n.length; k++) {
                double x = domainAxis.valueToJava2D(t[k], dataArea, xEdge);
                double y = rangeAxis.valueToJava2D(b.firstRow() + n[k] + 0.5, dataArea, yEdge);
                g2.fill(b.mark().shape(x, y, w, h));
            }
            ImageLayer.endGroup(g2, "spikes-" + b.label());
        }
        g2.setClip(savedClip);
    }
}
