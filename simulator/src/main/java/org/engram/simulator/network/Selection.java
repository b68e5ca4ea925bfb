package org.engram.simulator.network;

/**
 * Neurons of one population that a projection can connect: the whole {@link Population} or a
 * {@link PopulationView}. Positions 0..size-1 map to indices in the parent population.
 */
public sealed interface Selection permits Population, PopulationView {
    /** The population the neurons belong to. */
    Population population();

    /** The number of neurons selected. */
    int size();

    /** The index in the parent population of the neuron at {@code position}. */
    int index(int position);

    /** How the selection is written in JSON: {@code exc} or {@code exc[0:10]}. */
    String describe();
}
