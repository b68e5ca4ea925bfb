package org.engram.simulator.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.engram.simulator.engine.core.Engine;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingLayout;
import org.engram.simulator.record.RecordingWriter;
import org.engram.simulator.record.RunStats;

/**
 * A built network being simulated: the engine's whole public surface. {@link #run} may be called
 * repeatedly (PyNN's {@code run}); {@link #recording} returns an immutable snapshot of what was
 * recorded, which is kept in memory unless {@link #streamRecordingTo} sends it to files.
 */
public final class Simulation {
    private final Engine engine;

    Simulation(Engine engine) {
        this.engine = engine;
    }

    /** Advances biological time by {@code durationMs}. */
    public void run(double durationMs) {
        engine.run(durationMs);
    }

    /** The number of threads the simulation runs on (what {@link Threads#AUTO} resolved to, if asked). */
    public int threads() {
        return engine.threads();
    }

    /** Biological time reached, in ms. */
    public double timeMs() {
        return engine.timeMs();
    }

    /**
     * What was recorded up to now: an immutable copy holding no engine reference.
     *
     * @throws IllegalStateException when the recording streams to files
     */
    public Recording recording() {
        return engine.recording();
    }

    /** The run's figures up to now: simulated and wall time, sizes, spikes and work done. */
    public RunStats stats() {
        return engine.stats();
    }

    /** What this simulation records: populations, recorded neurons and projections. */
    public RecordingLayout recordingLayout() {
        return engine.recordingLayout();
    }

    /**
     * Streams what this simulation records into {@code dir} as a run directory, with bounded
     * buffers, instead of keeping it in memory: a recording may then outgrow the heap. Call it
     * before the first {@link #run}; after the last, {@code finish(stats())} on the writer returned
     * completes the files (and {@code close()} without it removes them). {@link #recording} then
     * refuses: {@code RecordingFiles.read(dir)} reads the recording back.
     */
    public RecordingWriter streamRecordingTo(Path dir) throws IOException {
        RecordingWriter w = RecordingWriter.open(dir, engine.recordingLayout());
        engine.recordTo(w);
        return w;
    }

    /**
     * The current weights of a projection, one per connection in the projection's connection
     * order (the order of {@link #connections}). Plastic weights include every update due up to
     * {@link #timeMs()}.
     */
    public double[] weights(String projection) {
        return engine.weights(projection);
    }

    /** The connections of a projection: {@code [0]} pre indices, {@code [1]} post indices (in the populations). */
    public int[][] connections(String projection) {
        return engine.connections(projection);
    }

    /**
     * What the run loses in precision, one line each, to print before or after running: in fixed
     * mode the fixed-point warnings of the layout (and ring-buffer saturations so far); none in
     * event and grid mode.
     */
    public List<String> warnings() {
        return engine.warnings();
    }
}
