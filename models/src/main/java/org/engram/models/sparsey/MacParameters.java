package org.engram.models.sparsey;

import java.util.Arrays;

/**
 * The parameters of one Sparsey macrocolumn ("mac") and the formulas of its Code Selection
 * Algorithm that depend on them alone, with the names of Rinkus's papers.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>Q</td><td>(given)</td><td>competitive modules (CMs) in the mac; a code has one
 *       winner per CM</td></tr>
 *   <tr><td>K</td><td>(given)</td><td>binary cells per CM, at least 2</td></tr>
 *   <tr><td>n</td><td>(given)</td><td>input bits (the U receptive field)</td></tr>
 *   <tr><td>pi_minus, pi_plus</td><td>0.03, 0.08</td><td>activation gate: the mac codes an input
 *       only when its active count lies in [pi_minus·n, pi_plus·n] (and is at least 1);
 *       the Sparsey_Alt defaults</td></tr>
 *   <tr><td>G_minus</td><td>0.1</td><td>familiarity floor: at G ≤ G_minus the draw is
 *       uniform</td></tr>
 *   <tr><td>gamma</td><td>2</td><td>exponent of the expansivity η</td></tr>
 *   <tr><td>chi</td><td>100</td><td>scale of the expansivity η</td></tr>
 *   <tr><td>lambda</td><td>28</td><td>steepness of the V→μ sigmoid (sparseypy's demo)</td></tr>
 *   <tr><td>phi</td><td>0.5</td><td>V at the V→μ sigmoid's inflection (Rinkus's V-to-mu
 *       demo, SparseyCore's initial value)</td></tr>
 *   <tr><td>match</td><td>{@link Match#U}</td><td>how a cell's match V is computed from its input
 *       sum u: the CSA's V = U = u / (active inputs), or one of two Engram additions against the
 *       saturation of binary weights, {@link Match#SPECIFIC} and {@link Match#ABOVE_CHANCE}</td></tr>
 *   <tr><td>kappa</td><td>0</td><td>sharpness within a CM: the part of μ above 1 is scaled by
 *       e^{−kappa·(V_best − V)}, V_best the highest V in the cell's CM, so that the best-matching
 *       cell of a CM wins over cells that match almost as well (an Engram addition; 0 is the
 *       CSA's μ)</td></tr>
 * </table>
 *
 * <p>G_minus, gamma and chi are dcc-sparsey's values (following SparseyCore), so that
 * η(G = 1, K = 8) = 801.
 */
public record MacParameters(int Q, int K, int n, double pi_minus, double pi_plus, double G_minus, double gamma,
        double chi, double lambda, double phi, Match match, double kappa) {
    public static final double DEFAULT_PI_MINUS = 0.03;
    public static final double DEFAULT_PI_PLUS = 0.08;
    public static final double DEFAULT_G_MINUS = 0.1;
    public static final double DEFAULT_GAMMA = 2;
    public static final double DEFAULT_CHI = 100;
    public static final double DEFAULT_LAMBDA = 28;
    public static final double DEFAULT_PHI = 0.5;
    public static final double DEFAULT_KAPPA = 0;

    /** How a cell's match V follows from u, the number of the input's active bits whose weight to the cell is 1. */
    public enum Match {
        /** The CSA's V = U = u / (active inputs). */
        U("the CSA's match V = u / (active inputs)"),
        /**
         * V = u / max(active inputs, the cell's weights that are 1): a cell whose weights are the
         * union of many inputs no longer matches every part of that union fully.
         */
        SPECIFIC("specific (u divided by the cell's own weights)"),
        /**
         * V = (U − p) / (1 − p), floored at 0, with p the fraction of the n weights of the cell
         * that are 1 (and V = 1 when u equals the active inputs): the match above what a random
         * input gets by chance, so that a cell that has learnt the union of many inputs does not
         * look familiar to every input, while every cell of a stored item's code still has V = 1.
         */
        ABOVE_CHANCE("above chance ((U - p) / (1 - p), p the fraction of the cell's weights set)");

        private final String description;

        Match(String description) {
            this.description = description;
        }

        /** What the match computes, for messages. */
        public String description() {
            return description;
        }
    }

    /** Cells times 64-bit weight words per cell must index one Java array. */
    private static final long MAX_WEIGHT_WORDS = Integer.MAX_VALUE - 8;

    public MacParameters {
        check(Q >= 1, "Q", Q, "expected Q >= 1 competitive modules");
        check(K >= 2, "K", K, "expected K >= 2 cells per competitive module (one cell leaves nothing to choose)");
        check(n >= 1, "n", n, "expected n >= 1 input bits");
        check((long) Q * K * Macrocolumn.wordsPerCell(n) <= MAX_WEIGHT_WORDS, "Q*K*n", (long) Q * K * n,
                "expected at most " + MAX_WEIGHT_WORDS * Long.SIZE + " weights");
        // The comparisons are written so that NaN fails them.
        check(pi_minus >= 0 && pi_minus <= 1, "pi_minus", pi_minus, "expected a fraction of the input, 0 <= pi_minus <= 1");
        check(pi_plus >= 0 && pi_plus <= 1, "pi_plus", pi_plus, "expected a fraction of the input, 0 <= pi_plus <= 1");
        check(pi_minus <= pi_plus, "pi_minus", pi_minus, "expected pi_minus <= pi_plus = " + pi_plus);
        check(G_minus >= 0 && G_minus < 1, "G_minus", G_minus, "expected 0 <= G_minus < 1");
        check(gamma > 0 && gamma < Double.POSITIVE_INFINITY, "gamma", gamma, "expected a finite gamma > 0");
        check(chi >= 0 && chi < Double.POSITIVE_INFINITY, "chi", chi, "expected a finite chi >= 0");
        check(lambda > 0 && lambda < Double.POSITIVE_INFINITY, "lambda", lambda, "expected a finite lambda > 0");
        check(phi >= 0 && phi <= 1, "phi", phi, "expected 0 <= phi <= 1 (V lies in [0, 1])");
        check(match != null, "match", match, "expected one of " + Arrays.toString(Match.values()));
        check(kappa >= 0 && kappa < Double.POSITIVE_INFINITY, "kappa", kappa, "expected a finite kappa >= 0");
    }

    /** A mac with the CSA's match V = U, or {@link Match#SPECIFIC} when {@code specific}, and kappa 0. */
    public MacParameters(int Q, int K, int n, double pi_minus, double pi_plus, double G_minus, double gamma, double chi,
            double lambda, double phi, boolean specific) {
        this(Q, K, n, pi_minus, pi_plus, G_minus, gamma, chi, lambda, phi, specific ? Match.SPECIFIC : Match.U,
                DEFAULT_KAPPA);
    }

    /** A mac with the CSA's match V = U and kappa 0. */
    public MacParameters(int Q, int K, int n, double pi_minus, double pi_plus, double G_minus, double gamma, double chi,
            double lambda, double phi) {
        this(Q, K, n, pi_minus, pi_plus, G_minus, gamma, chi, lambda, phi, false);
    }

    /** A mac of Q modules of K cells on n inputs with every other parameter at its default. */
    public static MacParameters withDefaults(int Q, int K, int n) {
        return new MacParameters(Q, K, n, DEFAULT_PI_MINUS, DEFAULT_PI_PLUS, DEFAULT_G_MINUS, DEFAULT_GAMMA, DEFAULT_CHI,
                DEFAULT_LAMBDA, DEFAULT_PHI);
    }

    /** Whether the match is {@link Match#SPECIFIC}. */
    public boolean specific() {
        return match == Match.SPECIFIC;
    }

    /** Whether the gate lets the mac code an input with this many active bits. */
    public boolean gateOpen(int activeInputs) {
        return activeInputs >= 1 && activeInputs >= pi_minus * n && activeInputs <= pi_plus * n;
    }

    /**
     * The expansivity (sigmoid height) η = 1 + [max(0, (G − G_minus)/(1 − G_minus))]^gamma · chi · K:
     * 1 at or below the familiarity floor, so every μ is 1 and the draw uniform.
     */
    public double eta(double G) {
        double above = Math.max(0, (G - G_minus) / (1 - G_minus));
        return 1 + Math.pow(above, gamma) * chi * K;
    }

    /**
     * The relative win likelihood μ = (η − 1) / (1 + e^{−lambda(V − phi)}) · e^{−kappa(V_best − V)} + 1
     * of a cell of match V in a CM whose highest match is {@code bestV} (at least V): within
     * [1, η] and non-decreasing in V; with kappa 0 it does not depend on {@code bestV}.
     */
    public double mu(double V, double bestV, double eta) {
        return (eta - 1) / (1 + Math.exp(-lambda * (V - phi))) * Math.exp(-kappa * (bestV - V)) + 1;
    }

    private static void check(boolean ok, String field, Object value, String expectation) {
        if (!ok) {
            throw new SdrException("Sparsey mac parameters", field + " = " + value + "; " + expectation);
        }
    }
}
