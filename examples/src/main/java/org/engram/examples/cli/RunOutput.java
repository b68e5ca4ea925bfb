package org.engram.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.record.RecordingFiles.PopulationInfo;
import org.engram.viz.report.RunPlots;

/**
 * Runs a network and writes its run directory: the one path shared by {@code engram run} and
 * {@code engram demo}. The network is validated and built before anything is written, so a bad
 * network leaves no output behind.
 */
final class RunOutput {
    /** Runs longer than this (estimated from the first slice) show a progress bar. */
    private static final double PROGRESS_AFTER_S = 2.0;
    private static final int SLICES = 200;

    private RunOutput() {}

    /** What a run produced. */
    record Result(Recording recording, List<Path> files) {}

    static Result runAndWrite(Network net, Mode mode, double dtMs, double durationMs, Path out, boolean quiet,
            boolean plot, PrintStream log) throws IOException {
        Simulation sim = Simulator.create(net, mode, dtMs);
        sim.warnings().forEach(w -> log.println("warning: " + w));
        runWithProgress(sim, durationMs, quiet);
        Recording rec = sim.recording();
        List<PopulationInfo> pops = new ArrayList<>();
        for (Population p : net.populations()) {
            pops.add(new PopulationInfo(p.label(), p.size(), p.cellType().modelName()));
        }
        List<Path> files = new ArrayList<>(RecordingFiles.write(out, rec, pops));
        Path netFile = out.resolve(RunPlots.NETWORK);
        Path tmp = out.resolve(RunPlots.NETWORK + ".part");
        Files.writeString(tmp, NetworkJson.write(net));
        Files.move(tmp, netFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        files.add(netFile);
        if (plot) {
            files.addAll(RunPlots.writeAll(out));
        }
        return new Result(rec, files);
    }

    /** Runs in slices so that long runs can show a bar with ETA; silent when quiet or not on a terminal. */
    private static void runWithProgress(Simulation sim, double durationMs, boolean quiet) {
        if (durationMs <= 0) {
            return;
        }
        double slice = durationMs / SLICES;
        long t0 = System.nanoTime();
        sim.run(slice);
        double firstS = (System.nanoTime() - t0) / 1e9;
        boolean show = !quiet && System.console() != null && firstS * SLICES > PROGRESS_AFTER_S;
        if (!show) {
            sim.run(durationMs - slice);
            return;
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("simulating").setInitialMax((long) Math.ceil(durationMs))
                .setUnit(" ms", 1).setStyle(ProgressBarStyle.ASCII).showSpeed().build()) {
            bar.stepTo((long) slice);
            for (int k = 1; k < SLICES; k++) {
                sim.run(k == SLICES - 1 ? durationMs - sim.timeMs() : slice);
                bar.stepTo((long) sim.timeMs());
            }
        }
    }

    /** Prints the figures and where the files are. */
    static void report(Result r, PrintStream out) {
        var st = r.recording().stats();
        out.printf("simulated %.1f ms in %s mode%s: %s, %s, %s, %.3f s wall%n",
                st.simulatedMs(), st.mode(), st.dtMs() > 0 ? " (dt " + st.dtMs() + " ms)" : "",
                Counts.of(st.neurons(), "neuron"), Counts.of(st.synapses(), "synapse"), Counts.of(st.spikes(), "spike"),
                st.wallSeconds());
        r.recording().spikes().forEach(s -> out.printf("  %-12s %8d %-6s  %8.2f Hz%n", s.population(), s.count(),
                Counts.noun(s.count(), "spike"), s.meanRateHz(st.simulatedMs())));
        out.println("wrote:");
        r.files().forEach(f -> out.println("  " + f));
    }
}
