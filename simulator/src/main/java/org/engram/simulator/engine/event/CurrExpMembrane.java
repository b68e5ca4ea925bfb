package org.engram.simulator.engine.event;

/**
 * The exact solution of the current-based LIF membrane between events, and the search for its
 * first threshold crossing. Isolates the numerical hazards: tau_syn = tau_m (handled by a stable
 * form of the PSP kernel) and the crossing search.
 *
 * <p>With {@code R = tau_m/cm}, {@code v_inf = v_rest + R i_offset} and synaptic currents
 * {@code E(s) = E0 exp(-s/tau_E)}, {@code I(s) = I0 exp(-s/tau_I)}, the membrane after {@code s} ms is
 * <pre>
 *   v(s) = v_inf + (v0 - v_inf) exp(-s/tau_m) + E0 K(s; tau_E) - I0 K(s; tau_I)
 *   K(s; tau) = (tau_m tau / (cm (tau - tau_m))) (exp(-s/tau) - exp(-s/tau_m))
 *             = (s / cm) exp(-s/tau_m) phi(s (1/tau - 1/tau_m)),   phi(x) = (1 - exp(-x)) / x
 * </pre>
 * The second form of K has no cancellation as tau approaches tau_m ({@code phi(0) = 1}).
 *
 * <p>First crossing: v has at most two extrema on (0, inf), since {@code exp(s/tau_m) v'(s)} has a
 * derivative of the sign of {@code I(s)/tau_I - E(s)/tau_E}, which changes sign at most once (at a
 * closed-form time). So v' is found monotone on at most two intervals, its roots are bracketed
 * and solved, v is monotone between them, and the first interval on which v rises through the
 * threshold is solved to 1e-12 ms.
 *
 * <p>Root finding is {@link BracketedNewton}'s safeguarded Newton method. One evaluation ({@link #evaluate}) gives v, v' and v'' from three
 * transcendental functions. The crossing search starts at the rigorous lower bound of
 * {@link #crossingLowerBound}, where the bracket's left end may be raised: v stays below the
 * threshold before it.
 */
final class CurrExpMembrane extends BracketedNewton {
    /** Absolute accuracy of crossing times, ms. */
    static final double TIME_ACCURACY_MS = 1e-12;
    /** Beyond this many of the slowest time constant, the exponentials are below double precision. */
    private static final double HORIZON_TAUS = 60;

    // the problem being solved: set by prepare()
    private double v0;
    private double vInf;
    private double e0;
    private double i0;
    private double tauM;
    private double tauE;
    private double tauI;
    private double cm;
    private double threshold;
    /** tau_m / tau_E and tau_m / tau_I when integers ({@link #integerRatio}), else 0. */
    private int powerE;
    private int powerI;


    void prepare(double v0, double e0, double i0, double vRest, double iOffset, double cm, double tauM,
            double tauE, double tauI, double threshold) {
        this.v0 = v0;
        this.e0 = e0;
        this.i0 = i0;
        this.cm = cm;
        this.tauM = tauM;
        this.tauE = tauE;
        this.tauI = tauI;
        this.vInf = vRest + tauM / cm * iOffset;
        this.threshold = threshold;
        this.powerE = integerRatio(tauM, tauE);
        this.powerI = integerRatio(tauM, tauI);
    }

    /**
     * n when {@code tau_m = n tau} exactly for an integer n in [2, 16] (then
     * {@code exp(-s/tau) = exp(-s/tau_m)^n}, and tau is far from tau_m so the kernel's direct form
     * does not cancel), else 0.
     */
    static int integerRatio(double tauM, double tau) {
        long n = Math.round(tauM / tau);
        return n >= 2 && n <= 16 && n * tau == tauM ? (int) n : 0;
    }

    static double power(double x, int n) {
        double r = x;
        for (int k = 1; k < n; k++) {
            r *= x;
        }
        return r;
    }

    /** The PSP kernel K(s; tau) for a unit current, mV per nA. */
    static double kernel(double s, double tau, double tauM, double cm) {
        double x = s * (1.0 / tau - 1.0 / tauM);
        double phi = x == 0 ? 1.0 : -Math.expm1(-x) / x;
        return s / cm * Math.exp(-s / tauM) * phi;
    }

    /** v after s ms of free evolution. */
    double v(double s) {
        return vInf + (v0 - vInf) * Math.exp(-s / tauM) + e0 * kernel(s, tauE, tauM, cm)
                - i0 * kernel(s, tauI, tauM, cm);
    }

    /** dv/ds, from the kernels' derivative {@code K' = exp(-s/tau)/cm - K/tau_m}, free of cancellation. */
    double slope(double s) {
        double kE = Math.exp(-s / tauE) / cm - kernel(s, tauE, tauM, cm) / tauM;
        double kI = Math.exp(-s / tauI) / cm - kernel(s, tauI, tauM, cm) / tauM;
        return -(v0 - vInf) / tauM * Math.exp(-s / tauM) + e0 * kE - i0 * kI;
    }

    /**
     * An upper bound of v over all future s: with excitation decaying and inhibition not negative,
     * {@code v(s) <= max(v0, v_inf + R max(E0, 0) - R min(I0, 0))}.
     */
    double upperBound() {
        double r = tauM / cm;
        return Math.max(v0, vInf + r * Math.max(e0, 0) - r * Math.min(i0, 0));
    }

    /**
     * A lower bound of the first crossing time (the time the upper-bound trajectory
     * {@code U + (v0 - U) exp(-s/tau_m)} needs to reach the threshold), or +infinity if the bound
     * never reaches it.
     */
    double crossingLowerBound() {
        if (v0 >= threshold) {
            return 0;
        }
        double r = tauM / cm;
        double u = vInf + r * Math.max(e0, 0) - r * Math.min(i0, 0);
        if (!(u > threshold)) {
            return Double.POSITIVE_INFINITY;
        }
        return tauM * Math.log((u - v0) / (u - threshold));
    }

    /** The first s >= 0 at which v reaches the threshold, or +infinity if it never does. */
    double firstCrossing() {
        if (v0 >= threshold) {
            return 0;
        }
        if (upperBound() < threshold) {
            return Double.POSITIVE_INFINITY;
        }
        double horizon = HORIZON_TAUS * Math.max(tauM, Math.max(tauE, tauI));
        // v' changes sign at most once on [0, split] and on [split, horizon]: the pieces between
        // 0, its roots, split and the horizon are monotone; walk them in time order
        double split = slopeTurningPoint();
        evaluate(0);
        double lo = 0;
        double slopeLo = slope;
        for (int piece = 0; piece < 2; piece++) {
            double hi = piece == 0 && split > 0 && split < horizon ? split : horizon;
            evaluate(hi);
            double aboveHi = value;
            double slopeHi = slope;
            if (slopeLo != 0 && slopeHi != 0 && (slopeLo < 0) != (slopeHi < 0)) {
                double r = root(lo, hi, slopeLo < 0, true, lo, TIME_ACCURACY_MS, 0);
                if (r > lo && r < hi) {
                    evaluate(r);
                    if (value >= 0) {
                        return solve(lo, r);
                    }
                    lo = r;
                }
            }
            if (aboveHi >= 0) {
                return solve(lo, hi);
            }
            lo = hi;
            slopeLo = slopeHi;
            if (hi == horizon) {
                break;
            }
        }
        // beyond the horizon v is monotone and within rounding of v_inf
        if (vInf > threshold) {
            lo = horizon;
            double step = tauM;
            while (v(lo + step) < threshold) {
                lo += step;
                step *= 2;
                if (Double.isInfinite(lo)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return solve(lo, lo + step);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The single time where {@code exp(s/tau_m) v'(s)} turns (where {@code I(s)/tau_I = E(s)/tau_E}),
     * or NaN if it is monotone.
     */
    private double slopeTurningPoint() {
        double a = i0 / tauI;
        double b = e0 / tauE;
        double rate = 1.0 / tauI - 1.0 / tauE;
        if (a == 0 || b == 0 || rate == 0 || Math.signum(a) != Math.signum(b)) {
            return Double.NaN;
        }
        return Math.log(a / b) / rate;
    }

    /** The crossing in [lo, hi], where v is monotone, v(lo) < threshold <= v(hi). */
    private double solve(double lo, double hi) {
        // no crossing before the lower bound: start there
        double bound = crossingLowerBound();
        double start = bound > lo && bound < hi ? bound : lo;
        return root(lo, hi, true, false, start, TIME_ACCURACY_MS, 0);
    }

    /**
     * Sets value, slope and curvature to v - v_thresh, v' and v'' at s: one exponential when the synaptic time
     * constants divide tau_m ({@link #integerRatio}), else the kernels in their stable form:
     * {@code exp(-s/tau) = exp(-s/tau_m) (1 + expm1(-x))}, {@code K' = exp(-s/tau)/cm - K/tau_m},
     * {@code K'' = -exp(-s/tau)/(tau cm) - K'/tau_m}.
     */
    @Override
    protected void evaluate(double s) {
        double xm = Math.exp(-s / tauM);
        double a = v0 - vInf;
        value = vInf + a * xm;
        slope = -a / tauM * xm;
        curvature = a / (tauM * tauM) * xm;
        addKernel(s, xm, e0, tauE, powerE);
        addKernel(s, xm, -i0, tauI, powerI);
        value -= threshold;
    }

    /**
     * Adds {@code current K(s; tau)} and its first two derivatives to value, slope and curvature
     * (xm is exp(-s/tau_m), power is tau_m/tau when an integer, else 0).
     */
    private void addKernel(double s, double xm, double current, double tau, int power) {
        if (current == 0) {
            return;
        }
        double k;
        double xs;
        if (power > 0) {
            xs = power(xm, power);
            k = tauM * tau / (cm * (tau - tauM)) * (xs - xm);
        } else {
            double x = s * (1.0 / tau - 1.0 / tauM);
            double em1 = Math.expm1(-x);
            k = s / cm * xm * (x == 0 ? 1.0 : -em1 / x);
            xs = xm * (1 + em1);
        }
        double k1 = xs / cm - k / tauM;
        value += current * k;
        slope += current * k1;
        curvature += current * (-xs / (tau * cm) - k1 / tauM);
    }
}
