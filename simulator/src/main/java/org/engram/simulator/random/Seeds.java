package org.engram.simulator.random;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Derives independent, reproducible generators from the network's seed: one stream per purpose
 * (a projection's connections, a population's initial values, a Poisson source), so that adding
 * a projection does not change the draws of another, and the result never depends on threads.
 */
public final class Seeds {
    /** Stream kinds, so that equal indices of different purposes give different streams. */
    public static final int CONNECTIONS = 1;
    public static final int INITIAL_VALUES = 2;
    public static final int POISSON = 3;

    private Seeds() {}

    /** A generator for stream {@code (kind, index)} of the network seeded with {@code seed}. */
    public static RandomGenerator stream(long seed, int kind, long index) {
        long mixed = mix(mix(seed ^ 0x9E3779B97F4A7C15L) + kind * 0xBF58476D1CE4E5B9L + index);
        return new Well19937c(new int[] {(int) mixed, (int) (mixed >>> 32), kind, (int) index});
    }

    /**
     * A small-state generator (WELL512a, 16 words) for stream {@code (kind, index)}: for the many
     * per-neuron streams of Poisson sources, where WELL19937c's 2.5 kB state would dominate memory.
     */
    public static RandomGenerator small(long seed, int kind, long index) {
        long mixed = mix(mix(seed ^ 0x9E3779B97F4A7C15L) + kind * 0xBF58476D1CE4E5B9L + index);
        return new org.apache.commons.math3.random.Well512a(
                new int[] {(int) mixed, (int) (mixed >>> 32), kind, (int) index, (int) (index >>> 32)});
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole 64-bit range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
