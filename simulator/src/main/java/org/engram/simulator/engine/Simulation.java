package org.engram.simulator.engine;

import org.engram.simulator.record.Recording;

/**
 * A built network being simulated: the engine's whole public surface. {@link #run} may be called
 * repeatedly (PyNN's {@code run}); {@link #recording} returns an immutable snapshot.
 */
public interface Simulation {
    /** Advances biological time by {@code durationMs}. */
    void run(double durationMs);

    /** Biological time reached, in ms. */
    double timeMs();

    /** What was recorded up to now: an immutable copy holding no engine reference. */
    Recording recording();

    /**
     * The current weights of a projection, one per connection in the projection's connection
     * order (the order of {@link #connections}). Plastic weights include every update due up to
     * {@link #timeMs()}.
     */
    double[] weights(String projection);

    /** The connections of a projection: {@code [0]} pre indices, {@code [1]} post indices (in the populations). */
    int[][] connections(String projection);
}
