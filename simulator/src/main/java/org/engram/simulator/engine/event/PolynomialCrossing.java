package org.engram.simulator.engine.event;

/**
 * The first threshold crossing of a current-based LIF neuron whose synaptic time constants divide
 * tau_m ({@code tau_m = n tau_E = m tau_I} for integers n, m), found without a transcendental
 * function per step.
 *
 * <p>With {@code x = exp(-s/tau_m)}, the membrane of {@link CurrExpMembrane} is a polynomial in x:
 * {@code v(s) - v_thresh = P(x) = d + A x + B x^n + C x^m}, where {@code d = v_inf - v_thresh},
 * A is the homogeneous part, {@code B = -kE E <= 0} and {@code C = kI I >= 0} (the particular
 * solutions of the excitatory and inhibitory currents, see {@link ScaledMembranes}). Time runs
 * as x falls from 1 (now) to 0 (infinity), so the first crossing is the largest x in (0, 1) at
 * which P reaches 0.
 *
 * <p>Since {@code B <= 0 <= C}, {@code P''(x) = n(n-1) B x^(n-2) + m(m-1) C x^(m-2)} changes sign
 * at most once on (0, 1), at a closed-form point: P' is monotone on both sides of it, so each
 * side holds at most one root of P', and P is monotone between the cuts. The pieces are walked
 * from x = 1 downwards and the first one on which P rises to zero is solved by Newton's method
 * kept inside its bracket (bisection when a step leaves it or does not halve the previous one),
 * until the bracket is below {@link #RELATIVE_ACCURACY} of x, that is below
 * {@code tau_m * RELATIVE_ACCURACY} ms (2e-13 ms for tau_m = 20 ms).
 */
final class PolynomialCrossing {
    /** Bracket width at which a root is accepted, relative to x (dx/x = ds/tau_m). */
    static final double RELATIVE_ACCURACY = 1e-14;
    /**
     * Relative accuracy of an extremum of P: it only splits the monotone pieces, and an error e
     * in its place changes the extreme value by O(e^2).
     */
    private static final double SLOPE_ACCURACY = 1e-9;
    private static final int MAX_ITERATIONS = 200;

    private double d;
    private double a;
    private double b;
    private double c;
    private int n;
    private int m;

    // P, P' and P'' at the argument of the last evaluate()
    private double p;
    private double p1;
    private double p2;

    /**
     * The largest x in (0, 1] at which {@code d + a x + b x^n + c x^m} reaches 0 with the
     * polynomial negative above it, or 0 if it stays negative on (0, 1]; 1 if it is not negative
     * at 1. Requires {@code b <= 0 <= c} and {@code n, m >= 2}. {@code hint} in (0, 1), or 0 for
     * none, is a point where the polynomial is probably just above 0 (a crossing found before the
     * latest excitation): it is one more cut of the walk, and Newton's method starts there when
     * the crossing lies just above it.
     */
    double largestRoot(double d, double a, double b, int n, double c, int m, double hint) {
        this.d = d;
        this.a = a;
        this.b = b;
        this.c = c;
        this.n = n;
        this.m = m;
        evaluate(1);
        if (p >= 0) {
            return 1;
        }
        double turn = slopeTurningPoint();
        if (!(turn > 0 && turn < 1)) {
            turn = 0;
        }
        if (!(hint > 0 && hint < 1)) {
            hint = 0;
        }
        // the cuts below 1, descending: P' is monotone between consecutive ones (the turn), and
        // P is monotone between them once P''s root inside is found
        double upper = Math.max(turn, hint);
        double lower = Math.min(turn, hint);
        double hi = 1;
        double slopeHi = p1;
        for (int piece = 0; piece < 3; piece++) {
            double lo = piece == 0 ? upper : piece == 1 ? lower : 0;
            if (lo >= hi || (lo == 0 && piece < 2)) {
                continue;
            }
            evaluate(lo);
            double pLo = p;
            double slopeLo = p1;
            if (slopeLo != 0 && slopeHi != 0 && (slopeLo < 0) != (slopeHi < 0)) {
                // an extremum of P inside: P is monotone above and below it
                double r = root(lo, hi, slopeHi < 0, true, hi);
                if (r > lo && r < hi) {
                    evaluate(r);
                    if (p >= 0) {
                        return root(r, hi, true, false, hi);
                    }
                    hi = r;
                }
            }
            if (pLo >= 0) {
                return lo == 0 && pLo == 0 ? 0 : root(lo, hi, true, false, lo == hint ? lo : hi);
            }
            hi = lo;
            slopeHi = slopeLo;
        }
        return 0;
    }

    /** The x in (0, 1) where P'' changes sign, or NaN if it does not. */
    private double slopeTurningPoint() {
        if (b == 0 || c == 0 || n == m) {
            return Double.NaN;
        }
        double ratio = (m * (m - 1.0) * c) / (n * (n - 1.0) * -b);
        return switch (n - m) {
            case 1 -> ratio;
            case 2 -> Math.sqrt(ratio);
            case -1 -> 1 / ratio;
            case -2 -> 1 / Math.sqrt(ratio);
            default -> Math.pow(ratio, 1.0 / (n - m));
        };
    }

    /**
     * The root in [lo, hi] of P ({@code slope} false) or of P' ({@code slope} true), the function
     * being negative at hi if {@code negativeAtHi} and changing sign once in the bracket; Newton
     * steps from {@code start}, an end of the bracket.
     */
    private double root(double lo, double hi, boolean negativeAtHi, boolean slope, double start) {
        double relative = slope ? SLOPE_ACCURACY : RELATIVE_ACCURACY;
        double x = start;
        double stepBefore = hi - lo;
        double step = stepBefore;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            evaluate(x);
            double f = slope ? p1 : p;
            double df = slope ? p2 : p1;
            if (f == 0) {
                return x;
            }
            if ((f < 0) == negativeAtHi) {
                hi = x;
            } else {
                lo = x;
            }
            double newton = x - f / df;
            if (df != 0 && Math.abs(newton - x) <= relative * x) {
                // near a simple root the error after a Newton step is far below the step itself
                return Math.max(lo, Math.min(hi, newton));
            }
            if (df != 0 && newton > lo && newton < hi && Math.abs(2 * (x - newton)) <= Math.abs(stepBefore)) {
                stepBefore = step;
                step = newton - x;
                x = newton;
            } else {
                stepBefore = step;
                step = 0.5 * (hi - lo);
                x = lo + step;
            }
            if (hi - lo <= relative * hi) {
                break;
            }
        }
        return Math.max(lo, Math.min(hi, x));
    }

    /** Sets p, p1, p2 to P, P' and P'' at x. */
    private void evaluate(double x) {
        double xn2 = power(x, n - 2);
        double xm2 = power(x, m - 2);
        double xn1 = xn2 * x;
        double xm1 = xm2 * x;
        p = d + a * x + b * xn1 * x + c * xm1 * x;
        p1 = a + n * b * xn1 + m * c * xm1;
        p2 = n * (n - 1.0) * b * xn2 + m * (m - 1.0) * c * xm2;
    }

    private static double power(double x, int k) {
        double r = 1;
        for (int i = 0; i < k; i++) {
            r *= x;
        }
        return r;
    }
}
