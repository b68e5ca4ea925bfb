package org.engram.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.engram.models.sparsey.MacParameters;
import org.engram.models.sparsey.Macrocolumn;
import org.engram.models.sparsey.Sdr;
import org.engram.models.sparsey.spiking.Agreement;
import org.engram.models.sparsey.spiking.SpikingMac;
import org.engram.models.sparsey.spiking.SpikingParameters;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram sparsey spiking}: stores random items in a mac in one pass, builds the mac's
 * spiking network with the items presented one per window, runs it and prints how far the first
 * spikes agree with the mac's recognition; {@code --save-network} writes the network file.
 */
@Command(name = "spiking", mixinStandardHelpOptions = true,
        description = "Store random items in a Sparsey mac, run its spiking network (one winner-take-all group of LIF "
                + "cells per module) on them and report how far the first spikes agree with the mac's recognition.")
final class SparseySpikingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--items", paramLabel = "N", defaultValue = "200", description = "random items to store and present "
            + "(default ${DEFAULT-VALUE})")
    int items;

    @Option(names = {"-Q", "--modules"}, paramLabel = "Q", defaultValue = "25", description = "competitive modules (default ${DEFAULT-VALUE})")
    int Q;

    @Option(names = {"-K", "--cells"}, paramLabel = "K", defaultValue = "9", description = "cells per module (default ${DEFAULT-VALUE})")
    int K;

    @Option(names = {"-n", "--inputs"}, paramLabel = "n", defaultValue = "400", description = "input bits (default ${DEFAULT-VALUE})")
    int inputs;

    @Option(names = "--active", paramLabel = "A", defaultValue = "20", description = "active bits of each item, inside "
            + "the mac's gate of 3 to 8 %% of the inputs (default ${DEFAULT-VALUE})")
    int active;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the items and the mac "
            + "(default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--window", paramLabel = "MS", converter = Milliseconds.Positive.class,
            defaultValue = "" + (int) SpikingParameters.DEFAULT_WINDOW_MS,
            description = "time of each item, a whole number of timesteps (default ${DEFAULT-VALUE})")
    double windowMs;

    @Option(names = "--tau-m", paramLabel = "MS", converter = Milliseconds.Positive.class,
            defaultValue = "" + (int) SpikingParameters.DEFAULT_TAU_M, description = "membrane time constant (default ${DEFAULT-VALUE})")
    double tauM;

    @Option(names = "--tau-syn", paramLabel = "MS", converter = Milliseconds.Positive.class,
            defaultValue = "" + (int) SpikingParameters.DEFAULT_TAU_SYN,
            description = "synaptic time constant, below --tau-m (default ${DEFAULT-VALUE})")
    double tauSyn;

    @Mixin
    EngineOptions engine;

    @Option(names = "--save-network", paramLabel = "NET.json", description = "write the network, with the items' "
            + "input spikes, as a network file for engram run and engram deploy")
    Path saveNetwork;

    @Option(names = "--json", description = "print one JSON object with the figures last")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (items < 1) {
            throw new ParameterException(spec.commandLine(), "--items " + items + ": expected at least 1 item");
        }
        if (saveNetwork != null && Files.isDirectory(saveNetwork)) {
            throw new ParameterException(spec.commandLine(), "--save-network " + saveNetwork
                    + ": a directory; expected the network file to write");
        }
        MacParameters shape = MacParameters.withDefaults(Q, K, inputs);
        if (active > inputs || !shape.gateOpen(active)) {
            throw new ParameterException(spec.commandLine(), "--active " + active + ": the gate of a mac on " + inputs
                    + " inputs codes items of " + Math.max(1, (int) Math.ceil(shape.pi_minus() * inputs)) + " to "
                    + (int) Math.floor(shape.pi_plus() * inputs) + " active bits");
        }
        SpikingParameters params = new SpikingParameters(SpikingParameters.DEFAULT_TIMESTEP_MS, windowMs, tauM, tauSyn,
                SpikingParameters.DEFAULT_V_FLOOR);
        SplittableRandom rng = new SplittableRandom(seed);
        Macrocolumn mac = new Macrocolumn(shape, rng.nextLong());
        List<Sdr> stored = new ArrayList<>(items);
        List<Sdr> learnt = new ArrayList<>(items);
        for (int m = 0; m < items; m++) {
            Sdr item = Sdr.random(inputs, active, rng);
            stored.add(item);
            learnt.add(mac.learn(item).orElseThrow().code());
        }
        List<Sdr> recognised = stored.stream().map(x -> mac.recognise(x).orElseThrow().code()).toList();
        long recalled = IntStream.range(0, items).filter(m -> recognised.get(m).equals(learnt.get(m)))
                .count();
        SpikingMac spiking = SpikingMac.of(mac, stored, params);
        Network net = spiking.network();
        double dt = engine.stepMs(net.timestepMs());
        SpikingMac.Run run;
        long start = System.nanoTime();
        try (Progress bar = Progress.start("spiking", items, " items", false)) {
            run = spiking.run(engine.mode(), dt, bar::stepTo);
        }
        double runS = (System.nanoTime() - start) / 1e9;
        Agreement a = spiking.agreement(run.windows(), recognised);
        run.warnings().forEach(w -> System.err.println("engram: warning: " + w));
        if (spiking.separationMs() < net.timestepMs()) {
            System.err.printf(Locale.ROOT, "engram: warning: cells holding %d and %d inputs fire only %.3f ms apart, "
                    + "under a timestep of %s ms: fixed mode and SpiNNaker may fire both first; lengthen --tau-m, "
                    + "--tau-syn and --window%n", active, active - 1, spiking.separationMs(), fmt(net.timestepMs()));
        }
        print(shape, net, spiking, recalled, a, runS);
        if (saveNetwork != null) {
            Ca3Command.writeAtomically(saveNetwork, NetworkJson.write(net));
            System.out.println("wrote " + saveNetwork + "; run it with: engram run " + saveNetwork
                    + " --mode fixed --out DIR, or engram deploy " + saveNetwork + " --emulator --out DIR");
        }
        if (json) {
            System.out.printf(Locale.ROOT, "{\"items\": %d, \"mode\": \"%s\", \"module_agreement\": %.6f, "
                    + "\"code_agreement\": %.6f, \"module_as_recognised\": %.6f, \"code_as_recognised\": %.6f, "
                    + "\"modules\": %d, \"tied_modules\": %d, \"close_modules\": %d, \"silent_modules\": %d, "
                    + "\"extra_spikes\": %d, \"exact_recall\": %.6f, \"first_spike_ms\": %.6f, \"separation_ms\": %s, "
                    + "\"run_s\": %.6f}%n", items, engine.mode(), a.moduleRate(), a.codeRate(), a.moduleRateAsRecognised(),
                    a.codeRateAsRecognised(), a.modules(), a.tiedModules(), a.closeModules(), a.silentModules(),
                    a.extraSpikes(), (double) recalled / items, spiking.firstSpikeMs(active),
                    Double.isInfinite(spiking.separationMs()) ? "null"
                            : String.format(Locale.ROOT, "%.6f", spiking.separationMs()), runS);
        }
        return 0;
    }

    private void print(MacParameters shape, Network net, SpikingMac spiking, long recalled, Agreement a, double runS) {
        System.out.printf(Locale.ROOT, "sparsey spiking: a mac of Q=%d K=%d on %d inputs stored %s of %d active bits "
                + "(seed %d); recognition returns %d of their codes exactly%n", shape.Q(), shape.K(), inputs,
                Counts.of(items, "random item"), active, seed, recalled);
        long feedforward = net.projection(SpikingMac.FEEDFORWARD).connector().maxConnections(inputs, Q * K);
        long lateral = net.projection(SpikingMac.LATERAL).connector().maxConnections(Q * K, Q * K);
        System.out.printf(Locale.ROOT, "network: %d inputs, %d LIF cells; %d input synapses of %.4g nA, %d inhibitory "
                + "of %.4g nA; windows of %s ms, %s ms in all%n", inputs, Q * K, feedforward, spiking.inputWeightNa(),
                lateral, spiking.inhibitionNa(), fmt(windowMs), fmt(net.runMs()));
        double gap = spiking.separationMs();
        System.out.printf(Locale.ROOT, "a cell holding all %d inputs fires %.3f ms into its window; one holding %d, %s%n",
                active, spiking.firstSpikeMs(active), active - 1, Double.isInfinite(gap) ? "never"
                        : String.format(Locale.ROOT, "%.3f ms later (%.2f timesteps)", gap, gap / net.timestepMs()));
        System.out.printf(Locale.ROOT, "%s mode: modules agreeing %d/%d (%.4f), whole codes %d/%d (%.4f); as recognised "
                + "%d modules (%.4f), %d codes (%.4f); %d tied modules, %d close (best leads by one input), %d silent, "
                + "%d extra spikes; run %.2f s%n", engine.mode(), a.modulesAgreeing(), a.modules(), a.moduleRate(),
                a.codesAgreeing(), a.windows(), a.codeRate(), a.modulesAsRecognised(), a.moduleRateAsRecognised(),
                a.codesAsRecognised(), a.codeRateAsRecognised(), a.tiedModules(), a.closeModules(), a.silentModules(),
                a.extraSpikes(), runS);
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
    }
}
