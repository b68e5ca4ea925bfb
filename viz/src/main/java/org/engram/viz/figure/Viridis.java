package org.engram.viz.figure;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib 1.5), perceptually uniform and
 * readable in grey, as a JFreeChart paint scale over {@code [lower, upper]}: nine anchors of
 * matplotlib's table, linearly interpolated. Values outside clamp to the ends; NaN gives
 * transparent.
 */
public final class Viridis implements PaintScale {
    private static final int[] ANCHORS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    };

    private final double lower;
    private final double upper;

    public Viridis(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException("colour scale [" + lower + ", " + upper + "]: expected lower < upper");
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /** The colour of {@code value}. */
    public Color color(double value) {
        if (Double.isNaN(value)) {
            return new Color(0, 0, 0, 0);
        }
        double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (ANCHORS.length - 1);
        int i = Math.min((int) f, ANCHORS.length - 2);
        double u = f - i;
        int a = ANCHORS[i];
        int b = ANCHORS[i + 1];
        return new Color(lerp(a >> 16, b >> 16, u), lerp(a >> 8, b >> 8, u), lerp(a, b, u));
    }

    private static int lerp(int a, int b, double u) {
        return (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * u);
    }
}
