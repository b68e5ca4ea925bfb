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
 * kept inside its bracket ({@link BracketedNewton}) to {@link #RELATIVE_ACCURACY} of x, that is
 * to {@code tau_m * RELATIVE_ACCURACY} ms (2e-13 ms for tau_m = 20 ms).
 */
final class PolynomialCrossing extends BracketedNewton {
    /** Bracket width at which a root is accepted, relative to x (dx/x = ds/tau_m). */
    static final double RELATIVE_ACCURACY = 1e-14;
    /**
     * Relative accuracy of an extremum of P: it only splits the monotone pieces, and an error e
     * in its place changes the extreme value by O(e^2).
     */
    private static final double SLOPE_ACCURACY = 1e-9;
    /** mV: a maximum bounded below this by the tangents is taken as below threshold (far above rounding). */
    private static final double TANGENT_MARGIN = 1e-9;

    private double d;
    private double a;
    private double b;
    private double c;
    private int n;
    private int m;


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
        if (value >= 0) {
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
        double pHi = value;
        double slopeHi = slope;
        for (int piece = 0; piece < 3; piece++) {
            double lo = piece == 0 ? upper : piece == 1 ? lower : 0;
            if (lo >= hi || (lo == 0 && piece < 2)) {
                continue;
            }
            evaluate(lo);
            double pLo = value;
            double slopeLo = slope;
            if (pLo >= 0) {
                // P is negative at hi and not at lo, and unimodal in between: one crossing
                return lo == 0 && pLo == 0 ? 0 : root(lo, hi, false, false, lo == hint ? lo : hi, 0, RELATIVE_ACCURACY);
            }
            if (slopeHi < 0 && slopeLo > 0 && tangentsMeetAbove(hi, pHi, slopeHi, lo, pLo, slopeLo)) {
                // a maximum inside (P is concave here) that may reach zero: find it
                double r = root(lo, hi, false, true, hi, 0, SLOPE_ACCURACY);
                if (r > lo && r < hi) {
                    evaluate(r);
                    if (value >= 0) {
                        return root(r, hi, false, false, hi, 0, RELATIVE_ACCURACY);
                    }
                }
            }
            hi = lo;
            pHi = pLo;
            slopeHi = slopeLo;
        }
        return 0;
    }

    /**
     * Whether the tangents of a concave P at hi and lo (P negative at both) meet at or above
     * {@code -TANGENT_MARGIN}: where they meet below, P, which lies under both, stays negative
     * between them and the maximum need not be searched.
     */
    private static boolean tangentsMeetAbove(double hi, double pHi, double slopeHi, double lo, double pLo,
            double slopeLo) {
        double meet = (pLo - pHi + slopeHi * hi - slopeLo * lo) / (slopeHi - slopeLo);
        return pHi + slopeHi * (meet - hi) >= -TANGENT_MARGIN;
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

    /** Sets value, slope and curvature to P, P' and P'' at x. */
    @Override
    protected void evaluate(double x) {
        double xn2 = power(x, n - 2);
        double xm2 = power(x, m - 2);
        double xn1 = xn2 * x;
        double xm1 = xm2 * x;
        value = d + a * x + b * xn1 * x + c * xm1 * x;
        slope = a + n * b * xn1 + m * c * xm1;
        curvature = n * (n - 1.0) * b * xn2 + m * (m - 1.0) * c * xm2;
    }

    private static double power(double x, int k) {
        double r = 1;
        for (int i = 0; i < k; i++) {
            r *= x;
        }
        return r;
    }
}
