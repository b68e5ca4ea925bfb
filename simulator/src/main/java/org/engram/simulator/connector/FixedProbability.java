package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.error.InvalidNetworkException;

/** PyNN's FixedProbabilityConnector: each pair connects independently with probability p. */
public record FixedProbability(double p, boolean allowSelfConnections) implements Connector {
    public FixedProbability {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidNetworkException("FixedProbability: p is " + p + "; expected a probability in [0, 1]");
        }
    }

    public FixedProbability(double p) {
        this(p, true);
    }

    @Override
    public String typeName() {
        return "FixedProbability";
    }

    @Override
    public void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink) {
        for (int i = 0; i < preSize; i++) {
            for (int j = 0; j < postSize; j++) {
                if (rng.nextDouble() < p && (allowSelfConnections || !same.test(i, j))) {
                    sink.accept(i, j, Double.NaN, Double.NaN);
                }
            }
        }
    }
}
