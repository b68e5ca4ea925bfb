package org.engram.simulator.engine.event;

/**
 * Newton's method kept inside a bracket whose ends have opposite signs, shared by the crossing
 * searches: a step that would leave the bracket, or that does not halve the step before the
 * previous one, is replaced by bisection, so it converges whenever bisection does, and
 * quadratically near a simple root. A subclass supplies one evaluation that gives the function,
 * its derivative and its second derivative, so the same search finds roots of the function
 * (threshold crossings) and of its derivative (extrema).
 */
abstract class BracketedNewton {
    /** Newton-bisection steps before giving up (bisection alone needs about 60 on any bracket). */
    private static final int MAX_ITERATIONS = 200;

    /** The function, its derivative and its second derivative at the argument of the last {@link #evaluate}. */
    protected double value;
    protected double slope;
    protected double curvature;

    /** Sets {@link #value}, {@link #slope} and {@link #curvature} at x. */
    protected abstract void evaluate(double x);

    /**
     * The root in [lo, hi] of the function ({@code ofSlope} false) or of its derivative
     * ({@code ofSlope} true), which is negative at lo if {@code negativeAtLo} and changes sign
     * once in the bracket. Newton steps from {@code start} (an end or a point of the bracket)
     * until a Newton step or the bracket is within {@code absolute + relative |x|}: near a simple
     * root the error after the last step is far below the step itself. Never returns a point
     * outside [lo, hi].
     */
    final double root(double lo, double hi, boolean negativeAtLo, boolean ofSlope, double start, double absolute,
            double relative) {
        double x = start;
        double stepBefore = hi - lo;
        double step = stepBefore;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            evaluate(x);
            double f = ofSlope ? slope : value;
            double df = ofSlope ? curvature : slope;
            if (f == 0) {
                return x;
            }
            if ((f < 0) == negativeAtLo) {
                lo = x;
            } else {
                hi = x;
            }
            double tolerance = absolute + relative * Math.abs(x);
            double newton = x - f / df;
            if (df != 0 && Math.abs(newton - x) <= tolerance) {
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
            if (hi - lo <= tolerance) {
                break;
            }
        }
        return Math.max(lo, Math.min(hi, x));
    }
}
