package org.engram.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
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

    @Option(names = "--mode", paramLabel = "event|grid", defaultValue = "event",
            description = "event: exact event-driven (default); grid: sPyNNaker's fixed-step update")
    String mode;

    @Option(names = "--dt", paramLabel = "MS", description = "grid step in ms (default: the file's timestep_ms)")
    Double dtMs;

    @Option(names = "--time", paramLabel = "MS", description = "biological time to simulate (default: the file's run_ms)")
    Double timeMs;

    @Option(names = "--seed", paramLabel = "N", description = "override the file's seed")
    Long seed;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--no-plot", description = "do not draw raster.png and the report")
    boolean noPlot;

    @Override
    public Integer call() throws Exception {
        Network net = NetworkJson.read(network);
        if (seed != null) {
            net = new Network(seed, net.timestepMs(), net.runMs(), net.populations(), net.projections());
        }
        Mode m = Mode.byName(mode);
        double duration = timeMs != null ? timeMs : net.runMs();
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new InvalidNetworkException("--time " + duration + ": expected a time >= 0 ms");
        }
        if (dtMs != null && m == Mode.event) {
            throw new InvalidNetworkException("--dt applies to --mode grid only");
        }
        RunOutput.Result r = RunOutput.runAndWrite(net, m, dtMs == null ? Double.NaN : dtMs, duration, out, quiet,
                !noPlot, System.out);
        RunOutput.report(r, System.out);
        return 0;
    }
}
