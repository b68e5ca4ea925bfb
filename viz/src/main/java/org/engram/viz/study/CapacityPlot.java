package org.engram.viz.study;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two figures of a capacity study. Workloads take the palette's colours in the order they
 * first appear among the points.
 *
 * <ul>
 *   <li>{@link #writeCorrectness}: two panels sharing the y axis (percentage). Left, the recalls by
 *       content that gave what a perfect memory gives, against the number of memories, per
 *       workload, for the smallest and the largest content size (solid and dashed). Right, the
 *       recalls by cue, same layout.</li>
 *   <li>{@link #writeSpeed}: wall seconds per simulated second against the number of synapses,
 *       log-log, one series per workload.</li>
 * </ul>
 */
public final class CapacityPlot {
    private static final FigureSize CORRECTNESS_SIZE = new FigureSize(1100, 520, FigureSize.SCREEN_DPI);
    private static final FigureSize SPEED_SIZE = new FigureSize(700, 480, FigureSize.SCREEN_DPI);

    private CapacityPlot() {}

    /**
     * One size of the study under one workload.
     *
     * @param workload the workload's name
     * @param memories number of memories (C)
     * @param contentBits content size in bits (N)
     * @param cueRecalls recalls by cue made
     * @param cueRecallsRight of those, the ones that gave what a perfect memory gives
     * @param contentRecalls recalls by content made
     * @param contentRecallsRight of those, the ones that gave what a perfect memory gives
     * @param synapses synapses in the memory
     * @param wallPerSimulatedSecond wall seconds per simulated second
     */
    public record Point(String workload, int memories, int contentBits, int cueRecalls, int cueRecallsRight,
            int contentRecalls, int contentRecallsRight, long synapses, double wallPerSimulatedSecond) {}

    /** Writes the correctness figure to {@code file} (.png or .svg) and returns it. */
    public static Path writeCorrectness(List<Point> points, String title, Path file) {
        int nMin = points.stream().mapToInt(Point::contentBits).min().orElseThrow();
        int nMax = points.stream().mapToInt(Point::contentBits).max().orElseThrow();
        NumberAxis percent = new NumberAxis("operations right (%)");
        percent.setRange(0, 105);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(percent);
        plot.add(panel(points, nMin, nMax, true), 1);
        plot.add(panel(points, nMin, nMax, false), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Figures.themed(chart);
        return Figures.write(chart, file, CORRECTNESS_SIZE);
    }

    /**
     * Writes the speed figure beside {@code file}, as {@code NAME-speed.EXT}, and returns its
     * path; {@code howRun} says how the study simulated (e.g. "grid, 1 ms") for the y axis.
     */
    public static Path writeSpeed(List<Point> points, String title, String howRun, Path file) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        List<String> workloads = workloads(points);
        for (int k = 0; k < workloads.size(); k++) {
            String w = workloads.get(k);
            XYSeries s = new XYSeries(w, true, true);
            points.stream().filter(p -> p.workload().equals(w)).forEach(p -> s.add(p.synapses(),
                    p.wallPerSimulatedSecond()));
            data.addSeries(s);
            r.setSeriesPaint(k, Palette.color(k));
        }
        LogAxis synapses = new LogAxis("synapses in the memory");
        LogAxis wall = new LogAxis("wall s per simulated s (" + howRun + ")");
        synapses.setNumberFormatOverride(new DecimalFormat("#,##0"));
        wall.setNumberFormatOverride(new DecimalFormat("0.###"));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, synapses, wall, r), true);
        Figures.themed(chart);
        return Figures.write(chart, speedFile(file), SPEED_SIZE);
    }

    /** {@code dir/NAME.EXT} becomes {@code dir/NAME-speed.EXT}. */
    static Path speedFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        return file.resolveSibling(stem + "-speed" + ext);
    }

    private static List<String> workloads(List<Point> points) {
        return new ArrayList<>(new LinkedHashSet<>(points.stream().map(Point::workload).toList()));
    }

    private static XYPlot panel(List<Point> points, int nMin, int nMax, boolean byContent) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        List<String> workloads = workloads(points);
        int k = 0;
        for (int w = 0; w < workloads.size(); w++) {
            for (int n : nMin == nMax ? new int[] {nMin} : new int[] {nMin, nMax}) {
                XYSeries s = new XYSeries(workloads.get(w) + ", N=" + n);
                for (Point p : points) {
                    int all = byContent ? p.contentRecalls() : p.cueRecalls();
                    if (p.workload().equals(workloads.get(w)) && p.contentBits() == n && all > 0) {
                        int right = byContent ? p.contentRecallsRight() : p.cueRecallsRight();
                        s.add(p.memories(), 100.0 * right / all);
                    }
                }
                data.addSeries(s);
                r.setSeriesPaint(k, Palette.color(w));
                r.setSeriesStroke(k, n == nMin ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                r.setSeriesVisibleInLegend(k, byContent);
                k++;
            }
        }
        NumberAxis c = new NumberAxis("memories C");
        c.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, c, null, r);
        // theming reaches the combined plot, not its panels
        p.setBackgroundPaint(Palette.BACKGROUND);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        return p;
    }
}
