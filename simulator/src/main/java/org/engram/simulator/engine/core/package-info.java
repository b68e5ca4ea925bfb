/**
 * The machinery every engine shares: the {@link org.engram.simulator.engine.core.Engine} contract,
 * {@link org.engram.simulator.engine.core.RecordingEngine} (built network, recorder, weight read-out
 * and sampling), {@link org.engram.simulator.engine.core.EngineBase} (with the double-precision
 * plastic state and source trains), the recorder, STDP's plastic state, the post-synaptic spike
 * history, the source trains, the injected currents
 * ({@link org.engram.simulator.engine.core.InjectedCurrents}), and
 * {@link org.engram.simulator.engine.core.Team}, the threads an engine runs on in lockstep. Internal
 * to the simulator module: other modules reach an engine only through {@code engine.Simulator}.
 *
 * <p>May import: {@code build}, {@code record}, {@code error}, the description packages. Never
 * {@code engine} itself, {@code engine.event}, {@code engine.grid}, {@code engine.fixed} or {@code json}.
 */
package org.engram.simulator.engine.core;
