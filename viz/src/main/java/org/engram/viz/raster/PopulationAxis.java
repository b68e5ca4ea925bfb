package org.engram.viz.raster;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/** The raster's y axis: one tick label per population, at the middle of its band, top down. */
final class PopulationAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private final List<Band> bands;

    PopulationAxis(List<Band> bands, int rows) {
        super("population");
        this.bands = List.copyOf(bands);
        setInverted(true);
        setAutoRange(false);
        setRange(0, Math.max(rows, 1));
        setTickMarksVisible(false);
        setMinorTickMarksVisible(false);
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<ValueTick> ticks = new ArrayList<>();
        for (Band b : bands) {
            ticks.add(new NumberTick(b.centre(), b.label(), TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0));
        }
        return ticks;
    }
}
