/**
 * The hippocampal CA3 spiking content-addressable memory of Casanueva-Morato et al. (Neural
 * Networks 2024, arXiv 2310.05868), rebuilt as an ordinary network of the simulator.
 *
 * <ul>
 *   <li>{@link org.engram.models.ca3.Ca3Network} builds the memory for any number of memories C
 *       and content bits N: the populations of {@link org.engram.models.ca3.Ca3Population} and the
 *       projections of the paper, as a plain {@link org.engram.simulator.network.Network} (so it can
 *       be run, plotted, saved as JSON and deployed like any other).</li>
 *   <li>{@link org.engram.models.ca3.TestBench} reads the original JSON test benches;
 *       {@link org.engram.models.ca3.Schedule} turns operations (learn, recall by cue, recall by
 *       content) into input spikes with the original timing and recognises them in a bench.</li>
 *   <li>{@link org.engram.models.ca3.Ca3Run} runs a schedule or bench on the simulator and decodes
 *       the output of every operation ({@link org.engram.models.ca3.OperationResult});
 *       {@link org.engram.models.ca3.Ca3Memory} is the interactive façade a user calls.</li>
 *   <li>{@link org.engram.models.ca3.Story} tells what a run did in words;
 *       {@link org.engram.models.ca3.CapacityStudy} runs random operation sequences and measures
 *       recall correctness and speed.</li>
 * </ul>
 *
 * <p>May import: {@code org.engram.simulator.network}, {@code neuron}, {@code connector},
 * {@code synapse}, {@code record}, the engine's entry point ({@code org.engram.simulator.engine}
 * only: {@code Simulator}, {@code Simulation}, {@code Mode}), {@code org.engram.simulator.error.UserError},
 * Jackson (to read test benches) and the JDK. Never the simulator's {@code build} or engine
 * internals ({@code engine.grid}, {@code engine.event}), nor {@code spinnaker} or {@code viz};
 * {@code ImportRulesTest} enforces this.
 *
 * <p>Invariants: a built network is immutable and holds its input spikes; every operation of a
 * schedule starts at least 7 ms after a learn and 6 ms after a recall (the original timing); an
 * operation's output window ends before the next operation can reach the output (5 ms after it
 * starts, the shortest input-to-output path), so decoding never mixes two operations.
 */
package org.engram.models.ca3;
