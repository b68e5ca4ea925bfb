package org.engram.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;

/**
 * {@code engram bench NAME --deploy}: a benchmark network deployed end to end to a board emulator
 * in this process, each phase timed (mapping, images, load and its throughput, run, read-back),
 * or with {@code --dry-run} mapped and imaged only, with the peak heap. With {@code --boards 3}
 * the emulator is a triad and the same plan is loaded twice, through the root board's connection
 * alone and through one connection per board, so that the two loads' throughputs compare.
 */
final class DeployBench {
    static final double DEFAULT_DT_MS = 1.0;
    /** The warm-up deploys its network again until this much wall time has passed. */
    static final double WARMUP_WALL_S = 5.0;
    /** Rounds of the comparison of one connection with one per board. */
    static final int ROUNDS = 3;

    private DeployBench() {}

    /**
     * What to deploy and how: the network's description, run time, step, cut, and the emulated
     * machine (its boards, and how long each board's SCAMP takes per request).
     */
    record Setup(String description, double timeMs, double dtMs, int neuronsPerCore, int boards, long serviceMicros) {
        Deployment.Options options() {
            Deployment.Options d = Deployment.Options.defaults(dtMs);
            return new Deployment.Options(neuronsPerCore, dtMs, d.appId(), null, d.runTimeout());
        }
    }

    /**
     * Runs the benchmark; {@code warmUp}, when given, is deployed first (untimed), again and again
     * for {@link #WARMUP_WALL_S}, so that the figures are of compiled code, as the engine
     * benchmarks' warm-up does (the transport's first megabytes go at a quarter of its speed).
     */
    static void run(Network net, Network warmUp, Setup setup, boolean dryRun, boolean json, PrintStream out)
            throws InterruptedException {
        Deployment.Options options = setup.options();
        if (warmUp != null) {
            // until the transport and the core application are compiled, as the engine benchmarks do
            long start = System.nanoTime();
            do {
                if (dryRun) {
                    Deployment.plan(warmUp, Machine.ofBoards(setup.boards()), options, Math.min(setup.timeMs(), 200));
                } else {
                    deploy(warmUp, setup, Math.min(setup.timeMs(), 200), setup.boards(), null);
                }
            } while ((System.nanoTime() - start) / 1e9 < WARMUP_WALL_S);
        }
        long t0 = System.nanoTime();
        BenchCommand.heapInUseAfterGc();
        BenchCommand.resetPeaks();
        if (dryRun) {
            Deployment.Plan plan = Deployment.plan(net, Machine.ofBoards(setup.boards()), options, setup.timeMs());
            double heapMb = BenchCommand.peakHeap() / 1048576.0;
            out.printf(Locale.ROOT, "%s, mapped and imaged for %.0f ms at dt %s ms on %s%n", setup.description(),
                    setup.timeMs(), setup.dtMs(), setup.boards() == 1 ? "one SpiNN-5 board" : "a triad");
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
        if (setup.boards() > 1) {
            compareConnections(net, setup, json, out);
            return;
        }
        Deployed d = deploy(net, setup, setup.timeMs(), 1, null);
        Deployment.Result r = d.result();
        double totalS = (System.nanoTime() - t0) / 1e9;
        Recording rec = r.recording();
        out.printf(Locale.ROOT, "%s, deployed to the board emulator for %.0f ms at dt %s ms%n", setup.description(),
                setup.timeMs(), setup.dtMs());
        printPlan(r.plan(), out);
        printLoad("load", r, out);
        out.printf(Locale.ROOT, "  run               %10.3f s%n", r.load().runSeconds());
        out.printf(Locale.ROOT, "  read-back         %10.3f s%n", r.load().readSeconds() + r.decodeSeconds());
        out.printf(Locale.ROOT, "  end to end        %10.3f s%n", totalS);
        out.printf(Locale.ROOT, "  spikes            %10d (%.2f Hz)%n", rec.spikeCount(),
                rec.spikeCount() / (double) net.populations().stream().mapToInt(p -> p.size()).sum()
                        / (setup.timeMs() / 1000));
        if (json) {
            out.printf(Locale.ROOT, "{\"cores\": %d, \"chips\": %d, \"map_s\": %.3f, \"images_s\": %.3f, "
                    + "\"load_s\": %.3f, \"load_mb_per_s\": %.2f, \"write_mb_per_s\": %.2f, \"run_s\": %.3f, \"read_s\": %.3f, "
                    + "\"total_s\": %.3f, \"spikes\": %d}%n", r.plan().images().images().size(),
                    r.plan().mapping().chipsUsed().size(), r.plan().mapSeconds(), r.plan().imageSeconds(),
                    r.load().loadSeconds(), r.load().loadBytesPerSecond() / 1e6,
                    r.load().writeBytesPerSecond() / 1e6, r.load().runSeconds(),
                    r.load().readSeconds() + r.decodeSeconds(), totalS, rec.spikeCount());
        }
    }

    /** A deployment and the requests each board's connection carried. */
    record Deployed(Deployment.Result result, Map<ChipLocation, Long> requestsByBoard) {}

    /**
     * Deploys onto a fresh emulator of {@code setup.boards()} boards, through the first
     * {@code connections} of them (1: the root board's alone); with a plan, loads that plan.
     */
    static Deployed deploy(Network net, Setup setup, double timeMs, int connections, Deployment.Plan plan)
            throws InterruptedException {
        try (BoardEmulator board = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()
                .withBoards(setup.boards()).withServiceMicros(setup.serviceMicros())), s -> { });
                Transceiver tx = Transceiver.connect(DeployCommand.addresses(board).subList(0, connections), 54321,
                        RetryPolicy.DEFAULT, s -> { })) {
            Machine machine = Deployment.machineOf(tx.discoverMachine());
            Deployment.Plan p = plan != null ? plan : Deployment.plan(net, machine, setup.options(), timeMs);
            Deployment.Result r = Deployment.run(tx, p, setup.options(), s -> { });
            Map<ChipLocation, Long> requests = new LinkedHashMap<>();
            tx.statsByBoard().forEach((b, s) -> requests.put(b, s.requests()));
            return new Deployed(r, requests);
        }
    }

    /**
     * The same plan loaded onto a triad through the root board's connection alone, then through
     * one connection per board (windows in parallel), {@link #ROUNDS} times in alternation, so
     * that a machine whose speed drifts slows both alike; the medians are compared. The spikes
     * must agree.
     */
    private static void compareConnections(Network net, Setup setup, boolean json, PrintStream out)
            throws InterruptedException {
        List<Deployed> one = new ArrayList<>();
        List<Deployed> all = new ArrayList<>();
        Deployment.Plan plan = null;
        for (int round = 0; round < ROUNDS; round++) {
            one.add(deploy(net, setup, setup.timeMs(), 1, plan));
            plan = one.get(0).result().plan();
            all.add(deploy(net, setup, setup.timeMs(), setup.boards(), plan));
        }
        Recording spikes = one.get(0).result().recording();
        for (Deployed d : List.of(one, all).stream().flatMap(List::stream).toList()) {
            if (!sameSpikes(spikes, d.result().recording())) {
                throw new IllegalStateException("the spikes through one connection and through " + setup.boards()
                        + " differ");
            }
        }
        out.printf(Locale.ROOT, "%s, deployed to an emulated triad for %.0f ms at dt %s ms, %d neurons a core, %s; "
                + "medians of %d rounds%n", setup.description(), setup.timeMs(), setup.dtMs(), setup.neuronsPerCore(),
                setup.serviceMicros() == 0 ? "SCAMP as fast as the emulator" : "SCAMP " + setup.serviceMicros()
                        + " µs a request", ROUNDS);
        printPlan(plan, out);
        out.printf(Locale.ROOT, "  cores per board   %10s%n", coresPerBoard(plan, Machine.ofBoards(setup.boards())));
        Deployment.Result medianOne = median(one);
        Deployment.Result medianAll = median(all);
        printLoad("load, 1 connection", medianOne, out);
        printLoad("load, " + setup.boards() + " connections", medianAll, out);
        out.printf(Locale.ROOT, "  requests per board %9s through %d connections%n",
                all.get(0).requestsByBoard().values(), setup.boards());
        double writeGain = medianAll.load().writeBytesPerSecond() / medianOne.load().writeBytesPerSecond();
        double loadGain = medianOne.load().loadSeconds() / medianAll.load().loadSeconds();
        out.printf(Locale.ROOT, "  %d connections / 1: writing %.2f× as fast, loading %.2f× as fast (rounds: %s)%n",
                setup.boards(), writeGain, loadGain, roundGains(one, all));
        out.printf(Locale.ROOT, "  spikes            %10d (the same through 1 and %d connections)%n",
                spikes.spikeCount(), setup.boards());
        if (json) {
            out.printf(Locale.ROOT, "{\"cores\": %d, \"chips\": %d, \"bytes\": %d, \"load_s_1\": %.3f, "
                    + "\"write_mb_per_s_1\": %.2f, \"load_s_%d\": %.3f, \"write_mb_per_s_%d\": %.2f, \"write_gain\": %.2f, "
                    + "\"load_gain\": %.2f, \"spikes\": %d}%n", plan.images().images().size(),
                    plan.mapping().chipsUsed().size(), medianAll.load().bytesLoaded(), medianOne.load().loadSeconds(),
                    medianOne.load().writeBytesPerSecond() / 1e6, setup.boards(), medianAll.load().loadSeconds(),
                    setup.boards(), medianAll.load().writeBytesPerSecond() / 1e6, writeGain, loadGain,
                    spikes.spikeCount());
        }
    }

    /** The deployment whose load took the median time. */
    private static Deployment.Result median(List<Deployed> runs) {
        List<Deployment.Result> sorted = new ArrayList<>(runs.stream().map(Deployed::result).toList());
        sorted.sort(java.util.Comparator.comparingDouble(r -> r.load().loadSeconds()));
        return sorted.get(sorted.size() / 2);
    }

    /** Each round's writing gain, "1.21 1.35 1.18". */
    private static String roundGains(List<Deployed> one, List<Deployed> all) {
        List<String> gains = new ArrayList<>();
        for (int k = 0; k < one.size(); k++) {
            gains.add(String.format(Locale.ROOT, "%.2f", all.get(k).result().load().writeBytesPerSecond()
                    / one.get(k).result().load().writeBytesPerSecond()));
        }
        return String.join(" ", gains);
    }

    private static boolean sameSpikes(Recording a, Recording b) {
        for (PopulationSpikes s : a.spikes()) {
            PopulationSpikes t = b.spikes(s.population());
            if (!java.util.Arrays.equals(s.neurons(), t.neurons()) || !java.util.Arrays.equals(s.timesMs(), t.timesMs())) {
                return false;
            }
        }
        return a.spikes().size() == b.spikes().size();
    }

    /** How many of the plan's cores each board of {@code machine} holds, boards in the machine's order. */
    private static List<Integer> coresPerBoard(Deployment.Plan plan, Machine machine) {
        Map<ChipLocation, Integer> n = new LinkedHashMap<>();
        machine.ethernetChips().forEach(b -> n.put(b, 0));
        for (CoreImage i : plan.images().images()) {
            n.merge(machine.nearestEthernet(i.core().chip()), 1, Integer::sum);
        }
        return List.copyOf(n.values());
    }

    private static void printLoad(String what, Deployment.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "  %-17s %10.3f s (%.2f MB, %.2f MB/s; writing the images %.3f s, %.2f MB/s)%n", what,
                r.load().loadSeconds(), r.load().bytesLoaded() / 1e6, r.load().loadBytesPerSecond() / 1e6,
                r.load().writeSeconds(), r.load().writeBytesPerSecond() / 1e6);
    }

    private static void printPlan(Deployment.Plan plan, PrintStream out) {
        out.printf(Locale.ROOT, "  cores, chips      %10d on %d%n", plan.images().images().size(),
                plan.mapping().chipsUsed().size());
        out.printf(Locale.ROOT, "  mapping           %10.3f s%n", plan.mapSeconds());
        out.printf(Locale.ROOT, "  images            %10.3f s (%.2f MB to load)%n", plan.imageSeconds(),
                plan.bytesToLoad() / 1e6);
    }
}
