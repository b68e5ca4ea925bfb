package org.engram.models.sparsey;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The SDR mathematics of Ahmad and Hawkins, "How do neurons operate on sparse distributed
 * representations? A mathematical theory of sparsity, neurons and active dendrites" (2016, arXiv
 * 1601.00720), with exact binomials: every count is a {@link BigInteger} and every probability is
 * one exact ratio of counts rounded once to a double, so probabilities as small as 1e-20 keep full
 * precision.
 *
 * <p>Symbols: {@code n} bits; an SDR {@code x} with {@code wx} active bits; random SDRs with
 * {@code w} active bits; overlap {@code b}; match threshold {@code theta}.
 */
public final class SdrMath {
    /** 34 significant digits: far more than a double holds, so the one rounding is the last one. */
    private static final MathContext RATIO_PRECISION = MathContext.DECIMAL128;

    private SdrMath() {
    }

    /** C(n, k), and 0 when k is below 0 or above n (so sums over overlaps need no bounds). */
    public static BigInteger binomial(int n, int k) {
        if (n < 0) {
            throw new SdrException("binomial", "n = " + n + "; expected n >= 0");
        }
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        int smaller = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= smaller; i++) {
            // After step i, result is C(n - smaller + i, i), an integer, so the division is exact.
            result = result.multiply(BigInteger.valueOf(n - smaller + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }

    /** The number of distinct SDRs of n bits with w active: C(n, w). */
    public static BigInteger numberOfSdrs(int n, int w) {
        checkBits("numberOfSdrs", n);
        checkActive("numberOfSdrs", "w", w, n);
        return binomial(n, w);
    }

    /**
     * |Ω_x(n, w, b)| = C(wx, b) · C(n − wx, w − b): the number of SDRs with w active bits whose
     * overlap with a given x of wx active bits is exactly b.
     */
    public static BigInteger overlapSetSize(int n, int wx, int w, int b) {
        checkTwoSdrs("overlapSetSize", n, wx, w);
        if (b < 0) {
            throw new SdrException("overlapSetSize", "b = " + b + "; expected an overlap b >= 0");
        }
        return binomial(wx, b).multiply(binomial(n - wx, w - b));
    }

    /**
     * The probability that a random SDR with w active bits overlaps a given x of wx active bits in
     * at least theta bits: Σ_{b=θ}^{wx} |Ω_x(n, w, b)| / C(n, w).
     */
    public static double falseMatchProbability(int n, int wx, int w, int theta) {
        checkTwoSdrs("falseMatchProbability", n, wx, w);
        if (theta < 0) {
            throw new SdrException("falseMatchProbability", "theta = " + theta + "; expected a threshold theta >= 0");
        }
        BigInteger matching = BigInteger.ZERO;
        for (int b = theta; b <= Math.min(wx, w); b++) {
            matching = matching.add(overlapSetSize(n, wx, w, b));
        }
        return new BigDecimal(matching).divide(new BigDecimal(binomial(n, w)), RATIO_PRECISION).doubleValue();
    }

    /**
     * The false-positive probability of a dendritic segment with s synapses on a population of n
     * cells, a of them active at random, firing at theta or more active synapses:
     * Σ_{b=θ}^{s} C(s, b) · C(n − s, a − b) / C(n, a). It is the false-match probability with the
     * segment's synapses as x.
     */
    public static double segmentFalsePositive(int n, int a, int s, int theta) {
        return falseMatchProbability(n, s, a, theta);
    }

    /**
     * The expected number of bits on in the union of M random patterns of s bits each out of n:
     * n(1 − p0) with p0 = (1 − s/n)^M the probability that a bit stays off, rounded to the nearest
     * integer.
     */
    public static int unionActiveBits(int n, int s, int patterns) {
        checkBits("unionActiveBits", n);
        checkActive("unionActiveBits", "s", s, n);
        if (patterns < 0) {
            throw new SdrException("unionActiveBits", "M = " + patterns + "; expected a number of patterns M >= 0");
        }
        double bitStaysOff = Math.pow(1 - (double) s / n, patterns);
        return (int) Math.round(n * (1 - bitStaysOff));
    }

    /**
     * The false-positive probability of a segment that stores the union of M patterns of s synapses
     * each: the segment formula with the union's expected active bits, {@link #unionActiveBits}, in
     * place of s.
     */
    public static double unionFalsePositive(int n, int a, int s, int patterns, int theta) {
        return segmentFalsePositive(n, a, unionActiveBits(n, s, patterns), theta);
    }

    private static void checkBits(String formula, int n) {
        if (n < 1) {
            throw new SdrException(formula, "n = " + n + "; expected a number of bits n >= 1");
        }
    }

    private static void checkTwoSdrs(String formula, int n, int wx, int w) {
        checkBits(formula, n);
        checkActive(formula, "wx", wx, n);
        checkActive(formula, "w", w, n);
    }

    private static void checkActive(String formula, String name, int active, int n) {
        if (active < 0 || active > n) {
            throw new SdrException(formula, name + " = " + active + "; expected 0 <= " + name + " <= n = " + n);
        }
    }
}
