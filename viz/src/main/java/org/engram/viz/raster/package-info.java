/**
 * Spike rasters: one tick per spike, populations stacked top to bottom in their colours with
 * their labels and thin separators, and under it the populations' binned firing rates on the
 * same time axis. Above {@link org.engram.viz.raster.RasterOptions#maxSpikeMarks()} spikes the
 * raster is a density image (one pixel column per time bin, shaded by spike count), and the
 * legend says so.
 *
 * <p>May import {@code org.engram.simulator.record} (the recording it draws),
 * {@code org.engram.viz.figure}, JFreeChart, JFreeSVG and AWT. Never the engine, never
 * {@code build}.
 *
 * <p>Invariants: rows are neuron indices offset by the sizes of the populations above; row
 * {@code r} spans {@code [r, r + 1)} on the range axis, which runs downwards, so neuron 0 of the
 * first population is at the top. Nothing outside the time window is drawn or counted.
 */
package org.engram.viz.raster;
