package org.engram.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;

/**
 * {@code engram bench NAME --deploy}: a benchmark network deployed end to end to a board emulator
 * in this process, each phase timed (mapping, images, load and its throughput, run, read-back),
 * or with {@code --dry-run} mapped and imaged only, with the peak heap.
 */
final class DeployBench {
    static final double DEFAULT_DT_MS = 1.0;
    /** The warm-up deploys its network again until this much wall time has passed. */
    static final double WARMUP_WALL_S = 5.0;

    private DeployBench() {}

    /**
     * Runs the benchmark; {@code warmUp}, when given, is deployed first (untimed), again and again
     * for {@link #WARMUP_WALL_S}, so that the figures are of compiled code, as the engine
     * benchmarks' warm-up does (the transport's first megabytes go at a quarter of its speed).
     */
    static void run(Network net, Network warmUp, String description, double timeMs, double dtMs, boolean dryRun,
            boolean json, PrintStream out) throws InterruptedException {
        Deployment.Options options = Deployment.Options.defaults(dtMs);
        if (warmUp != null) {
            // until the transport and the core application are compiled, as the engine benchmarks do
            long start = System.nanoTime();
            do {
                deployQuietly(warmUp, options, Math.min(timeMs, 200), dryRun);
            } while ((System.nanoTime() - start) / 1e9 < WARMUP_WALL_S);
        }
        long t0 = System.nanoTime();
        BenchCommand.heapInUseAfterGc();
        BenchCommand.resetPeaks();
        if (dryRun) {
            Deployment.Plan plan = Deployment.plan(net, Machine.spinn5(), options, timeMs);
            double heapMb = BenchCommand.peakHeap() / 1048576.0;
            out.printf(Locale.ROOT, "%s, mapped and imaged for %.0f ms at dt %s ms on one SpiNN-5 board%n",
                    description, timeMs, dtMs);
            printPlan(plan, out);
            out.printf(Locale.ROOT, "  peak heap         %10.1f MB%n", heapMb);
            if (json) {
                out.printf(Locale.ROOT, "{\"cores\": %d, \"chips\": %d, \"map_s\": %.3f, \"images_s\": %.3f, "
                        + "\"image_bytes\": %d, \"heap_mb\": %.1f}%n", plan.images().images().size(),
                        plan.mapping().chipsUsed().size(), plan.mapSeconds(), plan.imageSeconds(), plan.bytesToLoad(),
                        heapMb);
            }
            return;
        }
        try (BoardEmulator board = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), s -> { });
                Transceiver tx = Transceiver.connect("127.0.0.1", board.scpAddress().getPort(),
                        board.bootAddress().getPort(), RetryPolicy.DEFAULT)) {
            Machine machine = Deployment.machineOf(tx.discoverMachine());
            Deployment.Plan plan = Deployment.plan(net, machine, options, timeMs);
            Deployment.Result r = Deployment.run(tx, plan, options, s -> { });
            double totalS = (System.nanoTime() - t0) / 1e9;
            Recording rec = r.recording();
            out.printf(Locale.ROOT, "%s, deployed to the board emulator for %.0f ms at dt %s ms%n", description, timeMs,
                    dtMs);
            printPlan(plan, out);
            out.printf(Locale.ROOT, "  load              %10.3f s (%.2f MB, %.2f MB/s; writing the images %.3f s, "
                    + "%.2f MB/s)%n", r.load().loadSeconds(), r.load().bytesLoaded() / 1e6,
                    r.load().loadBytesPerSecond() / 1e6, r.load().writeSeconds(), r.load().writeBytesPerSecond() / 1e6);
            out.printf(Locale.ROOT, "  run               %10.3f s%n", r.load().runSeconds());
            out.printf(Locale.ROOT, "  read-back         %10.3f s%n", r.load().readSeconds() + r.decodeSeconds());
            out.printf(Locale.ROOT, "  end to end        %10.3f s%n", totalS);
            out.printf(Locale.ROOT, "  spikes            %10d (%.2f Hz)%n", rec.spikeCount(),
                    rec.spikeCount() / (double) net.populations().stream().mapToInt(p -> p.size()).sum()
                            / (timeMs / 1000));
            if (json) {
                out.printf(Locale.ROOT, "{\"cores\": %d, \"chips\": %d, \"map_s\": %.3f, \"images_s\": %.3f, "
                        + "\"load_s\": %.3f, \"load_mb_per_s\": %.2f, \"write_mb_per_s\": %.2f, \"run_s\": %.3f, \"read_s\": %.3f, "
                        + "\"total_s\": %.3f, \"spikes\": %d}%n", plan.images().images().size(),
                        plan.mapping().chipsUsed().size(), plan.mapSeconds(), plan.imageSeconds(),
                        r.load().loadSeconds(), r.load().loadBytesPerSecond() / 1e6,
                        r.load().writeBytesPerSecond() / 1e6, r.load().runSeconds(),
                        r.load().readSeconds() + r.decodeSeconds(), totalS, rec.spikeCount());
            }
        }
    }

    private static void deployQuietly(Network net, Deployment.Options options, double timeMs, boolean dryRun)
            throws InterruptedException {
        if (dryRun) {
            Deployment.plan(net, Machine.spinn5(), options, timeMs);
            return;
        }
        try (BoardEmulator board = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), s -> { });
                Transceiver tx = Transceiver.connect("127.0.0.1", board.scpAddress().getPort(),
                        board.bootAddress().getPort(), RetryPolicy.DEFAULT)) {
            Deployment.run(tx, Deployment.plan(net, Deployment.machineOf(tx.discoverMachine()), options, timeMs),
                    options, s -> { });
        }
    }

    private static void printPlan(Deployment.Plan plan, PrintStream out) {
        out.printf(Locale.ROOT, "  cores, chips      %10d on %d%n", plan.images().images().size(),
                plan.mapping().chipsUsed().size());
        out.printf(Locale.ROOT, "  mapping           %10.3f s%n", plan.mapSeconds());
        out.printf(Locale.ROOT, "  images            %10.3f s (%.2f MB to load)%n", plan.imageSeconds(),
                plan.bytesToLoad() / 1e6);
    }
}
