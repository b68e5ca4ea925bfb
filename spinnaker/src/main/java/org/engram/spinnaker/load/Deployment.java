package org.engram.spinnaker.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.fixed.FixedPoint;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RunStats;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.image.EngramBinary;
import org.engram.spinnaker.image.ImageFormat;
import org.engram.spinnaker.image.RecordingRegion;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.Mapper;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.mapping.MappingOptions;
import org.engram.spinnaker.mapping.MulticastEntry;
import org.engram.spinnaker.mapping.RoutingTable;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.transceiver.MachineInfo;
import org.engram.spinnaker.transceiver.RoutingEntry;
import org.engram.spinnaker.transceiver.Transceiver;

/**
 * A network deployed to a SpiNNaker machine, from description to recording: {@link #plan} maps it
 * onto the machine and builds every core's image (nothing is sent), {@link #run} loads, runs and
 * reads the plan back through a transceiver and returns the same {@link Recording} a desktop run
 * gives: spikes at {@code tick * dt}, v sampled at the population's interval from the cores'
 * S16.15 words.
 */
public final class Deployment {
    private Deployment() {}

    /**
     * How to deploy.
     *
     * @param neuronsPerCore the most neurons of one population a core holds
     * @param dtMs the machine's timestep
     * @param appId the application id of the run
     * @param binary the core application; {@code null} for the stand-in that only the emulator runs
     * @param runTimeout how long the cores may run
     */
    public record Options(int neuronsPerCore, double dtMs, int appId, byte[] binary, Duration runTimeout) {
        public static final int DEFAULT_APP_ID = 16;

        public Options {
            binary = binary == null ? null : binary.clone();
        }

        public static Options defaults(double dtMs) {
            return new Options(MappingOptions.DEFAULT_NEURONS_PER_CORE, dtMs, DEFAULT_APP_ID, null,
                    Duration.ofMinutes(10));
        }
    }

    /**
     * What will be loaded: the network as built for the mapping, the mapping, the images, the
     * precision warnings, and how long mapping and image building took.
     */
    public record Plan(Network network, BuiltNetwork built, Mapping mapping, CoreImages images, long runTicks,
            double dtMs, double mapSeconds, double imageSeconds) {
        /** Image bytes the host writes (headers and input regions). */
        public long bytesToLoad() {
            return images.images().stream().mapToLong(i -> i.at(0).writtenBytes()).sum();
        }

        /** What the network loses in fixed point, one line each: "projection p: ...". */
        public List<String> warnings() {
            return images.warnings().stream().map(w -> w.subject() + ": " + w.message()).toList();
        }
    }

    /** A finished deployment: the recording and the figures of each phase. */
    public record Result(Plan plan, LoadResult load, Recording recording, double decodeSeconds) {}

    /** The machine a board reports: its chips, working cores, links, free SDRAM and router entries. */
    public static Machine machineOf(MachineInfo info) {
        List<Machine.Chip> chips = new ArrayList<>();
        for (Map.Entry<ChipLocation, ChipInfo> e : info.chips().entrySet()) {
            ChipInfo c = e.getValue();
            chips.add(new Machine.Chip(e.getKey(), c.workingCores(), c.linkMask(), c.largestFreeSdramBlock(),
                    Math.min(c.freeRouterEntries(), Machine.FREE_ROUTER_ENTRIES), c.nearestEthernet()));
        }
        return Machine.of(info.width(), info.height(), chips);
    }

    /**
     * Maps {@code network} onto {@code machine} and builds every core's image for a run of
     * {@code timeMs}; fails before anything is loaded when the network does not fit or cannot be
     * held in fixed point.
     */
    public static Plan plan(Network network, Machine machine, Options options, double timeMs) {
        double ticks = Math.rint(timeMs / options.dtMs());
        if (!(timeMs >= 0) || ticks >= Integer.MAX_VALUE || Math.abs(ticks * options.dtMs() - timeMs) > 1e-9 * timeMs) {
            throw new InvalidNetworkException("run time " + timeMs + " ms: expected a whole number of "
                    + options.dtMs() + " ms steps, fewer than 2^31");
        }
        long t0 = System.nanoTime();
        BuiltNetwork built = BuiltNetwork.build(network);
        Mapping mapping = Mapper.map(built, machine, new MappingOptions(options.neuronsPerCore()));
        long t1 = System.nanoTime();
        CoreImages images = CoreImages.build(network, mapping, options.dtMs(), (long) ticks);
        long t2 = System.nanoTime();
        return new Plan(network, built, mapping, images, (long) ticks, options.dtMs(), (t1 - t0) / 1e9,
                (t2 - t1) / 1e9);
    }

    /** Loads, runs and reads back a plan; everything allocated on the machine is freed again. */
    public static Result run(Transceiver tx, Plan plan, Options options, Consumer<String> progress)
            throws InterruptedException {
        List<CoreLoad> cores = new ArrayList<>();
        for (CoreImage i : plan.images().images()) {
            cores.add(new CoreLoad(i.core(), i.sizeBytes(), i::at, ImageFormat.RECORDING));
        }
        boolean standIn = options.binary() == null;
        LoadPlan load = new LoadPlan(options.appId(), cores, routes(plan.mapping()),
                standIn ? EngramBinary.standIn() : options.binary(), standIn, options.runTimeout());
        LoadResult r = new Loader(tx, progress).run(load);
        long t0 = System.nanoTime();
        Recording rec = recording(plan, r);
        return new Result(plan, r, rec, (System.nanoTime() - t0) / 1e9);
    }

    /** Each chip's table as the transceiver loads it; a chip whose table is empty loads none. */
    static Map<ChipLocation, List<RoutingEntry>> routes(Mapping mapping) {
        Map<ChipLocation, List<RoutingEntry>> out = new TreeMap<>();
        for (RoutingTable t : mapping.tables()) {
            List<RoutingEntry> entries = new ArrayList<>();
            for (MulticastEntry e : t.entries()) {
                entries.add(new RoutingEntry(e.key(), e.mask(), e.route()));
            }
            if (!entries.isEmpty()) {
                out.put(t.chip(), entries);
            }
        }
        return out;
    }

    /** The recording the cores' RECORDING regions hold, in the desktop engines' form. */
    static Recording recording(Plan plan, LoadResult r) {
        Network net = plan.network();
        BuiltNetwork built = plan.built();
        double dt = plan.dtMs();
        Map<Integer, List<long[]>> spikes = new LinkedHashMap<>();
        Map<Integer, double[][]> v = new LinkedHashMap<>();
        long ticks = 0;
        for (CoreImage i : plan.images().images()) {
            RecordingRegion.Recorded rec = RecordingRegion.decode(r.outputs().get(i.core()));
            ticks = Math.max(ticks, rec.ticks());
            Population pop = net.populations().get(i.population());
            if (i.recordsSpikes()) {
                List<long[]> list = spikes.computeIfAbsent(i.population(), k -> new ArrayList<>());
                for (int t = 0; t < rec.ticks(); t++) {
                    for (int n = 0; n < i.size(); n++) {
                        if (rec.spiked(t, n)) {
                            list.add(new long[] {t, i.first() + n});
                        }
                    }
                }
            }
            if (i.recordsV()) {
                long every = Math.max(1, Math.round(pop.record().vIntervalMs() / dt));
                int samples = (int) ((rec.ticks() + every - 1) / every);
                double[][] values = v.computeIfAbsent(i.population(), k -> new double[pop.size()][samples]);
                for (int n = 0; n < i.size(); n++) {
                    for (int s = 0; s < samples; s++) {
                        values[i.first() + n][s] = FixedPoint.toDouble(rec.v()[(int) (s * every)][n]);
                    }
                }
            }
        }
        List<PopulationSpikes> spikeList = new ArrayList<>();
        List<MembraneTrace> membranes = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < net.populations().size(); p++) {
            Population pop = net.populations().get(p);
            if (pop.record().spikes()) {
                List<long[]> list = spikes.getOrDefault(p, List.of());
                list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
                int[] neurons = new int[list.size()];
                double[] times = new double[list.size()];
                for (int k = 0; k < neurons.length; k++) {
                    neurons[k] = (int) list.get(k)[1];
                    times[k] = list.get(k)[0] * dt;
                }
                total += neurons.length;
                spikeList.add(new PopulationSpikes(pop.label(), pop.size(), neurons, times));
            }
            if (pop.record().v() && v.containsKey(p)) {
                double[][] values = v.get(p);
                long every = Math.max(1, Math.round(pop.record().vIntervalMs() / dt));
                double[] times = new double[values[0].length];
                for (int s = 0; s < times.length; s++) {
                    times[s] = s * every * dt;
                }
                int[] neurons = new int[pop.size()];
                Arrays.setAll(neurons, k -> k);
                double[] thresholds = Arrays.copyOfRange(built.vThresh, built.populationStart[p],
                        built.populationStart[p] + pop.size());
                membranes.add(new MembraneTrace(pop.label(), neurons, thresholds, times, values));
            }
        }
        RunStats stats = new RunStats("spinnaker", dt, ticks * dt, r.runSeconds(), built.neuronCount,
                built.synapseCount(), total, ticks * built.neuronCount, 0);
        return new Recording(spikeList, membranes, List.of(), stats);
    }
}
