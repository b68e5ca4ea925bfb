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

    @Option(names = "--mode", paramLabel = "event|grid", defaultValue = "event", description = "engine mode (default: event)")
    String mode;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--no-plot", description = "do not draw raster.png and the report")
    boolean noPlot;

    @Override
    public Integer call() throws IOException {
        Network net = NetworkJson.parse(resource(), "demo network (cuba-500.json)");
        System.out.println("Engram demo: " + net.neuronCount() + " neurons, Vogels-Abbott CUBA network, "
                + net.runMs() + " ms, " + mode + " mode");
        RunOutput.Result r = RunOutput.runAndWrite(net, Mode.byName(mode), Double.NaN, net.runMs(), out, quiet,
                !noPlot, System.out);
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
