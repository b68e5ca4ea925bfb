/**
 * Membrane traces: v(t) of chosen neurons, one panel per population on a shared time axis, each
 * with its neurons' firing thresholds as dashed lines.
 *
 * <p>May import {@code org.engram.simulator.record}, {@code org.engram.viz.figure}, JFreeChart
 * and AWT. Never the engine, never {@code build}.
 */
package org.engram.viz.trace;
