package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.network.InvalidNetworkException;

/**
 * PyNN's FixedNumberPreConnector: every post neuron receives exactly {@code n} connections from
 * distinct pre neurons chosen at random (without replacement).
 */
public record FixedNumberPre(int n, boolean allowSelfConnections) implements Connector {
    public FixedNumberPre {
        if (n < 0) {
            throw new InvalidNetworkException("FixedNumberPre: n is " + n + "; expected n >= 0");
        }
    }

    public FixedNumberPre(int n) {
        this(n, true);
    }

    @Override
    public String typeName() {
        return "FixedNumberPre";
    }

    @Override
    public void check(int preSize, int postSize) {
        if (n > preSize) {
            throw new InvalidNetworkException("FixedNumberPre: n is " + n
                    + "; expected at most the pre size " + preSize + " (drawn without replacement)");
        }
    }

    @Override
    public void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink) {
        int[] pool = new int[preSize];
        for (int j = 0; j < postSize; j++) {
            int size = 0;
            for (int i = 0; i < preSize; i++) {
                if (allowSelfConnections || !same.test(i, j)) {
                    pool[size++] = i;
                }
            }
            if (n > size) {
                throw new InvalidNetworkException("FixedNumberPre: n is " + n + " but post neuron " + j
                        + " has only " + size + " possible pre neurons without self-connections");
            }
            // partial Fisher-Yates: the first n entries become a uniform sample without replacement
            for (int k = 0; k < n; k++) {
                int r = k + rng.nextInt(size - k);
                int t = pool[k];
                pool[k] = pool[r];
                pool[r] = t;
                sink.accept(pool[k], j, Double.NaN, Double.NaN);
            }
        }
    }
}
