package org.engram.simulator.engine;

import java.util.List;
import org.engram.simulator.engine.core.Engine;
import org.engram.simulator.record.Recording;

/**
 * A built network being simulated: the engine's whole public surface. {@link #run} may be called
 * repeatedly (PyNN's {@code run}); {@link #recording} returns an immutable snapshot.
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

    /** Biological time reached, in ms. */
    public double timeMs() {
        return engine.timeMs();
    }

    /** What was recorded up to now: an immutable copy holding no engine reference. */
    public Recording recording() {
        return engine.recording();
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
