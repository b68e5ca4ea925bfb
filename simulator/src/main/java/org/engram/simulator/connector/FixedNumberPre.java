package org.engram.simulator.connector;

import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.error.InvalidNetworkException;

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
    public long maxConnections(int preSize, int postSize) {
        return (long) n * postSize;
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
        // The candidates of post j, in increasing order, are the pre positions less those that are j
        // itself (without self-connections): candidate x is x plus the number of excluded positions at
        // or below it. A partial Fisher-Yates shuffle over them keeps its swapped entries in `moved`
        // (-1: untouched) and clears them afterwards, so a post neuron costs O(n), not O(pre size).
        int[] moved = new int[preSize];
        java.util.Arrays.fill(moved, -1);
        int[] touched = new int[2 * n];
        int[] none = new int[0];
        for (int j = 0; j < postSize; j++) {
            int[] excluded = allowSelfConnections ? none : same.sameAs(j, preSize);
            int size = preSize - excluded.length;
            if (n > size) {
                throw new InvalidNetworkException("FixedNumberPre: n is " + n + " but post neuron " + j
                        + " has only " + size + " possible pre neurons without self-connections");
            }
            int touchedCount = 0;
            // the first n entries become a uniform sample without replacement
            for (int k = 0; k < n; k++) {
                int r = k + rng.nextInt(size - k);
                int atK = moved[k] >= 0 ? moved[k] : candidate(k, excluded);
                int atR = moved[r] >= 0 ? moved[r] : candidate(r, excluded);
                moved[k] = atR;
                moved[r] = atK;
                touched[touchedCount++] = k;
                touched[touchedCount++] = r;
                sink.accept(atR, j, Double.NaN, Double.NaN);
            }
            for (int q = 0; q < touchedCount; q++) {
                moved[touched[q]] = -1;
            }
        }
    }

    /** The x-th candidate: x shifted past the excluded positions (sorted) at or below it. */
    private static int candidate(int x, int[] excluded) {
        int c = x;
        for (int e : excluded) {
            if (e <= c) {
                c++;
            }
        }
        return c;
    }
}
