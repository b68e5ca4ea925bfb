package org.engram.viz.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.Svg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskAccuracyPlotTest {
    @TempDir
    Path dir;

    private static final double N = Double.NaN;
    /** Three tasks scored after each of their two epochs: task k from its own first epoch on. */
    private static final TaskAccuracyPlot.Curves KEPT = new TaskAccuracyPlot.Curves("HLOP",
            new double[] {0.5, 1, 1.5, 2, 2.5, 3},
            new double[][] {{80, N, N}, {90, N, N}, {89, 80, N}, {89, 91, N}, {88, 90, 85}, {88, 90, 92}});
    private static final TaskAccuracyPlot.Curves FORGOTTEN = new TaskAccuracyPlot.Curves("baseline",
            new double[] {1, 2, 3}, new double[][] {{90, N, N}, {60, 92, N}, {40, 70, 93}});

    @Test
    void onePanelPerMethodOneCurvePerTaskInTheLegendOnce() throws Exception {
        Path file = TaskAccuracyPlot.write(List.of(KEPT, FORGOTTEN), "permuted digits", dir.resolve("acc.svg"));
        List<String> lines = Svg.text(Svg.parse(file)).lines().toList();
        assertEquals("permuted digits", lines.get(0));
        assertEquals(List.of("task 1", "task 2", "task 3"), lines.subList(1, 4), "legend of the first panel only");
        assertEquals(1, lines.stream().filter("task 1"::equals).count(), lines.toString());
        assertTrue(lines.contains("HLOP: tasks learnt") && lines.contains("baseline: tasks learnt"), lines.toString());
    }

    @Test
    void eachCurveHasAPointPerScoringOfItsTask() {
        var data = TaskAccuracyPlot.series(KEPT);
        assertEquals(3, data.getSeriesCount());
        assertEquals(List.of(6, 4, 2), List.of(data.getItemCount(0), data.getItemCount(1), data.getItemCount(2)));
        assertEquals(1.5, data.getXValue(1, 0), 0.0);
        assertEquals(80, data.getYValue(1, 0), 0.0);
        assertEquals(92, data.getYValue(2, 1), 0.0);
    }

    @Test
    void pngIsWrittenWholeAndNothingElseIsLeftBeside() throws Exception {
        Path file = TaskAccuracyPlot.write(List.of(KEPT, FORGOTTEN), "t", dir.resolve("acc.png"));
        byte[] png = Files.readAllBytes(file);
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no .part file left");
        }
    }

    @Test
    void rowsMustMatchTheProgressPoints() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TaskAccuracyPlot.Curves("x", new double[] {1, 2}, new double[][] {{1}}));
        assertEquals("x: 1 rows of accuracy for 2 progress points; expected one row per point", e.getMessage());
    }
}
