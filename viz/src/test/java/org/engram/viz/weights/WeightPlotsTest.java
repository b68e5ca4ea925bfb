package org.engram.viz.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.engram.simulator.record.WeightTrace;
import org.engram.viz.Fixtures;
import org.engram.viz.Pixels;
import org.engram.viz.Svg;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.engram.viz.figure.Viridis;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class WeightPlotsTest {
    @TempDir
    Path dir;

    @Test
    void eachConnectedCellHasItsWeightsViridisColourAndOthersStayBackground() throws Exception {
        WeightTrace w = Fixtures.weights(); // 2 pre by 8 post; (0,0), (0,5), (1,7)
        JFreeChart chart = WeightMap.chart(w, 2, 8, 2);
        Path png = dir.resolve("w.png");
        ChartRenderingInfo info = Figures.writePng(chart, png, new FigureSize(800, 400, 96));
        BufferedImage img = Pixels.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        // scale over every sample: 0.1 to 1.0; at 100 ms the weights are 0.3, 0.5, 0.8
        Viridis scale = new Viridis(0.1, 1.0);
        double[][] cells = {{0, 0, 0.3}, {0, 5, 0.5}, {1, 7, 0.8}};
        for (double[] c : cells) {
            double x = Pixels.x(area, -0.5, 7.5, c[1]);
            double y = Pixels.yDown(area, -0.5, 1.5, c[0]);
            assertEquals(scale.color(c[2]), Pixels.at(img, x, y), "cell " + c[0] + "," + c[1]);
        }
        for (int[] empty : new int[][] {{1, 0}, {0, 3}, {1, 5}, {0, 7}}) {
            assertEquals(Palette.BACKGROUND, Pixels.at(img, Pixels.x(area, -0.5, 7.5, empty[1]),
                    Pixels.yDown(area, -0.5, 1.5, empty[0])), "no connection " + empty[0] + "->" + empty[1]);
        }
        // the colour bar spans the weights
        assertTrue(chart.getSubtitleCount() >= 1);
    }

    @Test
    void svgMapIsOneImageWithAColourBar() throws Exception {
        Path svg = dir.resolve("w.svg");
        Figures.write(WeightMap.chart(Fixtures.weights(), 2, 8, 0), svg, new FigureSize(800, 400, 96));
        Document doc = Svg.parse(svg);
        assertNotNull(Svg.byId(doc, "weights-map"));
        assertEquals(1, Svg.all(Svg.byId(doc, "weights-map"), "image").size());
        assertTrue(Svg.text(doc).contains("inh->exc weights at 0.0 ms"), Svg.text(doc));
    }

    @Test
    void largeMatricesAreBlockAveraged() {
        assertEquals(1, WeightMap.blockSize(2000, 2000));
        assertEquals(5, WeightMap.blockSize(10_000, 10_000));
        // 4 by 4 pairs in 2 by 2 blocks: block (0,0) holds weights 1 and 3 -> mean 2
        Viridis s = new Viridis(0, 4);
        BufferedImage img = WeightMap.image(new int[] {0, 1, 3}, new int[] {0, 1, 3}, new double[] {1, 3, 4}, 4, 4,
                2, s);
        assertEquals(2, img.getWidth());
        assertEquals(s.color(2).getRGB(), img.getRGB(0, 0));
        assertEquals(s.color(4).getRGB(), img.getRGB(1, 1));
        assertEquals(0, img.getRGB(1, 0) >>> 24);
    }

    @Test
    void connectionsOutsideThePopulationsAreAnError() {
        PlotException e = assertThrows(PlotException.class, () -> WeightMap.chart(Fixtures.weights(), 2, 6, 0));
        assertEquals("projection inh->exc: connection 1->7 lies outside 2 pre by 6 post neurons", e.getMessage());
    }

    @Test
    void curvesFollowTheSampledWeights() throws Exception {
        WeightTrace w = Fixtures.weights();
        // connection 0 goes 0.1 -> 0.3 (+0.2), 1 stays 0.5, 2 goes 1.0 -> 0.8 (-0.2): most changed first
        assertEquals(List.of(0, 2, 1), WeightCurves.mostChanged(w, 8));
        assertEquals(List.of(0, 2), WeightCurves.mostChanged(w, 2));
        JFreeChart chart = WeightCurves.chart(w, new TimeWindow(0, 100), List.of(1), 8);
        Path png = dir.resolve("c.png");
        ChartRenderingInfo info = Figures.writePng(chart, png, new FigureSize(800, 400, 96));
        BufferedImage img = Pixels.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        Range r = ((XYPlot) chart.getPlot()).getRangeAxis().getRange();
        for (double t = 10; t < 100; t += 20) {
            assertEquals(Palette.color(0), Pixels.at(img, Pixels.x(area, 0, 100, t),
                    Pixels.yUp(area, r.getLowerBound(), r.getUpperBound(), 0.5)), "0->5 at " + t + " ms");
        }
        assertThrows(PlotException.class, () -> WeightCurves.chart(w, new TimeWindow(0, 100), List.of(3), 8));
    }
}
