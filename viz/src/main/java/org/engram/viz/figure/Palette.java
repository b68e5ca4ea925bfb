package org.engram.viz.figure;

import java.awt.Color;

/**
 * Colours: a qualitative palette of twelve colours that stay apart on white. The first seven are
 * Okabe and Ito's colour-blind-safe palette (Okabe and Ito 2008, "Color Universal Design")
 * without its yellow, which is unreadable on white; then Kelly's yellow green, yellowish brown,
 * vivid red and yellowish pink (Kelly 1965, "Twenty-two colors of maximum contrast") and Tol's
 * indigo (Tol 2021, "Colour Schemes", muted scheme), chosen one at a time as the farthest from
 * those before in CIELAB. Any two differ by a CIE76 distance of at least 26 (Okabe and Ito's
 * blue and sky blue are the closest pair).
 *
 * <p>Series {@code k} of a figure takes colour {@code k}; past twelve the colours repeat, and
 * {@link #cycle} says how many times they have, so that a figure draws the repeats differently
 * (the raster with other mark shapes and dashed rates).
 */
public final class Palette {
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color SEPARATOR = new Color(0x99, 0x99, 0x99);
    public static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
    public static final Color THRESHOLD = new Color(0x33, 0x33, 0x33);
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);

    private static final Color[] QUALITATIVE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0x56, 0xB4, 0xE9), // sky blue
        new Color(0x00, 0x00, 0x00), // black
        new Color(0x8D, 0xB6, 0x00), // yellow green
        new Color(0x33, 0x22, 0x88), // indigo
        new Color(0x65, 0x45, 0x22), // yellowish brown
        new Color(0xBE, 0x00, 0x32), // vivid red
        new Color(0xF9, 0x93, 0x79), // yellowish pink
    };

    private Palette() {}

    /** The colour of the k-th series (k >= 0). */
    public static Color color(int k) {
        return QUALITATIVE[Math.floorMod(k, QUALITATIVE.length)];
    }

    /** How many distinct colours there are before they repeat. */
    public static int size() {
        return QUALITATIVE.length;
    }

    /** How many times the colours have repeated by the k-th series: 0 for the first twelve, 1 for the next. */
    public static int cycle(int k) {
        return Math.floorDiv(k, QUALITATIVE.length);
    }

    /** {@code c} mixed with white: {@code amount} 1 gives {@code c}, 0 gives white. */
    public static Color tint(Color c, double amount) {
        double a = Math.max(0, Math.min(1, amount));
        return new Color(mix(c.getRed(), a), mix(c.getGreen(), a), mix(c.getBlue(), a));
    }

    private static int mix(int channel, double a) {
        return (int) Math.round(255 - (255 - channel) * a);
    }
}
