package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.error.InvalidNetworkException;

/** PyNN's OneToOneConnector: pre i to post i; both selections have the same size. */
public record OneToOne() implements Connector {
    @Override
    public long maxConnections(int preSize, int postSize) {
        return preSize; // the sizes are equal (check)
    }

    @Override
    public String typeName() {
        return "OneToOne";
    }

    @Override
    public void check(int preSize, int postSize) {
        if (preSize != postSize) {
            throw new InvalidNetworkException("OneToOne needs pre and post of equal size; got "
                    + preSize + " and " + postSize);
        }
    }

    @Override
    public void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink) {
        for (int i = 0; i < preSize; i++) {
            sink.accept(i, i, Double.NaN, Double.NaN);
        }
    }
}
