package org.engram.viz.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.viz.Fixtures;
import org.engram.viz.Pixels;
import org.engram.viz.Svg;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RasterPlotTest {
    private static final TimeWindow RUN = new TimeWindow(0, 100);
    private static final Color EXC = Palette.color(0);
    private static final Color INH = Palette.color(1);

    @TempDir
    Path dir;

    private static RasterPlot small(RasterOptions o) {
        return RasterPlot.of(List.of(Fixtures.exc(), Fixtures.inh()), o);
    }

    /** Data area of the raster subplot, in PNG pixels. */
    private static Rectangle2D rasterArea(ChartRenderingInfo info, double scale) {
        Rectangle2D a = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        return new Rectangle2D.Double(a.getX() * scale, a.getY() * scale, a.getWidth() * scale, a.getHeight() * scale);
    }

    @Test
    void pngHasTheRequestedSizeAtEachDpi() throws Exception {
        RasterPlot r = small(RasterOptions.of(RUN));
        Figures.writePng(r.chart(), dir.resolve("a.png"), new FigureSize(800, 500, 96));
        BufferedImage a = Pixels.read(dir.resolve("a.png"));
        assertEquals(800, a.getWidth());
        assertEquals(500, a.getHeight());
        Figures.writePng(r.chart(), dir.resolve("b.png"), new FigureSize(800, 500, 192));
        BufferedImage b = Pixels.read(dir.resolve("b.png"));
        assertEquals(1600, b.getWidth());
        assertEquals(1000, b.getHeight());
    }

    @Test
    void everySpikeIsAMarkInItsPopulationsColourAtItsTimeAndRow() throws Exception {
        for (int dpi : new int[] {96, 192}) {
            RasterPlot r = small(RasterOptions.of(RUN));
            Path png = dir.resolve("r" + dpi + ".png");
            ChartRenderingInfo info = Figures.writePng(r.chart(), png, new FigureSize(900, 600, dpi));
            BufferedImage img = Pixels.read(png);
            Rectangle2D area = rasterArea(info, dpi / 96.0);
            assertEquals(10, r.rows());
            check(img, area, Fixtures.exc(), 0, EXC);
            check(img, area, Fixtures.inh(), 8, INH);
            // one separate mark per spike, no other marks of those colours inside the raster
            assertEquals(6, Pixels.blobs(img, area, EXC), "exc marks at " + dpi + " dpi");
            assertEquals(3, Pixels.blobs(img, area, INH), "inh marks at " + dpi + " dpi");
        }
    }

    private static void check(BufferedImage img, Rectangle2D area, PopulationSpikes s, int firstRow, Color c) {
        for (int k = 0; k < s.count(); k++) {
            double x = Pixels.x(area, 0, 100, s.timeMs(k));
            double y = Pixels.yDown(area, 0, 10, firstRow + s.neuron(k) + 0.5);
            assertEquals(c, Pixels.at(img, x, y), s.population() + " spike " + k + " at " + s.timeMs(k) + " ms");
        }
    }

    @Test
    void rowsAndTimesWithoutSpikesStayBackground() throws Exception {
        RasterPlot r = small(RasterOptions.of(RUN));
        Path png = dir.resolve("r.png");
        Rectangle2D area = rasterArea(Figures.writePng(r.chart(), png, new FigureSize(900, 600, 96)), 1);
        BufferedImage img = Pixels.read(png);
        int checked = 0;
        for (int row = 0; row < 10; row++) {
            PopulationSpikes s = row < 8 ? Fixtures.exc() : Fixtures.inh();
            double[] times = s.timesOf(row < 8 ? row : row - 8);
            for (double t = 2.5; t < 100; t += 5) {
                boolean near = false;
                for (double st : times) {
                    near |= Math.abs(st - t) < 1;
                }
                if (!near) {
                    assertEquals(Palette.BACKGROUND, Pixels.at(img, Pixels.x(area, 0, 100, t),
                            Pixels.yDown(area, 0, 10, row + 0.5)), "row " + row + " at " + t + " ms");
                    checked++;
                }
            }
        }
        assertTrue(checked > 180, "checked " + checked + " empty positions");
    }

    @Test
    void windowAndSubsetShowOnlyThosePopulationsAndSpikesInTheirColours() throws Exception {
        RasterPlot r = small(RasterOptions.of(new TimeWindow(30, 75)).withPopulations(List.of("inh")));
        assertEquals(List.of("inh"), r.populations());
        assertEquals(2, r.rows());
        assertEquals(1, r.spikesShown()); // 25 and 80 ms lie outside
        Path png = dir.resolve("w.png");
        Rectangle2D area = rasterArea(Figures.writePng(r.chart(), png, new FigureSize(900, 600, 96)), 1);
        BufferedImage img = Pixels.read(png);
        assertEquals(INH, Pixels.at(img, Pixels.x(area, 30, 75, 60), Pixels.yDown(area, 0, 2, 0.5)));
        assertEquals(1, Pixels.blobs(img, area, INH));
        assertEquals(0, Pixels.blobs(img, area, EXC));
    }

    @Test
    void svgIsXmlWithOneRectPerSpikeInEachPopulationsGroup() throws Exception {
        Path svg = dir.resolve("r.svg");
        Figures.write(small(RasterOptions.of(RUN)).chart(), svg, FigureSize.DEFAULT);
        Document doc = Svg.parse(svg);
        Element exc = Svg.byId(doc, "spikes-exc");
        Element inh = Svg.byId(doc, "spikes-inh");
        assertNotNull(exc);
        assertNotNull(inh);
        assertEquals(6, Svg.all(exc, "rect").size());
        assertEquals(3, Svg.all(inh, "rect").size());
        assertEquals(0, Svg.all(doc.getDocumentElement(), "image").size());
        String text = Svg.text(doc);
        assertTrue(text.contains("time (ms)"), text);
        assertTrue(text.contains("exc (8 neurons, 6 spikes)"), text);
    }

    /**
     * The CA3 memory has twelve populations: each takes its own colour. A thirteenth repeats the
     * first colour, and draws diamonds where the first draws ticks, in the raster and the legend.
     */
    @Test
    void twelvePopulationsTakeTwelveColoursAndAThirteenthRepeatsOneWithAnotherMark() throws Exception {
        List<PopulationSpikes> pops = new java.util.ArrayList<>();
        for (int k = 0; k < 13; k++) {
            pops.add(new PopulationSpikes("p" + k, 1, new int[] {0}, new double[] {10 + 5 * k}));
        }
        Path svg = dir.resolve("thirteen.svg");
        Figures.write(RasterPlot.of(pops, RasterOptions.of(RUN)).chart(), svg, FigureSize.DEFAULT);
        Document doc = Svg.parse(svg);
        List<String> fills = new java.util.ArrayList<>();
        for (int k = 0; k < 13; k++) {
            Element group = Svg.byId(doc, "spikes-p" + k);
            assertNotNull(group, "p" + k);
            List<Element> marks = Svg.all(group, "*").stream()
                    .filter(e -> List.of("rect", "path", "polygon").contains(e.getTagName())).toList();
            assertEquals(1, marks.size(), "one mark for p" + k + "'s one spike");
            assertEquals(k < 12 ? "rect" : "path", marks.get(0).getTagName(), "p" + k + "'s mark");
            fills.add(fill(marks.get(0)));
        }
        assertEquals(12, new java.util.HashSet<>(fills.subList(0, 12)).size(), "twelve colours: " + fills);
        assertEquals(fills.get(0), fills.get(12), "the thirteenth repeats the first colour");
        Color first = Palette.color(0);
        assertEquals("rgb(" + first.getRed() + "," + first.getGreen() + "," + first.getBlue() + ")", fills.get(0));
        assertTrue(Svg.text(doc).contains("p12 (1 neuron, 1 spike)"), Svg.text(doc));
    }

    /** The fill colour of an SVG element: its own, or the nearest enclosing element's (fill attribute or style). */
    private static String fill(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (!el.getAttribute("fill").isEmpty()) {
                return el.getAttribute("fill");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("fill:\\s*([^;]+)").matcher(el.getAttribute("style"));
            if (m.find()) {
                return m.group(1).trim();
            }
        }
        throw new AssertionError("no fill on " + e.getTagName());
    }

    @Test
    void aboveTheMarkLimitTheRasterIsOneDensityImageAndTheLegendSaysSo() throws Exception {
        RasterPlot r = small(RasterOptions.of(RUN).withMaxSpikeMarks(5));
        assertTrue(r.isDensity());
        Path svg = dir.resolve("d.svg");
        Figures.write(r.chart(), svg, FigureSize.DEFAULT);
        Document doc = Svg.parse(svg);
        assertNull(Svg.byId(doc, "spikes-exc"));
        Element density = Svg.byId(doc, "spike-density");
        assertNotNull(density);
        assertEquals(1, Svg.all(density, "image").size());
        assertTrue(Svg.text(doc).contains("density image: 9 spikes > 5 marks"), Svg.text(doc));

        // every spike is alone in its bin, so each bin has the maximum count: the pure colour
        Path png = dir.resolve("d.png");
        Rectangle2D area = rasterArea(Figures.writePng(r.chart(), png, new FigureSize(900, 600, 96)), 1);
        BufferedImage img = Pixels.read(png);
        for (PopulationSpikes s : List.of(Fixtures.exc(), Fixtures.inh())) {
            int first = s.population().equals("exc") ? 0 : 8;
            Color c = s.population().equals("exc") ? EXC : INH;
            for (int k = 0; k < s.count(); k++) {
                double x = Pixels.x(area, 0, 100, s.timeMs(k));
                double y = Pixels.yDown(area, 0, 10, first + s.neuron(k) + 0.5);
                // the bin holding a spike is one pixel wide; its edge may fall either side of x
                boolean found = false;
                for (int dx = -1; dx <= 1; dx++) {
                    found |= c.equals(Pixels.at(img, x + dx, y));
                }
                assertTrue(found, s.population() + " spike at " + s.timeMs(k) + " ms");
                assertEquals(Palette.BACKGROUND, Pixels.at(img, x + 4, y));
            }
        }
    }

    @Test
    void densityShadesBinsBySpikeCount() {
        // one neuron: 4 spikes in the first bin, 1 in the last
        Band b = new Band("p", 1, 0, EXC, Mark.TICK, new int[] {0, 0, 0, 0, 0}, new double[] {0, 1, 2, 3, 99});
        BufferedImage img = new SpikeDensity(List.of(b), 1, RUN).image(10, 1);
        assertEquals(EXC.getRGB(), img.getRGB(0, 0));
        assertEquals(Palette.tint(EXC, SpikeDensity.MIN_SHADE + (1 - SpikeDensity.MIN_SHADE) * 0.5).getRGB(),
                img.getRGB(9, 0));
        assertEquals(0, img.getRGB(5, 0) >>> 24, "empty bins are transparent");
    }

    @Test
    void aHundredThousandNeuronsMakeASmallReadableDensityFigure() throws Exception {
        int n = 100_000;
        int spikes = 1_000_000; // about 2.5 per bin of a 1000 by 640 figure: nearly every bin shaded
        int[] neurons = new int[spikes];
        double[] times = new double[spikes];
        java.util.Random rnd = new java.util.Random(42);
        for (int k = 0; k < spikes; k++) {
            times[k] = k * 1000.0 / spikes;
            neurons[k] = rnd.nextInt(n);
        }
        PopulationSpikes big = new PopulationSpikes("big", n, neurons, times);
        PopulationSpikes small = new PopulationSpikes("small", 10, new int[] {3}, new double[] {500});
        RasterPlot r = RasterPlot.of(List.of(big, small), RasterOptions.of(new TimeWindow(0, 1000)));
        assertTrue(r.isDensity());
        Path svg = dir.resolve("big.svg");
        Figures.write(r.chart(), svg, FigureSize.DEFAULT);
        assertTrue(Files.size(svg) < 3_000_000, "SVG of " + Files.size(svg) + " bytes");
        Path png = dir.resolve("big.png");
        Rectangle2D area = rasterArea(Figures.writePng(r.chart(), png, FigureSize.DEFAULT), 1);
        BufferedImage img = Pixels.read(png);
        // the big population's band is densely shaded in its colour family, not background
        int coloured = 0;
        for (int i = 0; i < 50; i++) {
            Color c = Pixels.at(img, area.getX() + 5 + i * (area.getWidth() - 10) / 50, area.getY() + area.getHeight() / 2);
            coloured += c.equals(Palette.BACKGROUND) ? 0 : 1;
        }
        assertTrue(coloured > 40, coloured + " of 50 samples shaded");
        assertFalse(r.populations().isEmpty());
    }

    @Test
    void anUnknownPopulationIsAnErrorListingTheRecordedOnes() {
        PlotException e = assertThrows(PlotException.class,
                () -> small(RasterOptions.of(RUN).withPopulations(List.of("exc", "pyr"))));
        assertEquals("population 'pyr' has no recorded spikes; expected one of [exc, inh]", e.getMessage());
    }

    @Test
    void ratesAreSpikesPerNeuronPerSecondInEachBin() {
        // 4 neurons; bins of 10 ms over [0, 25]: 3 spikes, 0 spikes, 1 spike in the last 5 ms
        Band b = new Band("p", 4, 0, EXC, Mark.TICK, new int[] {0, 1, 2, 3}, new double[] {1, 5, 9.99, 24});
        double[] r = RasterPlot.rates(b, new TimeWindow(0, 25), 10, 3);
        assertEquals(3 / (4 * 0.010), r[0], 1e-9);
        assertEquals(0, r[1], 1e-9);
        assertEquals(1 / (4 * 0.005), r[2], 1e-9);
    }

    @Test
    void automaticBinsAreRoundWidths() {
        assertEquals(1, RasterOptions.roundWidth(0.8), 1e-12);
        assertEquals(2, RasterOptions.roundWidth(1.5), 1e-12);
        assertEquals(5, RasterOptions.roundWidth(3), 1e-12);
        assertEquals(10, RasterOptions.roundWidth(7), 1e-12);
        assertEquals(10, RasterOptions.of(new TimeWindow(0, 1000)).effectiveBinMs(), 1e-12);
    }
}
