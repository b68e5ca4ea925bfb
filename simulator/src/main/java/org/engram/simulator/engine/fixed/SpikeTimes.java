package org.engram.simulator.engine.fixed;

/**
 * The region of a SpikeSourceArray core: for each step with spikes, in increasing order, the
 * neurons that fire then. Step {@code ticks[k]} fires neurons {@code neurons[first[k]]} to
 * {@code neurons[first[k + 1] - 1]}, each once, in increasing order.
 */
public final class SpikeTimes {
    public final int size;
    public final int[] ticks;
    public final int[] first;
    public final int[] neurons;

    /** Checks the invariants above; a decoder passes what it read. */
    public SpikeTimes(int size, int[] ticks, int[] first, int[] neurons) {
        if (size <= 0) {
            throw new IllegalArgumentException(size + " neurons; expected at least one");
        }
        if (first.length != ticks.length + 1 || first[0] != 0 || first[ticks.length] != neurons.length) {
            throw new IllegalArgumentException("spike times: " + ticks.length + " steps need " + (ticks.length + 1)
                    + " offsets from 0 to " + neurons.length);
        }
        for (int k = 0; k < ticks.length; k++) {
            if (ticks[k] < 0 || (k > 0 && ticks[k] <= ticks[k - 1]) || first[k + 1] <= first[k]) {
                throw new IllegalArgumentException("spike times: step " + k + " (tick " + ticks[k]
                        + ") is not after the previous one or has no neuron");
            }
            for (int e = first[k]; e < first[k + 1]; e++) {
                if (neurons[e] < 0 || neurons[e] >= size || (e > first[k] && neurons[e] <= neurons[e - 1])) {
                    throw new IllegalArgumentException("spike times: tick " + ticks[k] + " lists neuron "
                            + neurons[e] + "; expected increasing indices below " + size);
                }
            }
        }
        this.size = size;
        this.ticks = ticks;
        this.first = first;
        this.neurons = neurons;
    }
}
