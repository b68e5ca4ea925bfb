package org.engram.simulator.engine.fixed;

/**
 * The region of a SpikeSourcePoisson core: the generator's seed ({@link Kiss64}'s four words) and,
 * per neuron, {@code e^(-lambda)} as a U0.32 word ({@code lambda = rate dt / 1000}, the mean count
 * per step) and the steps {@code [startTick, endTick)} in which it fires.
 */
public final class PoissonParameters {
    public final int[] seed;
    public final int[] expMinusLambda;
    public final int[] startTick;
    public final int[] endTick;

    /** A region of {@code n} neurons with every word zero but the seed. */
    public PoissonParameters(int n, int[] seed) {
        if (n <= 0) {
            throw new IllegalArgumentException(n + " neurons; expected at least one");
        }
        if (seed.length != 4) {
            throw new IllegalArgumentException("a generator seed has 4 words; got " + seed.length);
        }
        this.seed = seed.clone();
        expMinusLambda = new int[n];
        startTick = new int[n];
        endTick = new int[n];
    }

    public int size() {
        return expMinusLambda.length;
    }
}
