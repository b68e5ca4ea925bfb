package org.engram.viz.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
    @TempDir
    Path dir;

    private static JFreeChart empty() {
        return Figures.themed(new JFreeChart(new XYPlot()));
    }

    @Test
    void pngRecordsItsDpi() throws Exception {
        Path png = dir.resolve("a.png");
        Figures.write(empty(), png, new FigureSize(200, 100, 300));
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(625, r.getWidth(0)); // 200 px * 300 / 96
            assertEquals(313, r.getHeight(0));
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("11811", phys.getAttribute("pixelsPerUnitXAxis")); // 300 / 0.0254 m
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
        }
    }

    @Test
    void formatFollowsTheExtension() throws Exception {
        assertEquals(Figures.Format.png, Figures.Format.of(Path.of("x/R.PNG")));
        assertEquals(Figures.Format.svg, Figures.Format.of(Path.of("r.svg")));
        Path svg = dir.resolve("a.svg");
        Figures.write(empty(), svg, FigureSize.DEFAULT);
        assertTrue(Files.readString(svg).startsWith("<?xml"), "an SVG document");
        PlotException e = assertThrows(PlotException.class, () -> Figures.Format.of(Path.of("r.pdf")));
        assertEquals("r.pdf: unsupported figure format; expected a name ending in .png or .svg", e.getMessage());
    }

    @Test
    void anUnwritablePathNamesTheFileAndLeavesNothing() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Path bad = dir.resolve("file").resolve("r.png");
        PlotException e = assertThrows(PlotException.class, () -> Figures.write(empty(), bad, FigureSize.DEFAULT));
        assertTrue(e.getMessage().startsWith(bad + ": cannot write the figure ("), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "the reason in words: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve("file.part")));
    }

    @Test
    void sizesAndWindowsAreValidated() {
        assertThrows(PlotException.class, () -> new FigureSize(50, 600, 96));
        assertThrows(PlotException.class, () -> new FigureSize(800, 600, 0));
        assertThrows(PlotException.class, () -> new FigureSize(10_000, 10_000, 600));
        assertThrows(PlotException.class, () -> new TimeWindow(10, 10));
        assertThrows(PlotException.class, () -> new TimeWindow(-1, 10));
        assertThrows(PlotException.class, () -> new TimeWindow(0, Double.NaN));
    }

    @Test
    void viridisRunsFromPurpleToYellowAndTintMixesWithWhite() {
        Viridis v = new Viridis(0, 2);
        assertEquals(new Color(0x440154), v.color(0));
        assertEquals(new Color(0xFDE725), v.color(2));
        assertEquals(new Color(0x21918C), v.color(1)); // the middle anchor
        assertEquals(new Color(0x440154), v.color(-5)); // clamped
        assertEquals(0, v.color(Double.NaN).getAlpha());
        assertEquals(Color.WHITE, Palette.tint(Color.BLACK, 0));
        assertEquals(new Color(128, 128, 128), Palette.tint(Color.BLACK, 0.5));
        assertEquals(Palette.color(0), Palette.color(Palette.size()));
    }

    /**
     * The CA3 memory's twelve populations need twelve colours that a reader tells apart: any two
     * differ by a CIE76 distance of at least 25 (about where named colours start to differ; the
     * closest pair, Okabe and Ito's blue and sky blue, is at 26.4), and none is within 40 of white.
     */
    @Test
    void twelveColoursStayApartFromEachOtherAndFromWhite() {
        assertEquals(12, Palette.size());
        for (int i = 0; i < Palette.size(); i++) {
            assertTrue(cie76(Palette.color(i), Color.WHITE) >= 40, "colour " + i + " is too close to white");
            for (int j = 0; j < i; j++) {
                assertTrue(cie76(Palette.color(i), Palette.color(j)) >= 25, "colours " + j + " and " + i + " are "
                        + cie76(Palette.color(i), Palette.color(j)) + " apart");
            }
        }
        assertEquals(0, Palette.cycle(11));
        assertEquals(1, Palette.cycle(12));
        assertEquals(Palette.color(1), Palette.color(13));
    }

    /** The CIE76 distance: Euclidean in CIELAB, from sRGB with the D65 white (IEC 61966-2-1, CIE 15). */
    private static double cie76(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }
}
