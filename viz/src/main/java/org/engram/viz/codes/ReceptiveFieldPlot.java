package org.engram.viz.codes;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.ImageLayer;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;

/**
 * Receptive fields as a grid of tiles, {@code columns} to a row, in the order given: each tile is a
 * field's values drawn in greys (0 white, 1 black: the fraction of items with ink at that pixel),
 * its label beneath. Tiles keep their fields' aspect; fields of different sizes share a cell of the
 * largest. In SVG each tile is one {@code <image>} in {@code <g id="field-K">}, K its index.
 */
public final class ReceptiveFieldPlot {
    /** Room around a tile, in field pixels of the largest field: beside it, and below it for the label. */
    private static final double GAP = 1.5;
    private static final double LABEL_ROOM = 3.5;
    private static final int TILE_PX = 96;

    private ReceptiveFieldPlot() {}

    /**
     * One receptive field: {@code rows} x {@code cols} values in [0, 1], row-major, and the label
     * drawn beneath it.
     */
    public record Field(String label, double[] values, int rows, int cols) {
        public Field {
            if (rows < 1 || cols < 1 || values.length != rows * cols) {
                throw new PlotException("receptive field " + label + ": " + values.length + " values for " + rows + " x "
                        + cols + " pixels; expected rows x cols values");
            }
            for (double v : values) {
                if (!(v >= 0 && v <= 1)) {
                    throw new PlotException("receptive field " + label + ": value " + v + "; expected 0 <= value <= 1");
                }
            }
            values = values.clone();
        }
    }

    /** Writes the grid to {@code file} (.png or .svg) and returns it. */
    public static Path write(List<Field> fields, int columns, String title, Path file) {
        return Figures.write(chart(fields, columns, title), file, size(fields, columns));
    }

    static JFreeChart chart(List<Field> fields, int columns, String title) {
        if (fields.isEmpty() || columns < 1) {
            throw new PlotException("receptive fields: " + fields.size() + " fields in " + columns
                    + " columns; expected at least one field and one column");
        }
        int cellRows = fields.stream().mapToInt(Field::rows).max().orElseThrow();
        int cellCols = fields.stream().mapToInt(Field::cols).max().orElseThrow();
        double cellWidth = cellCols + GAP;
        double cellHeight = cellRows + LABEL_ROOM;
        int gridRows = (fields.size() + columns - 1) / columns;
        NumberAxis x = hidden(new NumberAxis());
        NumberAxis y = hidden(new NumberAxis());
        x.setRange(-GAP / 2, Math.min(columns, fields.size()) * cellWidth - GAP / 2);
        y.setRange(-GAP / 2, gridRows * cellHeight);
        y.setInverted(true);
        XYPlot plot = new XYPlot(null, x, y, new XYLineAndShapeRenderer(false, false));
        for (int k = 0; k < fields.size(); k++) {
            Field f = fields.get(k);
            double left = (k % columns) * cellWidth + (cellCols - f.cols()) / 2.0;
            double top = (k / columns) * cellHeight + (cellRows - f.rows()) / 2.0;
            plot.addAnnotation(new ImageLayer(image(f), left, top, left + f.cols(), top + f.rows(), "field-" + k));
            XYTextAnnotation label = new XYTextAnnotation(f.label(), (k % columns) * cellWidth + cellCols / 2.0,
                    (k / columns) * cellHeight + cellRows + 0.3);
            label.setFont(Figures.TICK_FONT);
            label.setPaint(Palette.TEXT);
            label.setTextAnchor(TextAnchor.TOP_CENTER);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(title, Figures.TITLE_FONT, plot, false);
        Figures.themed(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return chart;
    }

    private static NumberAxis hidden(NumberAxis axis) {
        axis.setAutoRange(false);
        axis.setVisible(false);
        return axis;
    }

    private static BufferedImage image(Field f) {
        BufferedImage img = new BufferedImage(f.cols(), f.rows(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < f.rows(); r++) {
            for (int c = 0; c < f.cols(); c++) {
                int level = (int) Math.round(255 * (1 - f.values()[r * f.cols() + c]));
                img.setRGB(c, r, new Color(level, level, level).getRGB());
            }
        }
        return img;
    }

    private static FigureSize size(List<Field> fields, int columns) {
        int shown = Math.max(1, Math.min(columns, fields.size()));
        int gridRows = (fields.size() + shown - 1) / shown;
        return new FigureSize(Math.max(FigureSize.MIN_PX, shown * TILE_PX + 40),
                Math.max(FigureSize.MIN_PX, gridRows * (TILE_PX + 12) + 70), FigureSize.SCREEN_DPI);
    }
}
