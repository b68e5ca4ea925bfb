/**
 * What a run recorded ({@link org.engram.simulator.record.Recording}: immutable, no engine
 * reference) and the run-directory files (spikes.csv, v.csv, weights.csv, summary.json).
 *
 * <p>May import: nothing else of the simulator but {@code UserError}. Plots and comparisons read
 * only this package and the description.
 */
package org.engram.simulator.record;
