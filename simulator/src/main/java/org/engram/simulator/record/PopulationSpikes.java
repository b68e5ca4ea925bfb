package org.engram.simulator.record;

/**
 * The spikes of one population: parallel arrays sorted by time, then neuron index (the index in
 * the population). Immutable: accessors return copies.
 */
public record PopulationSpikes(String population, int size, int[] neurons, double[] timesMs) {
    public PopulationSpikes {
        if (neurons.length != timesMs.length) {
            throw new IllegalArgumentException("neurons and times differ in length");
        }
        neurons = neurons.clone();
        timesMs = timesMs.clone();
    }

    public int count() {
        return neurons.length;
    }

    public int neuron(int k) {
        return neurons[k];
    }

    public double timeMs(int k) {
        return timesMs[k];
    }

    @Override
    public int[] neurons() {
        return neurons.clone();
    }

    @Override
    public double[] timesMs() {
        return timesMs.clone();
    }

    /** The spike times of one neuron, in order. */
    public double[] timesOf(int neuron) {
        return java.util.stream.IntStream.range(0, neurons.length).filter(k -> neurons[k] == neuron)
                .mapToDouble(k -> timesMs[k]).toArray();
    }

    /** Mean firing rate in Hz over {@code durationMs}. */
    public double meanRateHz(double durationMs) {
        return durationMs <= 0 ? 0 : neurons.length / (size * durationMs / 1000.0);
    }
}
