package org.engram.examples.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.engram.examples.bench.BenchNetworks;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.engine.Threads;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.RunStats;
import org.engram.spinnaker.mapping.MappingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench NAME}: builds and runs one of Brette et al. 2007's benchmark networks
 * ({@link BenchNetworks}) and prints how long building and running took, the activity (spikes,
 * mean rate) and the work done (synaptic events, events per wall second, real-time factor, heap,
 * and the engine's own events per synaptic event).
 *
 * <p>Heap figures come from the JVM's memory pools: {@code heap_mb} is the peak of the heap in
 * use from the start of the build to the end of the run (the sum of the heap pools' peaks, so an
 * upper bound of the true peak); {@code network_mb} is the heap the built simulation retains
 * (in use after a full collection, less the same figure before the build), from which
 * {@code bytes_per_synapse} is derived (neuron state included). Run it with a fixed heap
 * ({@code -Xms} = {@code -Xmx}) when comparing heap figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Build and run a standard benchmark network (cuba, b4, coba, stdp) and print its timings.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "cuba, b4, coba or stdp")
    String name;

    @Option(names = "--neurons", paramLabel = "N", defaultValue = "4000",
            description = "network size, 80 %% excitatory (default: ${DEFAULT-VALUE}); 80 inputs per neuron whatever N")
    int neurons;

    @Option(names = "--time", paramLabel = "MS", converter = Milliseconds.Positive.class,
            description = "biological time (default: 5000 for b4, else 1000)")
    Double timeMs;

    @Mixin
    EngineOptions engine;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2007", description = "network seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-warmup", description = "time the first run, JIT compilation included (by default the "
            + "benchmark, at most 4000 neurons of it, runs first for its duration and at least 1.5 s of wall time, "
            + "as Brian2's timing leaves out its C++ compile step)")
    boolean noWarmup;

    @Option(names = "--json", description = "end with one JSON line of the figures")
    boolean json;

    @Option(names = "--deploy", description = "deploy the network to a board emulator in this process instead "
            + "(at --dt, default 1 ms) and time each phase: mapping, images, load, run, read-back")
    boolean deploy;

    @Option(names = "--dry-run", description = "with --deploy: map and build the images only, on one SpiNN-5 board")
    boolean dryRun;

    @Option(names = "--boards", paramLabel = "N", defaultValue = "1", description = "with --deploy: 1 (one board) or "
            + "3: an emulated triad, loaded once through the root board's connection and once through one connection "
            + "per board, to compare their throughput (default: ${DEFAULT-VALUE})")
    int boards;

    @Option(names = "--service-us", paramLabel = "US", defaultValue = "0", description = "with --deploy: each "
            + "emulated board's SCAMP takes this long per request, one after another (default: ${DEFAULT-VALUE}, as "
            + "fast as the emulator runs)")
    long serviceMicros;

    @Option(names = "--neurons-per-core", paramLabel = "N", defaultValue = "" + MappingOptions.DEFAULT_NEURONS_PER_CORE,
            description = "with --deploy: most neurons of one population on a core (default: ${DEFAULT-VALUE})")
    int neuronsPerCore;

    /** The figures of one benchmark run. */
    record Result(String name, String mode, double dtMs, int threads, int neurons, long synapses, double timeMs, double buildS,
            double wallS, long spikes, double rateHz, long synapticEvents, double eventsPerS, double realtimeFactor,
            double heapMb, double networkMb, long engineEvents) {

        double bytesPerSynapse() {
            return networkMb * 1024 * 1024 / synapses;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"bench\": \"%s\", \"mode\": \"%s\", \"dt_ms\": %s, \"threads\": %d, \"neurons\": %d, "
                    + "\"synapses\": %d, \"time_ms\": %s, \"build_s\": %.4f, \"wall_s\": %.4f, \"spikes\": %d, "
                    + "\"rate_hz\": %.3f, \"synaptic_events\": %d, \"events_per_s\": %.0f, \"realtime_factor\": %.4f, "
                    + "\"heap_mb\": %.1f, \"network_mb\": %.1f, \"bytes_per_synapse\": %.2f, \"engine_events\": %d}",
                    name, mode, hasStep() ? Double.toString(dtMs) : "null", threads, neurons, synapses,
                    Double.toString(timeMs), buildS, wallS, spikes, rateHz, synapticEvents, eventsPerS, realtimeFactor,
                    heapMb, networkMb, bytesPerSynapse(), engineEvents);
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%s, %s mode%s, %.0f ms biological, %s%n", BenchNetworks.describe(name, neurons),
                    mode, hasStep() ? " dt " + dtMs + " ms" : "", timeMs, Counts.of(threads, "thread"));
            out.printf(Locale.ROOT, "  build time        %10.3f s%n", buildS);
            out.printf(Locale.ROOT, "  run time (wall)   %10.3f s%n", wallS);
            out.printf(Locale.ROOT, "  spikes            %10d%n", spikes);
            out.printf(Locale.ROOT, "  mean rate         %10.2f Hz%n", rateHz);
            out.printf(Locale.ROOT, "  synaptic events   %10d%n", synapticEvents);
            out.printf(Locale.ROOT, "  events per second %10.3g%n", eventsPerS);
            out.printf(Locale.ROOT, "  real-time factor  %10.4f (wall / biological)%n", realtimeFactor);
            out.printf(Locale.ROOT, "  peak heap         %10.1f MB (network %.1f MB, %.1f bytes per synapse)%n",
                    heapMb, networkMb, bytesPerSynapse());
            out.printf(Locale.ROOT, "  engine events     %10d (%.3f per synaptic event; %s)%n", engineEvents,
                    engineEvents / (double) synapticEvents,
                    hasStep() ? "neuron updates" : "queue events: deliveries, checks, spikes");
        }

        /** Whether the mode steps (every mode but event), so that dt applies. */
        private boolean hasStep() {
            return !mode.equals(Mode.event.name());
        }
    }

    /** The warm-up runs a copy of at most this size (see {@link #warmUp}). */
    private static final int WARMUP_NEURONS = 4000;
    private static final double WARMUP_CHUNK_MS = 200;
    private static final double WARMUP_WALL_S = 1.5;

    @Override
    public Integer call() throws InterruptedException {
        if (!BenchNetworks.NAMES.contains(name)) {
            throw new ParameterException(spec.commandLine(), "unknown benchmark '" + name + "'; expected one of "
                    + String.join(", ", BenchNetworks.NAMES));
        }
        if (neurons < BenchNetworks.MIN_NEURONS) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--neurons': " + neurons
                    + "; the benchmarks need at least " + BenchNetworks.MIN_NEURONS + " neurons");
        }
        double duration = timeMs != null ? timeMs : BenchNetworks.defaultTimeMs(name);
        if (dryRun && !deploy) {
            throw new ParameterException(spec.commandLine(), "--dry-run belongs to --deploy");
        }
        boolean deployOptions = boards != 1 || neuronsPerCore != MappingOptions.DEFAULT_NEURONS_PER_CORE
                || serviceMicros != 0;
        if (deployOptions && !deploy) {
            throw new ParameterException(spec.commandLine(), "--boards, --neurons-per-core and --service-us belong to "
                    + "--deploy");
        }
        if (serviceMicros < 0) {
            throw new ParameterException(spec.commandLine(), "--service-us " + serviceMicros + ": expected 0 or more");
        }
        if (boards != 1 && boards != 3) {
            throw new ParameterException(spec.commandLine(), "--boards " + boards + ": the emulator is 1 board or 3 "
                    + "(a triad)");
        }
        if (neuronsPerCore < 1) {
            throw new ParameterException(spec.commandLine(), "--neurons-per-core " + neuronsPerCore
                    + ": expected at least 1");
        }
        if (deploy) {
            DeployBench.run(BenchNetworks.build(name, neurons, seed), noWarmup ? null
                    : BenchNetworks.build(name, Math.min(neurons, WARMUP_NEURONS), seed),
                    new DeployBench.Setup(BenchNetworks.describe(name, neurons), duration,
                            engine.dtMs != null ? engine.dtMs : DeployBench.DEFAULT_DT_MS, neuronsPerCore, boards,
                            serviceMicros),
                    dryRun, json, System.out);
            return 0;
        }
        Mode m = engine.mode();
        double dtMs = engine.stepMs(Network.DEFAULT_TIMESTEP_MS); // the benchmarks' timestep
        if (!noWarmup) {
            warmUp(name, m, duration, dtMs);
        }
        Result r = run(name, neurons, duration, m, dtMs, threads.threads(), seed);
        r.print(System.out);
        if (json) {
            System.out.println(r.json());
        }
        return 0;
    }

    /**
     * Compiles the hot loops before timing, the analogue of Brian2's code generation and compile
     * step. The JIT compiles the engine for the profile it sees, so the warm-up runs the
     * benchmark itself (at most {@link #WARMUP_NEURONS} neurons), through its whole duration so
     * that every phase of its activity has been seen (a path first taken in the timed run would
     * send compiled code back to the interpreter), and for at least {@link #WARMUP_WALL_S} so that
     * the optimising compiler has finished.
     */
    private void warmUp(String name, Mode m, double durationMs, double dtMs) {
        Simulation copy = Simulator.create(BenchNetworks.build(name, Math.min(neurons, WARMUP_NEURONS), seed), m, dtMs,
                threads.threads());
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1e9 < WARMUP_WALL_S || copy.timeMs() < durationMs) {
            copy.run(WARMUP_CHUNK_MS);
        }
    }

    /** Builds and runs one benchmark; the description is made before the timers start. */
    static Result run(String name, int neurons, double timeMs, Mode mode, double dtMs, Threads threads, long seed) {
        Network net = BenchNetworks.build(name, neurons, seed);
        long before = heapInUseAfterGc();
        resetPeaks();
        long t0 = System.nanoTime();
        Simulation sim = Simulator.create(net, mode, dtMs, threads);
        double buildS = (System.nanoTime() - t0) / 1e9;
        long built = heapInUseAfterGc();
        sim.run(timeMs);
        RunStats s = sim.recording().stats();
        double heapMb = Math.max(peakHeap(), built) / 1048576.0;
        double networkMb = (built - before) / 1048576.0;
        // the rate of the neurons: b4's kick source is not one of them
        double rate = (s.spikes() - kickSpikes(sim)) / (double) neurons / (timeMs / 1000.0);
        return new Result(name, mode.name(), dtMs, sim.threads(), neurons, s.synapses(), timeMs, buildS, s.wallSeconds(), s.spikes(),
                rate, s.synapticEvents(), s.synapticEvents() / s.wallSeconds(), s.wallSeconds() / (timeMs / 1000.0),
                heapMb, networkMb, s.eventsProcessed());
    }

    private static long kickSpikes(Simulation sim) {
        return sim.recording().spikes().stream().filter(p -> p.population().equals("kick")).mapToLong(p -> p.count())
                .sum();
    }

    static long heapInUseAfterGc() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
