/**
 * Engram's simulator: a PyNN-style network description ({@code network}, {@code neuron},
 * {@code connector}, {@code synapse}, {@code random}, {@code json}), its flattening
 * ({@code build}), three engines ({@code engine.event}, {@code engine.grid} and the fixed-point
 * {@code engine.fixed}) and recordings ({@code record}), on the machinery they share
 * ({@code engine.core}). User errors are in the
 * leaf package {@code error}. Data flows one way: description, built network, engine, recording.
 *
 * <p>This package itself holds {@link org.engram.simulator.EngramVersion}, which the file formats
 * name, and imports nothing of the simulator.
 */
package org.engram.simulator;
