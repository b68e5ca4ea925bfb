/**
 * What a run recorded ({@link org.engram.simulator.record.Recording}: immutable, no engine
 * reference), where an engine's recorder sends it as it records
 * ({@link org.engram.simulator.record.RecordingSink}: kept in memory by
 * {@link org.engram.simulator.record.MemoryRecording}, or streamed into a run directory by
 * {@link org.engram.simulator.record.RecordingWriter}), and the run-directory files
 * ({@link org.engram.simulator.record.RecordingFiles}: spikes.csv, v.csv, v-POP.npy, weights.csv,
 * summary.json), read back whole or as a {@link org.engram.simulator.record.MembraneSelection}.
 *
 * <p>May import: nothing else of the simulator but {@code UserError} and {@code EngramVersion}.
 * Plots and comparisons read only this package and the description.
 */
package org.engram.simulator.record;
