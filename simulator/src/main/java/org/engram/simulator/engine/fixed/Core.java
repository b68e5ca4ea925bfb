package org.engram.simulator.engine.fixed;

import java.util.Arrays;

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
public abstract sealed class Core permits NeuronCore, SpikeArrayCore, PoissonCore {
    private final int firstKey;
    private final int size;
    private final int[] spikeBits;
    private int[] emitted;
    private int sent;
    private int tick;

    Core(int firstKey, int size) {
        this.firstKey = firstKey;
        this.size = size;
        this.emitted = new int[size];
        this.spikeBits = new int[(size + 31) / 32];
    }

    /** The key of neuron 0; neuron {@code i} sends {@code firstKey() + i}. */
    public final int firstKey() {
        return firstKey;
    }

    /** The number of neurons. */
    public final int size() {
        return size;
    }

    /** The index of the next step to run (0 before the first). */
    public final int tick() {
        return tick;
    }

    /** Advances one step; returns the number of keys sent, which {@link #emitted()} holds first. */
    public final int step() {
        Arrays.fill(spikeBits, 0);
        sent = 0;
        update(tick);
        tick++;
        return sent;
    }

    /** The keys sent by the last step, in neuron order (a buffer the next step overwrites). */
    public final int[] emitted() {
        return emitted;
    }

    /**
     * The spikes of the last step as a bitfield: neuron {@code i} is bit {@code i % 32} of word
     * {@code i / 32} (a buffer the next step overwrites). This is what the core records per step.
     */
    public final int[] spikeBits() {
        return spikeBits;
    }

    /**
     * Takes a multicast packet sent in the step just run; a key no synapse listens to is dropped.
     * Spike sources listen to nothing.
     */
    public void receive(int key) {
        // a source has no synapses
    }

    /** Runs step {@code t}, calling {@link #send} for each spike in neuron order. */
    abstract void update(int t);

    /** Neuron {@code i} spikes: its bit is set and its key sent (once per call). */
    final void send(int i) {
        if (sent == emitted.length) {
            emitted = Arrays.copyOf(emitted, 2 * sent);
        }
        emitted[sent++] = firstKey + i;
        spikeBits[i >>> 5] |= 1 << (i & 31);
    }
}
