/**
 * The network description, PyNN's nouns: {@link org.engram.simulator.network.Network},
 * {@link org.engram.simulator.network.Population}, {@link org.engram.simulator.network.PopulationView},
 * {@link org.engram.simulator.network.Projection}, and the current sources
 * ({@link org.engram.simulator.network.DCSource}, {@link org.engram.simulator.network.StepCurrentSource})
 * injected into neurons ({@link org.engram.simulator.network.CurrentInjection}). Immutable records,
 * validated when made.
 *
 * <p>May import: {@code neuron}, {@code connector}, {@code synapse}, {@code random}. Never
 * {@code build}, {@code engine}, {@code record} or {@code json}: the description knows nothing of
 * how it runs.
 */
package org.engram.simulator.network;
