package org.engram.simulator.neuron;

/**
 * What the neurons of a population are: a standard model with its parameters
 * ({@link StandardCell}) or a {@link SpikeSourceArray}.
 */
public sealed interface CellType permits StandardCell, SpikeSourceArray {
    /** PyNN's model name, e.g. {@code IF_curr_exp}. */
    String modelName();

    /** True for spike sources, which receive no synapses and have no membrane. */
    boolean isSource();

    /** Checks that every per-neuron value fits a population of {@code size} neurons. */
    void checkSize(String population, int size);
}
