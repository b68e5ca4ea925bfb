package org.engram.viz.figure;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes charts to files, the format chosen by the extension: {@code .png} (antialiased, at the
 * size's DPI, which the file records) or {@code .svg} (JFreeSVG, vector). Files are written to a
 * temporary name and moved into place, so a failure leaves no half-written figure. Also holds
 * the publication theme every figure of this module shares.
 *
 * <p>PNG output needs no display: run with {@code -Djava.awt.headless=true} (the surefire
 * configuration and the command line do).
 */
public final class Figures {
    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);

    /** The formats by extension. */
    public enum Format {
        png, svg;

        /** The format of a file name; the message lists the supported extensions. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.name())) {
                    return f;
                }
            }
            throw new PlotException(file + ": unsupported figure format; expected a name ending in .png or .svg");
        }
    }

    private Figures() {}

    /** Applies the shared theme: white, no chart border, readable fonts, titles in dark grey. */
    public static JFreeChart themed(JFreeChart chart) {
        chart.setBackgroundPaint(Palette.BACKGROUND);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
            chart.getTitle().setPaint(Palette.TEXT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle l) {
                l.setItemFont(LEGEND_FONT);
                l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
                l.setBackgroundPaint(Palette.BACKGROUND);
            } else if (t instanceof TextTitle tt) {
                tt.setFont(LABEL_FONT);
                tt.setPaint(Palette.TEXT);
            }
        }
        theme(chart.getPlot());
        return chart;
    }

    private static void theme(Plot plot) {
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlinePaint(Palette.SEPARATOR);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        if (plot instanceof CombinedDomainXYPlot c) {
            axis(c.getDomainAxis());
            for (XYPlot sub : c.getSubplots()) {
                theme(sub);
            }
        } else if (plot instanceof XYPlot xy) {
            xy.setNoDataMessage(null);
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.6f));
            xy.setRangeGridlineStroke(new BasicStroke(0.6f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        }
    }

    private static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL_FONT);
        a.setLabelPaint(Palette.TEXT);
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(Palette.TEXT);
        a.setAxisLinePaint(Palette.SEPARATOR);
        a.setTickMarkPaint(Palette.SEPARATOR);
    }

    /** Writes {@code chart} to {@code file} in the format its extension names. */
    public static Path write(JFreeChart chart, Path file, FigureSize size) {
        if (Format.of(file) == Format.png) {
            writePng(chart, file, size);
        } else {
            writeSvg(chart, file, size);
        }
        return file;
    }

    /** Writes a PNG and returns where things were drawn, in layout pixels (PNG pixels / scale). */
    public static ChartRenderingInfo writePng(JFreeChart chart, Path file, FigureSize size) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = render(chart, size, info);
        atomically(file, out -> writePngWithDpi(image, size.dpi(), out));
        return info;
    }

    /** Draws {@code chart} into an RGB image of the size's PNG pixels. */
    public static BufferedImage render(JFreeChart chart, FigureSize size, ChartRenderingInfo info) {
        BufferedImage image = new BufferedImage(size.pngWidth(), size.pngHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setPaint(Palette.BACKGROUND);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.scale(size.scale(), size.scale());
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPx(), size.heightPx()), info);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Writes an SVG document. */
    public static void writeSvg(JFreeChart chart, Path file, FigureSize size) {
        String doc = svg(chart, size, "f").getSVGDocument();
        atomically(file, out -> out.write(doc.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An {@code <svg>} element for inlining in HTML: scales to its container (a viewBox, no fixed
     * size); {@code idPrefix} keeps its clip-path and gradient ids apart from other inline SVGs.
     */
    public static String svgElement(JFreeChart chart, FigureSize size, String idPrefix) {
        return svg(chart, size, idPrefix).getSVGElement(idPrefix + "svg", false,
                new ViewBox(0, 0, size.widthPx(), size.heightPx()), null, null);
    }

    private static SVGGraphics2D svg(JFreeChart chart, FigureSize size, String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(size.widthPx(), size.heightPx());
        g2.setDefsKeyPrefix(idPrefix);
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.widthPx(), size.heightPx()));
        return g2;
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path file, Body body) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new PlotException(file + ": cannot write the figure (" + why(e) + ")", e);
        }
    }

    /** Why a write failed, in words: the file the system refused and its reason, no exception class. */
    private static String why(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f instanceof NoSuchFileException ? "no such directory"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof FileAlreadyExistsException ? "a file is in the way"
                    : f.getReason() != null ? f.getReason() : "cannot be written";
            return f.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : "the file cannot be written";
    }

    /** PNG with a pHYs chunk, so viewers and typesetting know the intended print size. */
    private static void writePngWithDpi(BufferedImage image, int dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            try {
                meta.mergeTree("javax_imageio_png_1.0", root);
            } catch (IIOInvalidTreeException e) {
                throw new IllegalStateException("PNG metadata rejected", e);
            }
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }
}
