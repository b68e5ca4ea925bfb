/**
 * The spiking realisation of a Sparsey mac: its recognition as an ordinary network of the
 * simulator, each competitive module a winner-take-all group of LIF cells with lateral
 * inhibition, the mac's binary weights as equal synapses from the input spikes, the first cell to
 * fire in a module winning.
 *
 * <ul>
 *   <li>{@link org.engram.models.sparsey.spiking.SpikingMac} builds the network from a trained
 *       {@link org.engram.models.sparsey.Macrocolumn} and items presented one per window, runs it
 *       and decodes the cells' spikes;
 *       {@link org.engram.models.sparsey.spiking.SpikingParameters} holds the window, the time
 *       constants and the firing floor.</li>
 *   <li>{@link org.engram.models.sparsey.spiking.WindowResponse} is what one window's spikes say
 *       per module (the first cells, their time, all spikes);
 *       {@link org.engram.models.sparsey.spiking.Agreement} compares the responses with the mac's
 *       recognition.</li>
 * </ul>
 *
 * <p>May import: {@code org.engram.models.sparsey}, the simulator's description
 * ({@code network}, {@code neuron}, {@code connector}, {@code synapse}), {@code record}, the
 * engine's entry point ({@code Simulator}, {@code Simulation}, {@code Mode}) and the JDK; never the
 * simulator's {@code build} or engine internals, {@code spinnaker} or {@code viz}
 * ({@code ca3.ImportRulesTest} checks the whole module). {@code org.engram.models.sparsey} never
 * imports this package.
 *
 * <p>Invariants: a built network is immutable and holds its input spikes; window m starts at
 * m · windowMs on the timestep grid; cell q · K + k of the network is cell k of module q of the mac.
 */
package org.engram.models.sparsey.spiking;
