package org.engram.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram demo}: the newcomer's first run. Simulates a 500-neuron Vogels-Abbott network
 * (Brette et al. 2007's CUBA benchmark at a small size, the same file as
 * {@code examples/networks/cuba-500.json}) for one second, writes its run directory and prints
 * where it is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a small Vogels-Abbott (CUBA) network for 1 s and write its spikes, summary and raster.")
final class DemoCommand implements Callable<Integer> {
    static final String NETWORK = "/org/engram/examples/cuba-500.json";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    EngineOptions engine;

    @Mixin
    ThreadsOption threads;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        Network net = NetworkJson.parse(resource(), "demo network (cuba-500.json)");
        double dt = engine.stepMs(net.timestepMs());
        Mode m = engine.mode();
        RunOutput.check(out);
        System.out.println("Engram demo: " + Counts.of(net.neuronCount(), "neuron") + ", Vogels-Abbott CUBA network, "
                + net.runMs() + " ms, " + m + " mode" + (m == Mode.event ? "" : ", dt " + dt + " ms"));
        RunOutput.Result r = RunOutput.runAndWrite(net, m, dt, threads.threads(), net.runMs(), out, output.quiet, output.plot(),
                System.out);
        RunOutput.report(r, System.out);
        return 0;
    }

    static String resource() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(NETWORK)) {
            if (in == null) {
                throw new IllegalStateException("the demo network is missing from the jar: " + NETWORK);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
