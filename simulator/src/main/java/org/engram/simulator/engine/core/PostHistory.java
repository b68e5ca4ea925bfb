package org.engram.simulator.engine.core;

import java.util.Arrays;

/**
 * The spike times of one neuron that is the target of plastic synapses, and its post-synaptic
 * trace {@code o} after each spike for each distinct tau_minus of the rules that reach it
 * ({@code o <- o * exp(-dt / tau_minus) + 1} at each spike: the all-to-all trace). Grows with
 * the run; never shrinks.
 */
public final class PostHistory {
    private final double[] tauMinus;
    private double[] times = new double[8];
    private double[][] traces;
    private int size;

    public PostHistory(double[] tauMinus) {
        this.tauMinus = tauMinus;
        this.traces = new double[tauMinus.length][8];
    }

    public void add(double t) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            for (int k = 0; k < traces.length; k++) {
                traces[k] = Arrays.copyOf(traces[k], size * 2);
            }
        }
        for (int k = 0; k < tauMinus.length; k++) {
            traces[k][size] = size == 0 ? 1.0
                    : traces[k][size - 1] * Math.exp(-(t - times[size - 1]) / tauMinus[k]) + 1.0;
        }
        times[size++] = t;
    }

    public int size() {
        return size;
    }

    public double time(int k) {
        return times[k];
    }

    /** The trace of rule slot {@code slot} right after spike {@code k}. */
    public double trace(int slot, int k) {
        return traces[slot][k];
    }

    /**
     * The number of spikes whose arrival {@code time + delay} is at or before {@code t}. Compares
     * {@code time + delay} with {@code t} as written, so that a spike meeting a pre spike exactly
     * is recognised whatever the rounding of {@code t - delay}. Scans back from the latest spike:
     * the engines ask at times near the present, so only spikes of the last delay are passed over.
     */
    public int countArrivals(double t, double delay) {
        int k = size;
        while (k > 0 && times[k - 1] + delay > t) {
            k--;
        }
        return k;
    }
}
