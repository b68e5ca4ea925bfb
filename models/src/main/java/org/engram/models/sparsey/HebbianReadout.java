package org.engram.models.sparsey;

/**
 * A one-pass supervised read-out of labels from codes, Sparsey's Hebbian code-to-class association:
 * for every code cell i and label l it counts n_il, the stored items of label l whose code used
 * cell i (a weight that each coincidence of the cell and the label's node raises by one), and N_l,
 * the stored items of label l. Storing an item costs one increment per active cell, whatever has
 * been stored before.
 *
 * <p>A code is given the label of highest naive-Bayes score over its active cells,
 * score(l) = Σ_i log((n_il + α) / (N_l + 2α)): the log-likelihood of the code's cells under each
 * label when every cell is taken as independent, with α (Lidstone's smoothing) keeping a label that
 * never used a cell from being ruled out by it. Every label stored is taken as equally likely (no
 * prior: the digits' classes are close to balanced); a label no item has is never given (its score
 * is −∞). Ties go to the smaller label. Not thread-safe.
 */
public final class HebbianReadout {
    private final int cells;
    private final int labels;
    private final double alpha;
    /** n_il at {@code i·labels + l}. */
    private final int[] counts;
    private final int[] perLabel;

    /**
     * A read-out for codes of {@code cells} cells and labels 0 to {@code labels − 1}, with smoothing
     * {@code alpha}.
     */
    public HebbianReadout(int cells, int labels, double alpha) {
        check(cells >= 1, "cells", cells, "expected codes of at least 1 cell");
        check(labels >= 2, "labels", labels, "expected at least 2 labels to choose among");
        check((long) cells * labels <= Integer.MAX_VALUE - 8, "cells x labels", (long) cells * labels,
                "expected at most " + (Integer.MAX_VALUE - 8) + " counts");
        // The comparison is written so that NaN fails it.
        check(alpha > 0 && alpha < Double.POSITIVE_INFINITY, "alpha", alpha, "expected a finite smoothing alpha > 0");
        this.cells = cells;
        this.labels = labels;
        this.alpha = alpha;
        this.counts = new int[cells * labels];
        this.perLabel = new int[labels];
    }

    /** Adds one item: its code's cells each count once more for its label. */
    public void store(Sdr code, int label) {
        checkCode(code);
        check(label >= 0 && label < labels, "label", label, "expected 0 <= label < " + labels);
        for (int cell : code.sparse()) {
            counts[cell * labels + label]++;
        }
        perLabel[label]++;
    }

    /** The items stored. */
    public int stored() {
        int stored = 0;
        for (int n : perLabel) {
            stored += n;
        }
        return stored;
    }

    /** The naive-Bayes score of each label for the code, indexed by label; −∞ for a label no item has. */
    public double[] scores(Sdr code) {
        checkCode(code);
        if (stored() == 0) {
            throw new IllegalStateException("no items stored to read labels from");
        }
        double[] logNormaliser = new double[labels];
        for (int l = 0; l < labels; l++) {
            logNormaliser[l] = Math.log(perLabel[l] + 2 * alpha);
        }
        double[] scores = new double[labels];
        for (int cell : code.sparse()) {
            for (int l = 0; l < labels; l++) {
                scores[l] += Math.log(counts[cell * labels + l] + alpha) - logNormaliser[l];
            }
        }
        for (int l = 0; l < labels; l++) {
            if (perLabel[l] == 0) {
                scores[l] = Double.NEGATIVE_INFINITY;
            }
        }
        return scores;
    }

    /** The label of highest score; the smaller label on ties. */
    public int classify(Sdr code) {
        double[] scores = scores(code);
        int best = 0;
        for (int l = 1; l < labels; l++) {
            if (scores[l] > scores[best]) {
                best = l;
            }
        }
        return best;
    }

    private void checkCode(Sdr code) {
        check(code.size() == cells, "code size", code.size(), "expected codes of " + cells + " cells");
    }

    private static void check(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            throw new SdrException("Hebbian read-out", field + " = " + value + "; " + expectation);
        }
    }
}
