package org.engram.models.ca3;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;

/**
 * One run of the CA3 memory on the simulator: the network, the operations it performed, the
 * recording, the decoded output of every operation, and the plastic weights at the end.
 *
 * @param network the network that ran (inputs included)
 * @param schedule the operations, recognised from the bench or given
 * @param mode the engine mode
 * @param dtMs the step (grid and fixed mode), or NaN (event mode)
 * @param recording every population's spikes
 * @param results one decoded output per operation, in schedule order
 * @param cueToContent final weights of {@value Ca3Network#CUE_TO_CONTENT}, {@code [cue][bit]} in nA
 * @param contentToCue final weights of {@value Ca3Network#CONTENT_TO_CUE}, {@code [bit][cue]} in nA
 * @param wallSeconds wall time of the simulation (build and run), in s
 */
public record Ca3Run(Network network, Schedule schedule, Mode mode, double dtMs, Recording recording,
        List<OperationResult> results, double[][] cueToContent, double[][] contentToCue, double wallSeconds) {

    /** The grid step the hardware ran and the circuit was designed for. */
    public static final double HARDWARE_DT_MS = 1.0;

    public Ca3Run {
        results = List.copyOf(results);
    }

    /** Runs a test bench in grid mode at 1 ms, as the hardware did. */
    public static Ca3Run of(TestBench bench) {
        return of(bench, Mode.grid, HARDWARE_DT_MS);
    }

    /** Runs a test bench; {@code dtMs} is the step (ignored in event mode). */
    public static Ca3Run of(TestBench bench, Mode mode, double dtMs) {
        return of(Ca3Network.of(bench), Schedule.of(bench), mode, dtMs);
    }

    /** Runs a schedule on the memory with the original parameters. */
    public static Ca3Run of(Schedule schedule, Mode mode, double dtMs) {
        TestBench bench = schedule.toTestBench();
        return of(Ca3Network.of(bench), schedule, mode, dtMs);
    }

    /** Runs {@code network} (a CA3 memory whose inputs encode {@code schedule}) for the schedule's length. */
    public static Ca3Run of(Network network, Schedule schedule, Mode mode, double dtMs) {
        long t0 = System.nanoTime();
        Simulation sim = Simulator.create(network, mode, dtMs);
        sim.run(schedule.simTimeMs());
        double wall = (System.nanoTime() - t0) / 1e9;
        Recording rec = sim.recording();
        int c = Ca3Network.cueSize(network);
        int n = Ca3Network.contSize(network);
        return new Ca3Run(network, schedule, mode, mode == Mode.event ? Double.NaN : dtMs, rec, decode(schedule, rec),
                matrix(sim, Ca3Network.CUE_TO_CONTENT, c, n), matrix(sim, Ca3Network.CONTENT_TO_CUE, n, c), wall);
    }

    private static double[][] matrix(Simulation sim, String projection, int rows, int cols) {
        double[][] m = new double[rows][cols];
        int[][] ends = sim.connections(projection);
        double[] w = sim.weights(projection);
        for (int k = 0; k < w.length; k++) {
            m[ends[0][k]][ends[1][k]] = w[k];
        }
        return m;
    }

    /** Splits the output spikes into the operations' windows. */
    public static List<OperationResult> decode(Schedule schedule, Recording rec) {
        PopulationSpikes cue = rec.spikes(Ca3Population.OUT_cue.label());
        PopulationSpikes cont = rec.spikes(Ca3Population.OUT_cont.label());
        List<OperationResult> out = new ArrayList<>();
        for (int k = 0; k < schedule.operations().size(); k++) {
            double from = schedule.windowStartMs(k);
            double to = schedule.windowEndMs(k);
            out.add(new OperationResult(schedule.operations().get(k), from, to, within(cue, from, to),
                    within(cont, from, to)));
        }
        return out;
    }

    private static List<OperationResult.OutputSpike> within(PopulationSpikes s, double from, double to) {
        List<OperationResult.OutputSpike> out = new ArrayList<>();
        for (int k = 0; k < s.count(); k++) {
            if (s.timeMs(k) >= from && s.timeMs(k) < to) {
                out.add(new OperationResult.OutputSpike(s.neuron(k), s.timeMs(k)));
            }
        }
        return out;
    }

    /** Simulated seconds per wall second's inverse: wall seconds per simulated second. */
    public double wallSecondsPerSimulatedSecond() {
        return wallSeconds / (schedule.simTimeMs() / 1000.0);
    }

    @Override
    public double[][] cueToContent() {
        return copy(cueToContent);
    }

    @Override
    public double[][] contentToCue() {
        return copy(contentToCue);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
