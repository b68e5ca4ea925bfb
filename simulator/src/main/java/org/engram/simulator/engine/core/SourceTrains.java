package org.engram.simulator.engine.core;

import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.random.Seeds;

/**
 * The spike trains of the spike sources, produced lazily in time order: given times for
 * SpikeSourceArray, and for SpikeSourcePoisson exponential inter-spike intervals of mean
 * {@code 1000/rate} ms from {@code start}, until {@code start + duration}, drawn from the
 * neuron's own seeded stream. Both engines read the same trains (the grid engine rounds them).
 */
public final class SourceTrains {
    private final BuiltNetwork net;
    private final int[] cursor;
    private final double[] nextPoisson;
    private final RandomGenerator[] rng;

    public SourceTrains(BuiltNetwork net) {
        this.net = net;
        int n = net.neuronCount;
        cursor = new int[n];
        nextPoisson = new double[n];
        rng = new RandomGenerator[n];
        for (int g = 0; g < n; g++) {
            if (net.model[g] == BuiltNetwork.SPIKE_SOURCE_POISSON) {
                rng[g] = Seeds.small(net.network.seed(), Seeds.POISSON, g);
                nextPoisson[g] = net.poissonStart[g];
                advancePoisson(g);
            }
        }
    }

    private void advancePoisson(int g) {
        double rate = net.poissonRate[g];
        double end = net.poissonStart[g] + net.poissonDuration[g];
        double t = rate <= 0 ? Double.POSITIVE_INFINITY
                : nextPoisson[g] - Math.log(1.0 - rng[g].nextDouble()) * 1000.0 / rate;
        nextPoisson[g] = t < end ? t : Double.POSITIVE_INFINITY;
    }

    /** The next spike time of source {@code g}, or +infinity when it has no more. */
    public double peek(int g) {
        if (net.model[g] == BuiltNetwork.SPIKE_SOURCE_ARRAY) {
            double[] t = net.sourceTimes[g];
            return cursor[g] < t.length ? t[cursor[g]] : Double.POSITIVE_INFINITY;
        }
        return nextPoisson[g];
    }

    /** Consumes the next spike of source {@code g}. */
    public void pop(int g) {
        if (net.model[g] == BuiltNetwork.SPIKE_SOURCE_ARRAY) {
            cursor[g]++;
        } else {
            advancePoisson(g);
        }
    }
}
