/**
 * The figures of a capacity study of a content-addressable memory (the CA3 memory's, run by
 * {@code engram ca3 study}): how many recalls were right against the number of memories, per
 * workload and content size, and the simulation's cost against the number of synapses. The
 * study's rows arrive as plain {@link org.engram.viz.study.CapacityPlot.Point}s, so this package
 * knows no model.
 *
 * <p>May import {@code org.engram.viz.figure}, JFreeChart and the JDK's AWT; nothing else of
 * Engram. Drawing never runs anything.
 */
package org.engram.viz.study;
