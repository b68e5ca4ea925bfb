package org.engram.models.sparsey;

/**
 * The shape and learning of a two-level {@link Hierarchy} over binary images of {@code rows} x
 * {@code cols} pixels: level 1 is a grid of macs, each of Q1 modules of K1 cells seeing a
 * {@code patch} x {@code patch} window of pixels, windows {@code stride} apart (the last row and
 * column of windows end at the image's edge); level 2 is one mac of Q2 modules of K2 cells seeing
 * every level-1 code.
 *
 * <p>Every mac keeps the default CSA parameters except these:
 * <ul>
 *   <li>the activation gate is open to any non-empty input (pixel windows and a grid of codes are
 *       far denser than Sparsey_Alt's 3-8%);</li>
 *   <li>the match is {@link MacParameters#specific}: with V = U, a level-1 cell that stored a few
 *       strokes matches most later windows fully, every draw reuses it, and codes stop telling
 *       digits apart (measured on MNIST: near-chance accuracy);</li>
 *   <li>{@code phi}, the V at the V→μ sigmoid's inflection, is {@value #DEFAULT_PHI}: a familiar
 *       window joins a cell only when it matches it closely, so cells stay specific (on MNIST,
 *       0.8 gave 0.8 points more than 0.7 and 1.8 more than 0.5; 0.9 the same as 0.8);</li>
 *   <li>each level has a saturation at which its macs stop learning (Sparsey's progressive critical
 *       periods, lower levels first): once the fraction of a mac's weights that are 1 reaches it,
 *       the mac codes every later input by recognition, so an input gets the same code in training
 *       and in testing. On MNIST, {@code saturation1} = {@value #DEFAULT_SATURATION1} froze the
 *       first level-1 macs after 200 digits and 42 of the 64 within
 *       2,000, and {@code saturation2} = {@value #DEFAULT_SATURATION2} froze the top mac after 552.
 *       A saturation of 1 never freezes a mac before all its weights are set.</li>
 * </ul>
 */
public record HierarchyParameters(int rows, int cols, int patch, int stride, int Q1, int K1, int Q2, int K2,
        double phi, double saturation1, double saturation2) {
    public static final double DEFAULT_PHI = 0.8;
    public static final double DEFAULT_SATURATION1 = 0.1;
    public static final double DEFAULT_SATURATION2 = 0.02;

    public HierarchyParameters {
        check(rows >= 1 && cols >= 1, "rows x cols", rows + " x " + cols, "expected an image of at least 1 x 1 pixels");
        check(patch >= 1 && patch <= Math.min(rows, cols), "patch", patch,
                "expected 1 <= patch <= " + Math.min(rows, cols) + " (the image's smaller side)");
        check(stride >= 1, "stride", stride, "expected stride >= 1");
        // The comparisons are written so that NaN fails them.
        check(saturation1 > 0 && saturation1 <= 1, "saturation1", saturation1,
                "expected a fraction of the weights, 0 < saturation1 <= 1");
        check(saturation2 > 0 && saturation2 <= 1, "saturation2", saturation2,
                "expected a fraction of the weights, 0 < saturation2 <= 1");
        // Q, K and phi are checked by MacParameters, here for level 1 and when the macs are built for level 2.
        ungated(Q1, K1, patch * patch, phi);
    }

    /** The shape with {@link #DEFAULT_PHI}, {@link #DEFAULT_SATURATION1} and {@link #DEFAULT_SATURATION2}. */
    public HierarchyParameters(int rows, int cols, int patch, int stride, int Q1, int K1, int Q2, int K2) {
        this(rows, cols, patch, stride, Q1, K1, Q2, K2, DEFAULT_PHI, DEFAULT_SATURATION1, DEFAULT_SATURATION2);
    }

    /** The start of each window along a side of {@code length} pixels: every stride, and one flush with the end. */
    int[] windowStarts(int length) {
        int last = length - patch;
        int count = (last + stride - 1) / stride + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.min(i * stride, last);
        }
        return starts;
    }

    /** The number of level-1 macs. */
    public int level1Macs() {
        return windowStarts(rows).length * windowStarts(cols).length;
    }

    /** The cells of all level-1 macs together: mac m's cells are {@code m·Q1·K1} onwards. */
    public int level1Cells() {
        return level1Macs() * Q1 * K1;
    }

    MacParameters level1() {
        return ungated(Q1, K1, patch * patch, phi);
    }

    MacParameters level2() {
        return ungated(Q2, K2, level1Cells(), phi);
    }

    private static MacParameters ungated(int Q, int K, int n, double phi) {
        return new MacParameters(Q, K, n, 0, 1, MacParameters.DEFAULT_G_MINUS, MacParameters.DEFAULT_GAMMA,
                MacParameters.DEFAULT_CHI, MacParameters.DEFAULT_LAMBDA, phi, true);
    }

    private static void check(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            throw new SdrException("Sparsey hierarchy", field + " = " + value + "; " + expectation);
        }
    }
}
