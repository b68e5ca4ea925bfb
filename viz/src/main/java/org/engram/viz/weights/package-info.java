/**
 * Weights of a projection: the weight matrix (pre by post) as a heat map with a colour bar, and
 * the weights of chosen synapses over time, for plastic projections.
 *
 * <p>May import {@code org.engram.simulator.record}, {@code org.engram.viz.figure}, JFreeChart
 * and AWT. Never the engine, never {@code build}.
 */
package org.engram.viz.weights;
