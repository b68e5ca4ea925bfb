package org.engram.simulator.engine;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.event.EventEngine;
import org.engram.simulator.engine.fixed.FixedEngine;
import org.engram.simulator.engine.fixed.FixedOptions;
import org.engram.simulator.engine.grid.GridEngine;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;

/** The entry point: builds a network description and returns a simulation in the chosen mode. */
public final class Simulator {
    private Simulator() {}

    /** Event mode (the default), with the threads the engine chooses. */
    public static Simulation event(Network network) {
        return event(network, Threads.AUTO);
    }

    /** Event mode on {@code threads}: the same results for any number. */
    public static Simulation event(Network network, Threads threads) {
        java.util.Objects.requireNonNull(threads, "threads");
        BuiltNetwork built = BuiltNetwork.build(network);
        return new Simulation(new EventEngine(built, threads.requested()));
    }

    /** Grid mode with step {@code dtMs}, with the threads the engine chooses. */
    public static Simulation grid(Network network, double dtMs) {
        return grid(network, dtMs, Threads.AUTO);
    }

    /** Grid mode with step {@code dtMs} on {@code threads}: the same results for any number. */
    public static Simulation grid(Network network, double dtMs, Threads threads) {
        checkStep(dtMs);
        BuiltNetwork built = BuiltNetwork.build(network);
        return new Simulation(new GridEngine(built, dtMs, threads.requested()));
    }

    /**
     * Fixed mode with step {@code dtMs}: SpiNNaker's fixed-point arithmetic, 256 neurons per core.
     * {@link Simulation#warnings()} lists what the network loses in fixed point.
     *
     * @throws InvalidNetworkException if the network uses what fixed mode does not support, or
     *         would be wrong in fixed point (the message lists every such error)
     */
    public static Simulation fixed(Network network, double dtMs) {
        return fixed(network, dtMs, Threads.AUTO);
    }

    /**
     * Fixed mode with step {@code dtMs} on {@code threads}, the cores shared among them: the same
     * results for any number.
     *
     * @throws InvalidNetworkException as {@link #fixed(Network, double)}
     */
    public static Simulation fixed(Network network, double dtMs, Threads threads) {
        checkStep(dtMs);
        return new Simulation(new FixedEngine(network, dtMs, FixedOptions.DEFAULT, threads.requested()));
    }

    private static void checkStep(double dtMs) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new InvalidNetworkException("dt is " + dtMs + " ms; expected a positive step");
        }
    }

    /** The given mode; grid and fixed mode use {@code dtMs}, or the network's timestep when {@code dtMs} is NaN. */
    public static Simulation create(Network network, Mode mode, double dtMs) {
        return create(network, mode, dtMs, Threads.AUTO);
    }

    /** As {@link #create(Network, Mode, double)}, on {@code threads}. */
    public static Simulation create(Network network, Mode mode, double dtMs, Threads threads) {
        double dt = Double.isNaN(dtMs) ? network.timestepMs() : dtMs;
        return switch (mode) {
            case event -> event(network, threads);
            case grid -> grid(network, dt, threads);
            case fixed -> fixed(network, dt, threads);
        };
    }

    /**
     * What a simulation of {@code network} in {@code mode} (grid: at step {@code dtMs}, or the
     * network's timestep when NaN) for {@code durationMs} will need, estimated from the description
     * before anything is built: to refuse what cannot fit before spending the time to build it.
     */
    public static Footprint footprint(Network network, Mode mode, double dtMs, double durationMs) {
        double dt = mode == Mode.grid && Double.isNaN(dtMs) ? network.timestepMs() : dtMs;
        return HeapEstimate.of(network, mode, dt, durationMs);
    }

    /**
     * A simulation's estimated needs: its neurons and synapses (FixedProbability's counted at three
     * standard deviations above the mean), grid mode's steps of input kept per neuron (the longest
     * delay in steps, and one; 0 in event mode), the heap in bytes, grid mode's steps for the run (0
     * in event mode), the bytes of the recording's files but spikes.csv (how many spikes there will
     * be is not known before the run), and of the scratch file that v.csv is written from.
     */
    public record Footprint(long neurons, long synapses, long gridSlots, long heapBytes, double steps,
            long fileBytes, long scratchBytes) {

        /** Whether grid mode can count the run's steps and hold its input ring in arrays. */
        public boolean gridFits() {
            return steps < GridEngine.MAX_STEPS && (double) gridSlots * neurons <= GridEngine.MAX_RING;
        }
    }

    /** Builds, runs for {@code durationMs} and returns the recording. */
    public static org.engram.simulator.record.Recording run(Network network, Mode mode, double dtMs,
            double durationMs) {
        return run(network, mode, dtMs, Threads.AUTO, durationMs);
    }

    /** As {@link #run(Network, Mode, double, double)}, on {@code threads}. */
    public static org.engram.simulator.record.Recording run(Network network, Mode mode, double dtMs, Threads threads,
            double durationMs) {
        Simulation s = create(network, mode, dtMs, threads);
        s.run(durationMs);
        return s.recording();
    }
}
