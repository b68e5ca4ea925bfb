package org.engram.simulator.engine.core;

import java.util.List;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingLayout;
import org.engram.simulator.record.RecordingSink;
import org.engram.simulator.record.RunStats;

/**
 * What every engine does for {@link org.engram.simulator.engine.Simulation}, which wraps it: the
 * engines implement this, so that the public face depends on the engines and never the other way.
 */
public interface Engine {
    /** Advances biological time by {@code durationMs}. */
    void run(double durationMs);

    /** The number of threads the engine runs on. */
    default int threads() {
        return 1;
    }

    /** Biological time reached, in ms. */
    double timeMs();

    /** What was recorded up to now: an immutable copy holding no engine reference. */
    Recording recording();

    /** The run's figures up to now. */
    RunStats stats();

    /** What the run records. */
    RecordingLayout recordingLayout();

    /** Sends what is recorded to {@code sink} instead of memory; before the first run. */
    void recordTo(RecordingSink sink);

    /** The current weights of a projection, in the projection's connection order. */
    double[] weights(String projection);

    /** The connections of a projection: {@code [0]} pre indices, {@code [1]} post indices. */
    int[][] connections(String projection);

    /** What the engine lost in precision, one line each (none for the double-precision engines). */
    default List<String> warnings() {
        return List.of();
    }
}
