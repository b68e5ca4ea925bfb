package org.engram.examples.cli;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;
import org.engram.models.ca3.CapacityStudy;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figure of {@code engram ca3 --study --plot FILE}: two panels sharing the y axis (percentage).
 * Left, the recalls by content a perfect memory would also give, against the number of memories C,
 * per workload, for the smallest and the largest content size N (solid and dashed). Right, the
 * recalls by cue, same layout.
 */
final class Ca3StudyPlot {
    private Ca3StudyPlot() {}

    static Path write(List<CapacityStudy.Row> rows, Path file) {
        int nMin = rows.stream().mapToInt(CapacityStudy.Row::contSize).min().orElseThrow();
        int nMax = rows.stream().mapToInt(CapacityStudy.Row::contSize).max().orElseThrow();
        NumberAxis percent = new NumberAxis("operations right (%)");
        percent.setRange(0, 105);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(percent);
        plot.add(panel(rows, nMin, nMax, true), 1);
        plot.add(panel(rows, nMin, nMax, false), 1);
        JFreeChart chart = new JFreeChart("CA3 memory on random operations: recalls by content (left) and by cue (right)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Figures.themed(chart);
        return Figures.write(chart, file, new FigureSize(1100, 520, FigureSize.SCREEN_DPI));
    }

    /**
     * The speed figure beside it ({@code NAME-speed.EXT}): wall seconds per simulated second against
     * the number of synapses, log-log, one series per workload.
     */
    static Path writeSpeed(List<CapacityStudy.Row> rows, Path file) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < CapacityStudy.WORKLOADS.size(); k++) {
            CapacityStudy.Workload w = CapacityStudy.WORKLOADS.get(k);
            XYSeries s = new XYSeries(w.name(), true, true);
            rows.stream().filter(row -> row.workload().equals(w))
                    .forEach(row -> s.add(row.synapses(), row.wallPerSimulatedSecond()));
            data.addSeries(s);
            r.setSeriesPaint(k, Palette.color(k));
        }
        org.jfree.chart.axis.LogAxis synapses = new org.jfree.chart.axis.LogAxis("synapses in the memory");
        org.jfree.chart.axis.LogAxis wall = new org.jfree.chart.axis.LogAxis("wall s per simulated s (grid, 1 ms)");
        synapses.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        wall.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        XYPlot p = new XYPlot(data, synapses, wall, r);
        p.setBackgroundPaint(Palette.BACKGROUND);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        JFreeChart chart = new JFreeChart("CA3 memory: simulation cost against size", JFreeChart.DEFAULT_TITLE_FONT,
                p, true);
        Figures.themed(chart);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path speedFile = file.resolveSibling(name.substring(0, dot) + "-speed" + name.substring(dot));
        return Figures.write(chart, speedFile, new FigureSize(700, 480, FigureSize.SCREEN_DPI));
    }

    private static XYPlot panel(List<CapacityStudy.Row> rows, int nMin, int nMax, boolean byContent) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (CapacityStudy.Workload w : CapacityStudy.WORKLOADS) {
            for (int n : nMin == nMax ? new int[] {nMin} : new int[] {nMin, nMax}) {
                XYSeries s = new XYSeries(w.name() + ", N=" + n);
                for (CapacityStudy.Row row : rows) {
                    int all = byContent ? row.contentRecalls() : row.cueRecalls();
                    if (row.workload().equals(w) && row.contSize() == n && all > 0) {
                        int ok = byContent ? row.contentRecallsCorrect() : row.cueRecallsCorrect();
                        s.add(row.cueSize(), 100.0 * ok / all);
                    }
                }
                data.addSeries(s);
                r.setSeriesPaint(k, Palette.color(CapacityStudy.WORKLOADS.indexOf(w)));
                r.setSeriesStroke(k, n == nMin ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                r.setSeriesVisibleInLegend(k, byContent);
                k++;
            }
        }
        NumberAxis c = new NumberAxis("memories C");
        c.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(data, c, null, r);
        p.setBackgroundPaint(Palette.BACKGROUND);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        return p;
    }
}
