package org.engram.models.sparsey.spiking;

import org.engram.models.sparsey.SdrException;

/**
 * How a mac becomes a spiking network: the timing of the item windows and the LIF cells' time
 * constants and firing floor. The cells are PyNN's {@code IF_curr_exp} with its default
 * potentials (v_rest = v_reset = -65 mV, v_thresh = -50 mV) and cm = 1 nF; the synaptic weights
 * follow from these parameters and the items' active counts ({@link SpikingMac}).
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>timestepMs</td><td>1</td><td>ms</td><td>the network's timestep: every delay, the
 *       refractory period, and the step of fixed mode and of a SpiNNaker deployment (whose default
 *       is 1 ms)</td></tr>
 *   <tr><td>windowMs</td><td>1000</td><td>ms</td><td>the time each item has: its inputs spike at
 *       the window's start; a whole number of timesteps, and long enough for every cell to return
 *       to rest (ten times tau_m leaves e^-10 of a window's traces)</td></tr>
 *   <tr><td>tau_m</td><td>100</td><td>ms</td><td>membrane time constant</td></tr>
 *   <tr><td>tau_syn</td><td>50</td><td>ms</td><td>synaptic time constant, excitatory and
 *       inhibitory, below tau_m</td></tr>
 *   <tr><td>V_floor</td><td>0.7</td><td></td><td>a cell reaches threshold when its input sum
 *       is at least V_floor times the fewest active inputs of an item (rounded up); below, it stays
 *       silent</td></tr>
 * </table>
 *
 * <p>The defaults were chosen at 1 ms for items of 20 active bits: a cell holding all 20 inputs
 * fires 24.8 ms into the window (one step of delay included), one holding 19 fires 2.0 ms later,
 * so that fixed-point steps of 1 ms still order them and the winner's inhibition, one step after
 * its spike, silences the rest. The gap scales with the time constants and shrinks as items grow
 * (roughly as the first spike's time over the active count).
 */
public record SpikingParameters(double timestepMs, double windowMs, double tau_m, double tau_syn, double V_floor) {
    public static final double DEFAULT_TIMESTEP_MS = 1;
    public static final double DEFAULT_WINDOW_MS = 1000;
    public static final double DEFAULT_TAU_M = 100;
    public static final double DEFAULT_TAU_SYN = 50;
    public static final double DEFAULT_V_FLOOR = 0.7;
    public static final SpikingParameters DEFAULTS = new SpikingParameters(DEFAULT_TIMESTEP_MS, DEFAULT_WINDOW_MS,
            DEFAULT_TAU_M, DEFAULT_TAU_SYN, DEFAULT_V_FLOOR);

    /** PyNN's IF_curr_exp defaults, kept: the threshold lies THRESHOLD_MV above rest. */
    static final double V_REST = -65;
    static final double V_THRESH = -50;
    static final double THRESHOLD_MV = V_THRESH - V_REST;
    static final double CM = 1;
    /** Windows in one network are numbered by int and start on the timestep grid; this keeps them exact in ms. */
    private static final double MAX_STEPS = 1L << 40;

    public SpikingParameters {
        // The comparisons are written so that NaN fails them.
        check(timestepMs > 0 && timestepMs < Double.POSITIVE_INFINITY, "timestep_ms", timestepMs,
                "expected a finite timestep > 0 ms");
        check(windowMs >= timestepMs && windowMs / timestepMs < MAX_STEPS
                && Math.abs(windowMs / timestepMs - Math.rint(windowMs / timestepMs)) < 1e-9, "window_ms", windowMs,
                "expected a whole number of timesteps of " + timestepMs + " ms");
        check(tau_m > 0 && tau_m < Double.POSITIVE_INFINITY, "tau_m", tau_m, "expected a finite tau_m > 0 ms");
        check(tau_syn > 0 && tau_syn < tau_m, "tau_syn", tau_syn, "expected 0 < tau_syn < tau_m = " + tau_m + " ms");
        check(V_floor > 0 && V_floor <= 1, "V_floor", V_floor, "expected 0 < V_floor <= 1 (a fraction of the input sum)");
    }

    /**
     * The membrane's response at t ms to 1 nA of synaptic current arriving at 0 from rest, in mV:
     * v(t) - v_rest = (tau_m tau_syn / (cm (tau_m - tau_syn))) (e^(-t/tau_m) - e^(-t/tau_syn)).
     */
    double responseMvPerNa(double t) {
        return tau_m * tau_syn / (CM * (tau_m - tau_syn)) * (Math.exp(-t / tau_m) - Math.exp(-t / tau_syn));
    }

    /** When the response peaks: t* = tau_m tau_syn ln(tau_m / tau_syn) / (tau_m - tau_syn), in ms. */
    double peakMs() {
        return tau_m * tau_syn * Math.log(tau_m / tau_syn) / (tau_m - tau_syn);
    }

    /** The response's peak, in mV per nA. */
    double peakMvPerNa() {
        return responseMvPerNa(peakMs());
    }

    /**
     * When a cell at rest that receives {@code currentNa} at 0 first reaches threshold, in ms (on
     * the response's rise, found by bisection to the last bit); infinite when its peak stays below.
     */
    double thresholdTimeMs(double currentNa) {
        if (currentNa * peakMvPerNa() < THRESHOLD_MV) {
            return Double.POSITIVE_INFINITY;
        }
        double below = 0;
        double above = peakMs();
        for (double mid = (below + above) / 2; mid > below && mid < above; mid = (below + above) / 2) {
            if (currentNa * responseMvPerNa(mid) >= THRESHOLD_MV) {
                above = mid;
            } else {
                below = mid;
            }
        }
        return above;
    }

    /**
     * The fewest inputs that fire a cell, for items of at least {@code fewestActive} active
     * inputs: ceil(V_floor · fewestActive), the product's last bit forgiven.
     */
    int firingInputs(int fewestActive) {
        return (int) Math.ceil(V_floor * fewestActive - 1e-9);
    }

    /**
     * The weight of one input synapse, in nA, for items of at least {@code fewestActive} active
     * inputs: the response's peak reaches threshold with u* inputs, u* between {@link #firingInputs}
     * - 0.75 and - 0.25, so that neither u = firingInputs nor one fewer grazes it. Within that range
     * the weight is the number of fewest binary digits, so that SpiNNaker's 16-bit weight words
     * hold it exactly (they do while a cell has fewer than about 500 synapses) and every cell's input
     * stays exactly u times one weight in fixed point.
     */
    double inputWeightNa(int fewestActive) {
        double perInput = THRESHOLD_MV / peakMvPerNa();
        int firing = firingInputs(fewestActive);
        return fewestBits(perInput / (firing - 0.25), perInput / (firing - 0.75));
    }

    /** The number m · 2^e in [lo, hi] (0 < lo <= hi) whose integer m has the fewest binary digits. */
    static double fewestBits(double lo, double hi) {
        for (int digits = 1; digits < 53; digits++) {
            int e = Math.getExponent(hi) - digits + 1;
            double below = Math.scalb(Math.floor(Math.scalb(hi, -e)), e);
            if (below >= lo) {
                return below;
            }
        }
        return hi;
    }

    private static void check(boolean ok, String field, double value, String expectation) {
        if (!ok) {
            throw new SdrException("spiking mac parameters", field + " = " + value + "; " + expectation);
        }
    }
}
