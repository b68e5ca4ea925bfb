/**
 * The fixed-point engine: the arithmetic of the SpiNNaker core application (sPyNNaker's
 * IF_curr_exp and IF_curr_delta update, ring buffers, master population table, pair-rule STDP,
 * spike sources) on plain arrays of words, one {@link org.engram.simulator.engine.fixed.Core} per
 * slice of a population. {@link org.engram.simulator.engine.fixed.FixedNetwork} lays a network out
 * on cores and reports every loss of precision;
 * {@link org.engram.simulator.engine.fixed.FixedEngine} runs the cores in-process for
 * {@code Mode.fixed}. A board emulator decodes core images into the same region classes and runs
 * the same cores. The formats and rounding are described in {@code simulator/docs/fixed-point.md}.
 *
 * <p>Public to the other modules (the SpiNNaker deployment and emulator use the cores and the
 * layout). May import: {@code engine.core}, {@code build}, {@code error}, the description packages.
 */
package org.engram.simulator.engine.fixed;
