package org.engram.simulator.engine.event;

/**
 * The conductance-based LIF membrane between events. The conductances decay exactly
 * ({@code g(s) = g0 exp(-s/tau_syn)}) and v follows the linear equation
 * <pre>
 *   dv/ds = -alpha(s) v + beta(s),   alpha = 1/tau_m + (g_E + g_I)/cm,
 *                                    beta  = v_rest/tau_m + (g_E e_rev_E + g_I e_rev_I + i_offset)/cm
 * </pre>
 * whose solution over a step of length h is, with {@code A(s) = integral of alpha} in closed form
 * ({@code s/tau_m + (g_E0 tau_E (1 - exp(-s/tau_E)) + g_I0 tau_I (1 - exp(-s/tau_I)))/cm}),
 * <pre>
 *   v(h) = exp(-A(h)) v(0) + integral_0^h beta(u) exp(A(u) - A(h)) du.
 * </pre>
 * The factor {@code exp(-A(h))} is exact; the integral is taken by Gauss-Legendre quadrature on
 * steps of at most {@code STEP_RATE / rate}, {@code rate = max(1/tau_E, 1/tau_I, alpha(0))}, and
 * at most {@link #MAX_STEP_MS}. The integrand is a smooth function of exponentials whose fastest
 * rate is that maximum (alpha only falls as g decays), so the relative error per step is about
 * {@code (h rate)^12 (6!)^4 / (13 (12!)^3) < 2e-16} with 6 nodes, and
 * {@code (h rate)^8 (4!)^4 / (9 (8!)^3) < 2e-13} with the 4 nodes that steps up to
 * {@code SHORT_STEP_RATE / rate} take (the many short ones between inputs): the global error
 * over an interval between events stays below 1e-9 mV, checked in the tests against the same
 * rules on steps a thousand times shorter and against a fine independent integration (whose
 * stated bound is 1e-6 mV).
 *
 * <p>The crossing search takes steps no longer than the rigorous lower bound of the crossing
 * time from each step's start, so that no crossing lies inside a step, but at least
 * {@link #MIN_SEARCH_STEP_MS} (the bound falls to zero as v nears threshold). In such a short
 * step v may rise above threshold and fall back before its end. It can only fall back where
 * its slope at threshold, {@code c(s) = dv/ds at v = v_thresh}, is not positive, and it rose
 * where c was not negative: every excursion above threshold holds a point where c falls
 * through zero. c is {@code c0 + a exp(-s/tau_E) + b exp(-s/tau_I)}, which has at most one
 * extremum and so at most one such point; the search finds it within the step and tests v
 * there ({@link #slopeAtThresholdFalls}). A threshold crossing inside a step is located by
 * Newton's method on the step length (the slope from the equation above), safeguarded by
 * bisection, to 1e-12 ms.
 */
final class CondExpMembrane {
    /** A step times the fastest rate of the integrand. */
    private static final double STEP_RATE = 1.0;
    /** The longest step, ms. */
    static final double MAX_STEP_MS = 2.0;
    /**
     * The shortest step of the crossing search, ms: steps are otherwise no longer than the
     * rigorous lower bound of the crossing time ({@link #crossingLowerBound}), which falls to
     * zero near threshold; a step this short may be longer than the bound, and is searched for
     * an excursion above threshold inside it ({@link #slopeAtThresholdFalls}).
     */
    static final double MIN_SEARCH_STEP_MS = 0.01;
    /** Give up looking for a crossing after this many steps. */
    private static final int MAX_STEPS = 1_000_000;
    private static final int MAX_ITERATIONS = 200;
    /** A step up to this times the fastest rate takes the 4-point rule, a longer one the 6-point. */
    private static final double SHORT_STEP_RATE = 0.35;
    // Gauss-Legendre rules on [0, 1]: nodes and weights (Abramowitz and Stegun, table 25.4)
    private static final double[][] GL4 = rule(new double[] {0.8611363115940526, 0.3399810435848563},
            new double[] {0.3478548451374538, 0.6521451548625461});
    private static final double[][] GL6 = rule(new double[] {0.9324695142031521, 0.6612093864662645,
        0.2386191860831909}, new double[] {0.1713244923791704, 0.3607615730481386, 0.4679139345726910});

    /** The rule on [0, 1] ({nodes, weights}) from the positive nodes and their weights on [-1, 1]. */
    private static double[][] rule(double[] x, double[] w) {
        int n = 2 * x.length;
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int q = 0; q < x.length; q++) {
            nodes[q] = 0.5 * (1 - x[q]);
            nodes[n - 1 - q] = 0.5 * (1 + x[q]);
            weights[q] = 0.5 * w[q];
            weights[n - 1 - q] = 0.5 * w[q];
        }
        return new double[][] {nodes, weights};
    }

    private double vRest;
    private double tauM;
    private double cm;
    private double eE;
    private double eI;
    private double iOffset;
    private double tauE;
    private double tauI;
    /** n when tau_I = n tau_E exactly for an integer n in [1, 16], so exp(-s/tau_E) = exp(-s/tau_I)^n; else 0. */
    private int inhibitionPower;

    // the state at the end of the last step(): conductances
    private double stepGE;
    private double stepGI;
    private final SlopeAtThreshold slopeAtThreshold = new SlopeAtThreshold();

    void prepare(double vRest, double tauM, double cm, double eE, double eI, double iOffset, double tauE, double tauI) {
        this.vRest = vRest;
        this.tauM = tauM;
        this.cm = cm;
        this.eE = eE;
        this.eI = eI;
        this.iOffset = iOffset;
        this.tauE = tauE;
        this.tauI = tauI;
        long n = Math.round(tauI / tauE);
        inhibitionPower = n >= 1 && n <= 16 && n * tauE == tauI ? (int) n : 0;
    }

    /** exp(-s/tau_E) and exp(-s/tau_I): one exponential when tau_I = n tau_E ({@link #inhibitionPower}). */
    private double decayE(double s, double decayI) {
        if (inhibitionPower == 0) {
            return Math.exp(-s / tauE);
        }
        double r = decayI;
        for (int k = 1; k < inhibitionPower; k++) {
            r *= decayI;
        }
        return r;
    }

    private double dv(double v, double gE, double gI) {
        return (vRest - v) / tauM + (gE * (eE - v) + gI * (eI - v) + iOffset) / cm;
    }

    /** The fastest rate of the integrand over a step from conductances (gE, gI), 1/ms. */
    private double rate(double gE, double gI) {
        return Math.max(Math.max(1 / tauE, 1 / tauI), 1 / tauM + (Math.abs(gE) + Math.abs(gI)) / cm);
    }

    /** The longest step within the stated accuracy where the integrand's fastest rate is {@code rate}. */
    private static double maxStep(double rate) {
        return Math.min(MAX_STEP_MS, STEP_RATE / rate);
    }

    /**
     * v after one step of length h from (v, gE, gI), whose integrand's fastest rate is
     * {@code rate}; leaves the conductances at its end in {@code stepGE, stepGI}.
     */
    private double step(double v, double gE, double gI, double h, double rate) {
        double xI = Math.exp(-h / tauI);
        double xE = decayE(h, xI);
        double cE = gE * tauE / cm;
        double cI = gI * tauI / cm;
        double aH = h / tauM + cE * (1 - xE) + cI * (1 - xI);
        double[][] rule = h * rate <= SHORT_STEP_RATE ? GL4 : GL6;
        double[] nodes = rule[0];
        double[] weights = rule[1];
        int last = nodes.length - 1;
        double integral = 0;
        // the rule is symmetric (node last - q is 1 - node q): the mirror node's decays are the
        // step's divided by this node's, a division where an exponential was
        for (int q = 0; q < nodes.length / 2; q++) {
            double u = nodes[q] * h;
            double uI = Math.exp(-u / tauI);
            double uE = decayE(u, uI);
            integral += weights[q] * integrand(u, uE, uI, cE, cI, gE, gI, aH)
                    + weights[last - q] * integrand(h - u, xE / uE, xI / uI, cE, cI, gE, gI, aH);
        }
        stepGE = gE * xE;
        stepGI = gI * xI;
        return Math.exp(-aH) * v + h * integral;
    }

    /**
     * The quadrature's integrand {@code beta(u) exp(A(u) - A(h))} at u, whose decays
     * {@code exp(-u/tau_E)} and {@code exp(-u/tau_I)} are uE and uI.
     */
    private double integrand(double u, double uE, double uI, double cE, double cI, double gE, double gI, double aH) {
        double aU = u / tauM + cE * (1 - uE) + cI * (1 - uI);
        double beta = vRest / tauM + (gE * uE * eE + gI * uI * eI + iOffset) / cm;
        return beta * Math.exp(aU - aH);
    }

    /** v after {@code s} ms from (v, gE, gI), ignoring the threshold. */
    double v(double v, double gE, double gI, double s) {
        double done = 0;
        while (done < s) {
            double rate = rate(gE, gI);
            double h = Math.min(maxStep(rate), s - done);
            if (s - done - h < 1e-9 * s) {
                h = s - done;
            }
            v = step(v, gE, gI, h, rate);
            gE = stepGE;
            gI = stepGI;
            done += h;
        }
        stepGE = gE;
        stepGI = gI;
        return v;
    }

    /** The excitatory conductance at the end of the last {@link #v} call. */
    double endGE() {
        return stepGE;
    }

    /** The inhibitory conductance at the end of the last {@link #v} call. */
    double endGI() {
        return stepGI;
    }

    /**
     * A lower bound of the first crossing time from (v, gE, gI), or +infinity when v can never
     * reach the threshold, or 0 when no bound is known. While {@code e_rev_I <= v <= threshold <
     * e_rev_E}, with non-negative conductances and current, g_E(s) <= g_E0 and the inhibitory term is
     * not positive, so {@code dv/ds <= (U - v)/tau} with {@code 1/tau = 1/tau_m + g_E0/cm},
     * {@code U = tau (v_rest/tau_m + (g_E0 e_rev_E + i_offset)/cm)}; v stays below
     * {@code U + (v0 - U) exp(-s/tau)} (comparison theorem). v cannot fall below e_rev_I when
     * {@code v_rest >= e_rev_I} (there dv/ds >= 0), so the bound holds until the crossing.
     */
    double crossingLowerBound(double v, double gE, double gI, double threshold) {
        if (v >= threshold) {
            return 0;
        }
        if (!(gE >= 0 && gI >= 0 && iOffset >= 0 && v >= eI && vRest >= eI && threshold < eE)) {
            return 0;
        }
        double rate = 1 / tauM + gE / cm;
        double u = (vRest / tauM + (gE * eE + iOffset) / cm) / rate;
        if (!(u > threshold)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log((u - v) / (u - threshold)) / rate;
    }

    /**
     * The first s in [0, limitMs] at which v reaches {@code threshold}; +infinity if it never
     * can; NaN if it does not before {@code limitMs}. The search stops once a crossing has become
     * impossible: at {@code v = threshold} the slope is at most
     * {@code (v_rest - threshold)/tau_m + (max(0, g_E(s)(e_rev_E - threshold)) + i_offset)/cm}
     * (inhibition only lowers it when e_rev_I is below threshold), which never increases as g_E
     * decays; once it is negative v can never rise through the threshold again.
     */
    double firstCrossing(double v, double gE, double gI, double threshold, double limitMs) {
        if (v >= threshold) {
            return 0;
        }
        double s = 0;
        for (int k = 0; k < MAX_STEPS && s < limitMs; k++) {
            if (eI <= threshold
                    && (vRest - threshold) / tauM + (Math.max(0, gE * (eE - threshold)) + iOffset) / cm < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double bound = crossingLowerBound(v, gE, gI, threshold);
            if (bound == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            // no crossing can hide inside a step shorter than the bound
            double rate = rate(gE, gI);
            double h = Math.min(maxStep(rate), Math.max(bound, MIN_SEARCH_STEP_MS));
            double next = step(v, gE, gI, h, rate);
            if (next >= threshold) {
                return s + locate(v, gE, gI, threshold, h, rate);
            }
            double endGE = stepGE;
            double endGI = stepGI;
            if (h > bound) {
                // an excursion above threshold inside the step holds the point where c falls through zero
                double falls = slopeAtThresholdFalls(gE, gI, endGE, endGI, threshold, h);
                if (!Double.isNaN(falls) && step(v, gE, gI, falls, rate) >= threshold) {
                    return s + locate(v, gE, gI, threshold, falls, rate);
                }
            }
            v = next;
            gE = endGE;
            gI = endGI;
            s += h;
        }
        return s < limitMs ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /**
     * The point in [0, h] where {@code c(s) = dv/ds at v = threshold} falls through zero, from
     * conductances (gE, gI) at 0 and (endGE, endGI) at h; NaN if c does not fall through zero
     * there. {@code c = c0 + a exp(-s/tau_E) + b exp(-s/tau_I)} has at most one extremum (c' = 0
     * where the ratio of the two exponentials, monotone in s, takes one value), inside the step
     * exactly when c' changes sign there: from c and c' at both ends, c falls through zero on
     * [0, h] when it goes from non-negative to negative, or before a minimum inside, or after a
     * maximum inside. The point is found to 1e-12 ms: v there is within O(error^2) of its value
     * at the exact point.
     */
    private double slopeAtThresholdFalls(double gE, double gI, double endGE, double endGI, double threshold, double h) {
        double a = gE * (eE - threshold) / cm;
        double b = gI * (eI - threshold) / cm;
        double c0 = (vRest - threshold) / tauM + iOffset / cm;
        double atStart = c0 + a + b;
        double atEnd = c0 + (endGE * (eE - threshold) + endGI * (eI - threshold)) / cm;
        double slopeAtStart = -a / tauE - b / tauI;
        double slopeAtEnd = -(endGE * (eE - threshold) / tauE + endGI * (eI - threshold) / tauI) / cm;
        double lo = 0;
        double hi = h;
        if (atStart >= 0 && atEnd < 0) {
            // one zero: c has at most one extremum
        } else if ((slopeAtStart < 0) != (slopeAtEnd < 0) && slopeAtStart != 0 && slopeAtEnd != 0) {
            // c' = 0 inside: exp(-s (1/tau_E - 1/tau_I)) = -(b tau_E) / (a tau_I)
            double turn = Math.log(-(a * tauI) / (b * tauE)) / (1 / tauE - 1 / tauI);
            slopeAtThreshold.prepare(c0, a, b);
            slopeAtThreshold.evaluate(turn);
            double atTurn = slopeAtThreshold.value;
            if (slopeAtStart < 0 && atStart >= 0 && atTurn < 0) {
                hi = turn;
            } else if (slopeAtStart > 0 && atTurn >= 0 && atEnd < 0) {
                lo = turn;
            } else {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        slopeAtThreshold.prepare(c0, a, b);
        return slopeAtThreshold.root(lo, hi, false, false, lo, CurrExpMembrane.TIME_ACCURACY_MS, 0);
    }

    /** {@code c(s) = c0 + a exp(-s/tau_E) + b exp(-s/tau_I)} and its first two derivatives. */
    private final class SlopeAtThreshold extends BracketedNewton {
        private double c0;
        private double a;
        private double b;

        void prepare(double c0, double a, double b) {
            this.c0 = c0;
            this.a = a;
            this.b = b;
        }

        @Override
        protected void evaluate(double s) {
            double xI = Math.exp(-s / tauI);
            double xE = decayE(s, xI);
            value = c0 + a * xE + b * xI;
            slope = -a * xE / tauE - b * xI / tauI;
            curvature = a * xE / (tauE * tauE) + b * xI / (tauI * tauI);
        }
    }

    /**
     * The crossing inside one step of length h from (v, gE, gI), where v(0) < threshold <= v(h):
     * Newton on the step length, with the slope from the membrane equation, kept inside the
     * bracket by bisection.
     */
    private double locate(double v, double gE, double gI, double threshold, double h, double rate) {
        double lo = 0;
        double hi = h;
        double x = 0.5 * h;
        for (int k = 0; k < MAX_ITERATIONS && hi - lo > CurrExpMembrane.TIME_ACCURACY_MS; k++) {
            double vx = step(v, gE, gI, x, rate);
            double f = vx - threshold;
            if (f >= 0) {
                hi = x;
            } else {
                lo = x;
            }
            double slope = dv(vx, stepGE, stepGI);
            double newton = slope > 0 ? x - f / slope : Double.NaN;
            if (newton > lo && newton < hi) {
                if (Math.abs(newton - x) < 0.01 * CurrExpMembrane.TIME_ACCURACY_MS) {
                    return newton;
                }
                x = newton;
            } else {
                x = 0.5 * (lo + hi);
            }
        }
        return hi;
    }
}
