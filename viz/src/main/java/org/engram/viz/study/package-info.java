/**
 * The figures of studies of the memory models: the capacity study of a content-addressable memory
 * (the CA3 memory's, run by {@code engram ca3 study}): how many recalls were right against the
 * number of memories, per workload and content size, and the simulation's cost against the number
 * of synapses ({@link org.engram.viz.study.CapacityPlot}); and continual learning (HLOP's, run by
 * {@code engram hlop pmnist}): every task's accuracy as later tasks are learnt, per method
 * ({@link org.engram.viz.study.TaskAccuracyPlot}). The studies' figures arrive as plain records,
 * so this package knows no model.
 *
 * <p>May import {@code org.engram.viz.figure}, JFreeChart and the JDK's AWT; nothing else of
 * Engram. Drawing never runs anything.
 */
package org.engram.viz.study;
