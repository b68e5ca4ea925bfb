package org.engram.viz.study;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
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
 * Continual learning over a sequence of tasks: the test accuracy of every task against training
 * progress, one curve per task (task {@code k} takes colour {@code k}), one panel per method side
 * by side on a shared percentage axis. A task's curve starts when it is first scored, so a flat
 * curve is a task kept and a falling one a task forgotten.
 */
public final class TaskAccuracyPlot {
    private static final int PANEL_WIDTH_PX = 560;
    private static final int HEIGHT_PX = 520;
    private static final Shape MARKER = new Ellipse2D.Double(-3, -3, 6, 6);

    private TaskAccuracyPlot() {}

    /**
     * One method's scores.
     *
     * @param method   the panel's title, e.g. "HLOP"
     * @param progress training progress of each scoring, in tasks learnt (1.0 after the first task;
     *                 fractions for scorings between tasks), ascending
     * @param accuracy {@code accuracy[p][k]}: task {@code k}'s test accuracy in percent at scoring
     *                 {@code p}, {@code NaN} where it was not scored
     */
    public record Curves(String method, double[] progress, double[][] accuracy) {
        public Curves {
            progress = progress.clone();
            if (accuracy.length != progress.length) {
                throw new IllegalArgumentException(method + ": " + accuracy.length + " rows of accuracy for "
                        + progress.length + " progress points; expected one row per point");
            }
            accuracy = accuracy.clone();
            for (int p = 0; p < accuracy.length; p++) {
                accuracy[p] = accuracy[p].clone();
            }
        }

        int tasks() {
            int k = 0;
            for (double[] row : accuracy) {
                k = Math.max(k, row.length);
            }
            return k;
        }
    }

    /** Writes the figure to {@code file} (.png or .svg) and returns it. */
    public static Path write(List<Curves> methods, String title, Path file) {
        NumberAxis percent = new NumberAxis("test accuracy (%)");
        percent.setRange(0, 100);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(percent);
        plot.setGap(24);
        for (int m = 0; m < methods.size(); m++) {
            plot.add(panel(methods.get(m), m == 0), 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Figures.themed(chart);
        FigureSize size = new FigureSize(Math.max(FigureSize.MIN_PX, PANEL_WIDTH_PX * methods.size()), HEIGHT_PX,
                FigureSize.SCREEN_DPI);
        return Figures.write(chart, file, size);
    }

    /** One series per task: its scorings, the points where it is not {@code NaN}. */
    static XYSeriesCollection series(Curves c) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < c.tasks(); k++) {
            XYSeries s = new XYSeries("task " + (k + 1), false, true);
            for (int p = 0; p < c.progress().length; p++) {
                double[] row = c.accuracy()[p];
                if (k < row.length && !Double.isNaN(row[k])) {
                    s.add(c.progress()[p], row[k]);
                }
            }
            data.addSeries(s);
        }
        return data;
    }

    private static XYPlot panel(Curves c, boolean legend) {
        XYSeriesCollection data = series(c);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            r.setSeriesPaint(k, Palette.color(k));
            r.setSeriesShape(k, MARKER);   // the same in every panel: colour alone names the task
            r.setSeriesVisibleInLegend(k, legend);
        }
        NumberAxis progress = new NumberAxis(c.method() + ": tasks learnt");
        progress.setAutoRangeIncludesZero(true);
        progress.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot p = new XYPlot(data, progress, null, r);
        // theming reaches the combined plot, not its panels
        p.setBackgroundPaint(Palette.BACKGROUND);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        return p;
    }
}
