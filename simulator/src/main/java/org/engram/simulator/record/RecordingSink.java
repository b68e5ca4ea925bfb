package org.engram.simulator.record;

/**
 * Where an engine's recorder puts what it records, as it records it: {@link MemoryRecording} keeps
 * it (the library's default, read as a {@link Recording}), {@link RecordingWriter} streams it into a
 * run directory with bounded buffers (the command line's). Indices are those of the run's
 * {@link RecordingLayout}.
 */
public interface RecordingSink {
    /**
     * A spike of neuron {@code neuron} (index in the population). Spikes come in time order, and
     * within one time a population's in neuron order.
     */
    void spike(int population, int neuron, double timeMs);

    /**
     * A sample of v of the population's recorded neurons, in the layout's {@code vNeurons} order;
     * samples come in time order. The array stays the caller's: a sink copies what it keeps.
     */
    void membrane(int population, double timeMs, double[] v);

    /**
     * A sample of a projection's weights in connection order; samples come in time order. The array
     * is handed over: the caller never touches it again.
     */
    void weights(int projection, double timeMs, double[] weights);
}
