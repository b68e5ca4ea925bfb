package org.engram.viz.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engram.viz.Pixels;
import org.engram.viz.Svg;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.PlotException;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReceptiveFieldPlotTest {
    @TempDir
    Path dir;

    /** A black 2 x 2 field, then one black on its diagonal only. */
    private static final List<ReceptiveFieldPlot.Field> FIELDS = List.of(
            new ReceptiveFieldPlot.Field("full", new double[] {1, 1, 1, 1}, 2, 2),
            new ReceptiveFieldPlot.Field("diagonal", new double[] {1, 0, 0, 1}, 2, 2));

    @Test
    void eachTileShowsItsValuesInGreysAtItsPlaceInTheGrid() throws Exception {
        Path png = dir.resolve("f.png");
        ChartRenderingInfo info = Figures.writePng(ReceptiveFieldPlot.chart(FIELDS, 2, "fields"), png,
                new FigureSize(600, 400, FigureSize.SCREEN_DPI));
        BufferedImage img = Pixels.read(png);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        // x from -0.75 to 2 tiles of (2 + 1.5) - 0.75; y from -0.75 down to one row of (2 + 3.5)
        double xLo = -0.75;
        double xHi = 2 * 3.5 - 0.75;
        double yLo = -0.75;
        double yHi = 5.5;
        double[][] pixels = {{0.5, 0.5, 1}, {1.5, 1.5, 1}, {3.5 + 0.5, 0.5, 1}, {3.5 + 1.5, 0.5, 0}, {3.5 + 0.5, 1.5, 0},
            {3.5 + 1.5, 1.5, 1}};
        for (double[] p : pixels) {
            Color expected = p[2] == 1 ? Color.BLACK : Color.WHITE;
            assertEquals(expected, Pixels.at(img, Pixels.x(area, xLo, xHi, p[0]), Pixels.yDown(area, yLo, yHi, p[1])),
                    "pixel at " + p[0] + ", " + p[1]);
        }
    }

    @Test
    void theSvgHasOneImagePerFieldAndTheLabels() throws Exception {
        Path svg = ReceptiveFieldPlot.write(FIELDS, 1, "two fields", dir.resolve("f.svg"));
        Document doc = Svg.parse(svg);
        for (int k = 0; k < 2; k++) {
            assertNotNull(Svg.byId(doc, "field-" + k), "field " + k);
            assertEquals(1, Svg.all(Svg.byId(doc, "field-" + k), "image").size());
        }
        assertEquals(List.of("two fields", "full", "diagonal"), Svg.text(doc).lines().toList());
        assertTrue(Files.size(ReceptiveFieldPlot.write(FIELDS, 1, "two fields", dir.resolve("f.png"))) > 0);
    }

    @Test
    void badFieldsAreRejected() {
        assertEquals("receptive field f: 3 values for 2 x 2 pixels; expected rows x cols values",
                assertThrows(PlotException.class, () -> new ReceptiveFieldPlot.Field("f", new double[3], 2, 2))
                        .getMessage());
        assertEquals("receptive field f: value 1.5; expected 0 <= value <= 1", assertThrows(PlotException.class,
                () -> new ReceptiveFieldPlot.Field("f", new double[] {0, 1.5}, 1, 2)).getMessage());
        assertThrows(PlotException.class, () -> new ReceptiveFieldPlot.Field("f", new double[] {Double.NaN}, 1, 1));
        assertEquals("receptive fields: 0 fields in 3 columns; expected at least one field and one column",
                assertThrows(PlotException.class, () -> ReceptiveFieldPlot.write(List.of(), 3, "none",
                        dir.resolve("f.png"))).getMessage());
    }
}
