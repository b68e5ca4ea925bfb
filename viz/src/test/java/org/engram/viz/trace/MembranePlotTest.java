package org.engram.viz.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.Fixtures;
import org.engram.viz.Pixels;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembranePlotTest {
    private static final TimeWindow RUN = new TimeWindow(0, 100);

    @TempDir
    Path dir;

    @Test
    void tracesRunThroughTheirSamplesAndTheThresholdIsDashed() throws Exception {
        JFreeChart chart = MembranePlot.chart(List.of(Fixtures.membrane()), RUN, List.of(), 5);
        Path png = dir.resolve("v.png");
        ChartRenderingInfo info = Figures.writePng(chart, png, new FigureSize(900, 500, 96));
        BufferedImage img = Pixels.read(png);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        Range v = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0).getRangeAxis().getRange();
        // the axis spans the traces (-65 to -52) and the threshold (-50)
        assertTrue(v.getLowerBound() < -65 && v.getUpperBound() > -50, v.toString());

        // neuron 3 sits at -60 mV: a horizontal 2-px line whose centre pixels are its colour
        for (double t = 5; t < 100; t += 10) {
            assertEquals(Palette.color(1), Pixels.at(img, Pixels.x(area, 0, 100, t),
                    Pixels.yUp(area, v.getLowerBound(), v.getUpperBound(), -60)), "neuron 3 at " + t + " ms");
        }
        // neuron 0 ramps from -65 to -52 mV: its colour within a pixel of the ramp (antialiasing over
        // a gridline may shift a channel by a few levels)
        for (double t = 5; t < 100; t += 10) {
            double x = Pixels.x(area, 0, 100, t);
            double y = Pixels.yUp(area, v.getLowerBound(), v.getUpperBound(), -65 + 13 * t / 100);
            boolean found = false;
            for (int dy = -1; dy <= 1; dy++) {
                found |= Pixels.near(Palette.color(0), Pixels.at(img, x, y + dy), 4);
            }
            assertTrue(found, "neuron 0 at " + t + " ms");
        }
        // between the traces, off the gridlines (every 5 ms and 1 mV), far from the threshold: background
        assertEquals(Palette.BACKGROUND, Pixels.at(img, Pixels.x(area, 0, 100, 12.5),
                Pixels.yUp(area, v.getLowerBound(), v.getUpperBound(), -56.5)));
        // along v_thresh: dark dashes with background gaps, left of the label
        double y = Pixels.yUp(area, v.getLowerBound(), v.getUpperBound(), -50);
        int dark = 0;
        int changes = 0;
        boolean was = false;
        for (int x = (int) area.getX() + 2; x < area.getX() + area.getWidth() * 0.6; x++) {
            Color c = Pixels.at(img, x, y);
            boolean isDark = c.getRed() < 140 && c.getGreen() < 140 && c.getBlue() < 140;
            dark += isDark ? 1 : 0;
            changes += isDark != was ? 1 : 0;
            was = isDark;
            assertTrue(isDark || c.equals(Palette.BACKGROUND) || c.getRed() > 200, "x " + x + ": " + c);
        }
        assertTrue(dark > 100, dark + " dark pixels on the threshold line");
        assertTrue(changes > 40, changes + " dash edges: the line is dashed");
    }

    @Test
    void namedNeuronsOnly() {
        JFreeChart chart = MembranePlot.chart(List.of(Fixtures.membrane()), RUN, List.of(3), 5);
        assertEquals(1, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0).getDataset().getSeriesCount());
        assertEquals("exc[3]", ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0).getDataset()
                .getSeriesKey(0));
    }

    @Test
    void neuronsNotRecordedAreAnErrorListingTheRecordedOnes() {
        PlotException e = assertThrows(PlotException.class,
                () -> MembranePlot.chart(List.of(Fixtures.membrane()), RUN, List.of(5), 5));
        assertEquals("none of the neurons [5] had v recorded; recorded: [exc [0, 3]]", e.getMessage());
        assertThrows(PlotException.class, () -> MembranePlot.chart(List.of(), RUN, List.of(), 5));
    }
}
