package org.engram.models.sparsey;

/**
 * The shape of a two-level {@link Hierarchy} over binary images of {@code rows} x {@code cols}
 * pixels: level 1 is a grid of macs, each of Q1 modules of K1 cells seeing a {@code patch} x
 * {@code patch} window of pixels, windows {@code stride} apart (the last row and column of windows
 * end at the image's edge); level 2 is one mac of Q2 modules of K2 cells seeing every level-1 code.
 * Every mac keeps the default CSA parameters except two: the activation gate is open to any
 * non-empty input (pixel windows and a grid of codes are far denser than Sparsey_Alt's 3-8%), and
 * the match is {@link MacParameters#specific}: with V = U, a level-1 cell that stored a few
 * strokes matches most later windows fully, every draw reuses it, and codes stop telling digits
 * apart (measured on MNIST: near-chance accuracy).
 */
public record HierarchyParameters(int rows, int cols, int patch, int stride, int Q1, int K1, int Q2, int K2) {

    public HierarchyParameters {
        check(rows >= 1 && cols >= 1, "rows x cols", rows + " x " + cols, "expected an image of at least 1 x 1 pixels");
        check(patch >= 1 && patch <= Math.min(rows, cols), "patch", patch,
                "expected 1 <= patch <= " + Math.min(rows, cols) + " (the image's smaller side)");
        check(stride >= 1, "stride", stride, "expected stride >= 1");
        // Q and K are checked by MacParameters when the macs are built.
        new MacParameters(Q1, K1, patch * patch, 0, 1, MacParameters.DEFAULT_G_MINUS, MacParameters.DEFAULT_GAMMA,
                MacParameters.DEFAULT_CHI, MacParameters.DEFAULT_LAMBDA, MacParameters.DEFAULT_PHI);
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

    MacParameters level1() {
        return ungated(Q1, K1, patch * patch);
    }

    MacParameters level2() {
        return ungated(Q2, K2, level1Macs() * Q1 * K1);
    }

    private static MacParameters ungated(int Q, int K, int n) {
        return new MacParameters(Q, K, n, 0, 1, MacParameters.DEFAULT_G_MINUS, MacParameters.DEFAULT_GAMMA,
                MacParameters.DEFAULT_CHI, MacParameters.DEFAULT_LAMBDA, MacParameters.DEFAULT_PHI, true);
    }

    private static void check(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            throw new SdrException("Sparsey hierarchy", field + " = " + value + "; " + expectation);
        }
    }
}
