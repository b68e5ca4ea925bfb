package org.engram.viz.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * An image stretched over a rectangle in data coordinates, pixel {@code (0, 0)} at
 * {@code (x0, y0)} and the far corner at {@code (x1, y1)}, each image pixel one cell, scaled
 * without smoothing. Used for heat maps and density rasters: one image instead of a shape per
 * cell. In SVG the image is one {@code <image>} element inside a group with the given id.
 */
public class ImageLayer extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    private final transient BufferedImage image;
    private final double x0;
    private final double y0;
    private final double x1;
    private final double y1;
    private final String svgId;

    public ImageLayer(BufferedImage image, double x0, double y0, double x1, double y1, String svgId) {
        this.image = image;
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
        this.svgId = svgId;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        double px0 = domainAxis.valueToJava2D(x0, dataArea, xEdge);
        double px1 = domainAxis.valueToJava2D(x1, dataArea, xEdge);
        double py0 = rangeAxis.valueToJava2D(y0, dataArea, yEdge);
        double py1 = rangeAxis.valueToJava2D(y1, dataArea, yEdge);
        drawImage(g2, image, px0, py0, px1, py1, dataArea, svgId, Map.of());
    }

    /**
     * Draws {@code img} with pixel (0, 0) at Java2D point {@code (px0, py0)} and its far corner at
     * {@code (px1, py1)}, clipped to {@code clip}, nearest-neighbour.
     */
    public static void drawImage(Graphics2D g2, BufferedImage img, double px0, double py0, double px1, double py1,
            Rectangle2D clip, String svgId, Map<String, String> svgAttributes) {
        Shape savedClip = g2.getClip();
        Object savedInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.clip(clip);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        AffineTransform at = new AffineTransform();
        at.translate(px0, py0);
        at.scale((px1 - px0) / img.getWidth(), (py1 - py0) / img.getHeight());
        beginGroup(g2, svgId, svgAttributes);
        g2.drawImage(img, at, null);
        endGroup(g2, svgId);
        if (savedInterpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterpolation);
        }
        g2.setClip(savedClip);
    }

    /** Opens an SVG group {@code <g id=...>} (no effect on other graphics). */
    public static void beginGroup(Graphics2D g2, String id, Map<String, String> attributes) {
        if (g2 instanceof SVGGraphics2D && id != null) {
            Map<String, String> a = new java.util.LinkedHashMap<>(attributes);
            a.put("id", id);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, a);
        }
    }

    /** Closes the group {@link #beginGroup} opened. */
    public static void endGroup(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D && id != null) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
        }
    }
}
