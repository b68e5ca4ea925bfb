package org.engram.viz.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.Svg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CapacityPlotTest {
    @TempDir
    Path dir;

    /** Two workloads, two memory counts, two content sizes. */
    private static final List<CapacityPlot.Point> POINTS = List.of(
            new CapacityPlot.Point("slow", 3, 4, 5, 5, 10, 10, 95, 0.3),
            new CapacityPlot.Point("slow", 3, 6, 5, 4, 10, 9, 120, 0.4),
            new CapacityPlot.Point("fast", 3, 4, 5, 5, 10, 5, 95, 0.5),
            new CapacityPlot.Point("fast", 5, 6, 6, 6, 10, 10, 203, 0.6));

    @Test
    void theCorrectnessFigureHasOneSeriesPerWorkloadAndSmallestAndLargestContentSize() throws Exception {
        Path file = CapacityPlot.writeCorrectness(POINTS, "a study", dir.resolve("study.svg"));
        Document doc = Svg.parse(file);
        List<String> lines = Svg.text(doc).lines().toList();
        assertEquals("a study", lines.get(0));
        // the legend, workloads in the order they first appear, N=4 (solid) and N=6 (dashed)
        assertEquals(List.of("slow, N=4", "slow, N=6", "fast, N=4", "fast, N=6"), lines.subList(1, 5));
        assertEquals(2, lines.stream().filter("memories C"::equals).count(), "one x axis per panel: " + lines);
    }

    @Test
    void theSpeedFigureGoesBesideTheOtherWithOneSeriesPerWorkload() throws Exception {
        Path file = CapacityPlot.writeSpeed(POINTS, "cost", "grid, 1.0 ms", dir.resolve("study.svg"));
        assertEquals(dir.resolve("study-speed.svg"), file);
        assertTrue(Files.exists(file));
        List<String> lines = Svg.text(Svg.parse(file)).lines().toList();
        assertEquals(List.of("cost", "slow", "fast"), lines.subList(0, 3));
        assertTrue(lines.contains("synapses in the memory"), lines.toString());
        assertEquals(Path.of("out", "x-speed"), CapacityPlot.speedFile(Path.of("out", "x")));
    }
}
