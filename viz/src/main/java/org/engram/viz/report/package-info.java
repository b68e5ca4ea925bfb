/**
 * Everything a run directory allows, in one call: {@link org.engram.viz.report.RunPlots} reads
 * the directory (spikes.csv, v.csv or the v-POP.npy files, weights.csv, summary.json and, when
 * present, network.json: those the summary lists as the run's), writes the raster, membrane and weight figures, and {@code report.html}: the summary numbers,
 * the figures as inline SVG, and the network's populations and projections as tables.
 *
 * <p>May import {@code org.engram.simulator.record} (to read the run),
 * {@code org.engram.simulator.error.UserError}, the other {@code org.engram.viz} packages, Jackson
 * (network.json is read as a plain JSON tree, so the report needs no network classes), JFreeChart
 * and the JDK. Never the engine, never {@code build}: a report never runs anything.
 */
package org.engram.viz.report;
