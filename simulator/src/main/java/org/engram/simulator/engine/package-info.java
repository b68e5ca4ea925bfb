/**
 * The engines' public face: {@link org.engram.simulator.engine.Simulator} builds a network and
 * returns a {@link org.engram.simulator.engine.Simulation} in a {@link org.engram.simulator.engine.Mode}
 * on some {@link org.engram.simulator.engine.Threads}. Other modules may use only these four types
 * (and their nested ones, such as {@code Simulator.Footprint}, the heap and steps a simulation will
 * need, which the package-private {@code HeapEstimate} estimates from the description), and
 * {@code engine.fixed} (the fixed-point cores a SpiNNaker deployment runs). The engines live in
 * {@code engine.event}, {@code engine.grid} and {@code engine.fixed}; what they share in
 * {@code engine.core}.
 *
 * <p>May import: {@code engine.event}, {@code engine.grid}, {@code engine.fixed}, {@code engine.core},
 * {@code build}, {@code record}, {@code error}, the description packages. Never {@code json}.
 */
package org.engram.simulator.engine;
