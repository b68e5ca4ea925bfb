/**
 * The network description, PyNN's nouns: {@link org.engram.simulator.network.Network},
 * {@link org.engram.simulator.network.Population}, {@link org.engram.simulator.network.PopulationView},
 * {@link org.engram.simulator.network.Projection}. Immutable records, validated when made.
 *
 * <p>May import: {@code neuron}, {@code connector}, {@code synapse}, {@code random}. Never
 * {@code build}, {@code engine}, {@code record} or {@code json}: the description knows nothing of
 * how it runs.
 */
package org.engram.simulator.network;
