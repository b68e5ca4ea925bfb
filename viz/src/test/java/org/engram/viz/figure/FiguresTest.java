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
        assertTrue(e.getMessage().startsWith(bad + ": cannot write the figure"), e.getMessage());
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
}
