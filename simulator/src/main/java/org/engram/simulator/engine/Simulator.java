package org.engram.simulator.engine;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.event.EventEngine;
import org.engram.simulator.engine.grid.GridEngine;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;

/** The entry point: builds a network description and returns a simulation in the chosen mode. */
public final class Simulator {
    private Simulator() {}

    /** Event mode (the default). */
    public static Simulation event(Network network) {
        return new Simulation(new EventEngine(BuiltNetwork.build(network)));
    }

    /** Grid mode with step {@code dtMs}. */
    public static Simulation grid(Network network, double dtMs) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new InvalidNetworkException("dt is " + dtMs + " ms; expected a positive step");
        }
        return new Simulation(new GridEngine(BuiltNetwork.build(network), dtMs));
    }

    /** The given mode; grid mode uses {@code dtMs}, or the network's timestep when {@code dtMs} is NaN. */
    public static Simulation create(Network network, Mode mode, double dtMs) {
        return mode == Mode.event ? event(network)
                : grid(network, Double.isNaN(dtMs) ? network.timestepMs() : dtMs);
    }

    /** Builds, runs for {@code durationMs} and returns the recording. */
    public static org.engram.simulator.record.Recording run(Network network, Mode mode, double dtMs,
            double durationMs) {
        Simulation s = create(network, mode, dtMs);
        s.run(durationMs);
        return s.recording();
    }
}
