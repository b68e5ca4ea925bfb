package org.engram.simulator.engine.fixed;

/**
 * One SpiNNaker core's application: a slice of one population whose neuron {@code i} sends the
 * multicast key {@code firstKey() + i}. A run alternates two phases per step:
 * <ol>
 *   <li>{@link #step()} advances every core by one step and leaves the keys it sent in
 *       {@link #emitted()} and its spikes in {@link #spikeBits()};</li>
 *   <li>every key sent in that step is given to {@link #receive} of every core that listens to it,
 *       before any core steps again (the minimum delay is one step).</li>
 * </ol>
 * The order in which a core receives the keys of one step does not change what it computes:
 * ring-buffer additions commute, and a plastic row's update reads only that row and the post
 * histories, which receipts do not change.
 */
public sealed interface Core permits NeuronCore, SpikeArrayCore, PoissonCore {
    /** The key of neuron 0; neuron {@code i} sends {@code firstKey() + i}. */
    int firstKey();

    /** The number of neurons. */
    int size();

    /** The index of the next step to run (0 before the first). */
    int tick();

    /** Advances one step; returns the number of keys sent, which {@link #emitted()} holds first. */
    int step();

    /** The keys sent by the last step, in neuron order (a buffer the next step overwrites). */
    int[] emitted();

    /**
     * The spikes of the last step as a bitfield: neuron {@code i} is bit {@code i % 32} of word
     * {@code i / 32} (a buffer the next step overwrites). This is what the core records per step.
     */
    int[] spikeBits();

    /** Takes a multicast packet sent in the step just run; a key no synapse listens to is counted and dropped. */
    void receive(int key);
}
