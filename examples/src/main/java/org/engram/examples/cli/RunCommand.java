package org.engram.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engram run NET.json --out DIR}: simulates a network file and writes its run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a JSON network and write spikes.csv, v.csv, weights.csv, summary.json, "
                + "network.json and the plots into DIR.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NET.json", description = "the network file")
    Path network;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Mixin
    EngineOptions engine;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--time", paramLabel = "MS", converter = Milliseconds.NonNegative.class,
            description = "biological time to simulate (default: the file's run_ms)")
    Double timeMs;

    @Option(names = "--seed", paramLabel = "N", description = "override the file's seed")
    Long seed;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        Network net = NetworkJson.read(network);
        double dt = engine.stepMs(net.timestepMs());
        if (seed != null) {
            net = new Network(seed, net.timestepMs(), net.runMs(), net.populations(), net.projections(),
                    net.currentSources());
        }
        RunOutput.Result r = RunOutput.runAndWrite(net, engine.mode(), dt, threads.threads(), timeMs != null ? timeMs : net.runMs(), out,
                output.quiet, output.plot(), System.out);
        RunOutput.report(r, System.out);
        return 0;
    }
}
