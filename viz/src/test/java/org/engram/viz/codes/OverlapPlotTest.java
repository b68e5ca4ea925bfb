package org.engram.viz.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.engram.viz.Svg;
import org.engram.viz.figure.PlotException;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlapPlotTest {
    @TempDir
    Path dir;

    private static final List<OverlapPlot.Panel> PANELS = List.of(
            new OverlapPlot.Panel("level 1", new double[] {1, 1, 2, 0}, new double[] {2, 4, 5, 0}),
            new OverlapPlot.Panel("level 2", new double[] {1, 1, 2, 0}, new double[] {0, 1, 1, 0}));

    @Test
    void eachPanelHoldsItsPairsAndTheMeanInEachBin() {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) OverlapPlot.chart(PANELS, "input", "t").getXYPlot();
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(2, panels.size());
        XYDataset first = panels.get(0).getDataset();
        assertEquals(4, first.getItemCount(0), "every pair, repeats included");
        double[][] means = {{0, 0}, {1, 3}, {2, 5}};
        assertEquals(means.length, first.getItemCount(1));
        for (int i = 0; i < means.length; i++) {
            assertEquals(means[i][0], first.getXValue(1, i), 0.0);
            assertEquals(means[i][1], first.getYValue(1, i), 0.0);
        }
        assertEquals(0.5, panels.get(1).getDataset().getYValue(1, 1), 0.0);
    }

    @Test
    void wideRangesAreAveragedInEqualBins() {
        // input overlaps 0 to 100 in 25 bins of 4: 0 and 3 share the first, 100 closes the last
        OverlapPlot.Panel p = new OverlapPlot.Panel("c", new double[] {0, 3, 50, 100}, new double[] {1, 2, 7, 9});
        XYDataset d = ((CombinedDomainXYPlot) OverlapPlot.chart(List.of(p), "x", "t").getXYPlot()).getSubplots().get(0)
                .getDataset();
        assertEquals(3, d.getItemCount(1));
        double[][] means = {{1.5, 1.5}, {50, 7}, {100, 9}};
        for (int i = 0; i < means.length; i++) {
            assertEquals(means[i][0], d.getXValue(1, i), 0.0);
            assertEquals(means[i][1], d.getYValue(1, i), 0.0);
        }
    }

    @Test
    void theSvgNamesTheInputAxisAndTheSeries() throws Exception {
        // the panels' y labels are rotated, which JFreeSVG draws as outlines, not text
        Path svg = OverlapPlot.write(PANELS, "input overlap", "overlaps", dir.resolve("o.svg"));
        String text = Svg.text(Svg.parse(svg));
        for (String s : List.of("overlaps", "input overlap", "level 1: pairs", "level 1: mean", "level 2: pairs",
                "level 2: mean")) {
            assertTrue(text.lines().anyMatch(s::equals), s + " in " + text);
        }
    }

    @Test
    void panelsNeedOnePairOfOverlapsPerPair() {
        assertEquals("overlap panel p: 2 input and 1 code overlaps; expected one of each per pair, at least one pair",
                assertThrows(PlotException.class, () -> new OverlapPlot.Panel("p", new double[2], new double[1]))
                        .getMessage());
        assertThrows(PlotException.class, () -> new OverlapPlot.Panel("p", new double[0], new double[0]));
        assertEquals("overlap figure t: no panels; expected at least one", assertThrows(PlotException.class,
                () -> OverlapPlot.write(List.of(), "x", "t", dir.resolve("o.png"))).getMessage());
    }
}
