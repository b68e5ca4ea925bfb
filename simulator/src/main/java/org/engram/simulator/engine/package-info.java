/**
 * The engines' entry point: {@link org.engram.simulator.engine.Simulator} builds a network and
 * returns a {@link org.engram.simulator.engine.Simulation} in a {@link org.engram.simulator.engine.Mode}.
 * Other modules may use only these three types; everything else here is shared engine machinery
 * (recorder, STDP, source trains) for {@code engine.event} and {@code engine.grid}.
 *
 * <p>May import: {@code build}, {@code record}, the description packages. Never {@code json}.
 */
package org.engram.simulator.engine;
