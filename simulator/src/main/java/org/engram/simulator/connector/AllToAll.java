package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;

/** PyNN's AllToAllConnector; {@code allowSelfConnections} decides whether i connects to itself. */
public record AllToAll(boolean allowSelfConnections) implements Connector {
    /** PyNN's default: self-connections allowed. */
    public AllToAll() {
        this(true);
    }

    @Override
    public long maxConnections(int preSize, int postSize) {
        return (long) preSize * postSize;
    }

    @Override
    public String typeName() {
        return "AllToAll";
    }

    @Override
    public void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink) {
        for (int i = 0; i < preSize; i++) {
            for (int j = 0; j < postSize; j++) {
                if (allowSelfConnections || !same.test(i, j)) {
                    sink.accept(i, j, Double.NaN, Double.NaN);
                }
            }
        }
    }
}
