package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Which pre neurons connect to which post neurons (PyNN's connectors). Indices are positions in
 * the pre and post selections. A connector is pure data; {@link #connect} enumerates its
 * connections in a fixed order, drawing from the given seeded generator.
 */
public sealed interface Connector permits OneToOne, AllToAll, FixedProbability, FixedNumberPre, FromList {

    /** Receives connections; a NaN weight or delay means "take it from the synapse type". */
    @FunctionalInterface
    interface Sink {
        void accept(int pre, int post, double weight, double delay);
    }

    /** Tells whether pre position i and post position j are the same neuron. */
    @FunctionalInterface
    interface SameNeuron {
        boolean test(int pre, int post);

        /**
         * The pre positions that are the same neuron as post position {@code post}, in increasing
         * order. By default every pre position is tested; the build supplies a direct look-up, so
         * that connectors drawing per post neuron need not scan the whole pre selection.
         */
        default int[] sameAs(int post, int preSize) {
            int count = 0;
            int[] found = new int[4];
            for (int i = 0; i < preSize; i++) {
                if (test(i, post)) {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                }
            }
            return java.util.Arrays.copyOf(found, count);
        }
    }

    /** PyNN's connector name, as written in JSON. */
    String typeName();

    /** Checks the connector against the sizes of its selections; the message names the rule. */
    default void check(int preSize, int postSize) {}

    /**
     * At most how many connections {@link #connect} gives between selections of these sizes, or -1
     * where that is not known before drawing them: the build then sizes its arrays once.
     */
    default long maxConnections(int preSize, int postSize) {
        return -1;
    }

    /** Enumerates the connections between selections of the given sizes. */
    void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink);
}
