package org.engram.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.models.ca3.CapacityStudy;
import org.engram.models.ca3.Ca3Network;
import org.engram.models.ca3.Ca3Run;
import org.engram.models.ca3.Experiments;
import org.engram.models.ca3.OperationResult;
import org.engram.models.ca3.Schedule;
import org.engram.models.ca3.Story;
import org.engram.models.ca3.TestBench;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engram ca3}: the hippocampal CA3 content-addressable memory (models/ca3).
 *
 * <ul>
 *   <li>{@code --testbench FILE --out DIR}: runs an original JSON test bench and writes the run
 *       directory ({@code spikes.csv} with the reference tables' population names, summary, network,
 *       raster) and {@code operations.txt}, the decoded operations with their outputs;</li>
 *   <li>{@code --testbench FILE --save-network NET.json}: writes the memory with its input spikes as
 *       an ordinary JSON network, for {@code engram run} or a SpiNNaker deployment;</li>
 *   <li>{@code --demo}: runs the functional experiment and prints its story;</li>
 *   <li>{@code --study}: the capacity and speed study, printed as a table (and CSV with
 *       {@code --csv}).</li>
 * </ul>
 */
@Command(name = "ca3", mixinStandardHelpOptions = true,
        description = "Hippocampal CA3 spiking content-addressable memory (Casanueva-Morato et al. 2024): run a test "
                + "bench, save it as a network, tell the functional demo's story, or run the capacity study.")
final class Ca3Command implements Callable<Integer> {
    static final String OPERATIONS = "operations.txt";

    @Option(names = "--testbench", paramLabel = "FILE",
            description = "an original test bench: {\"simTime\", \"cue\": [[ms...]...], \"cont\": [[ms...]...]}")
    Path testbench;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory to write (created)")
    Path out;

    @Option(names = "--save-network", paramLabel = "NET.json",
            description = "write the memory with the bench's input spikes as a JSON network")
    Path saveNetwork;

    @Option(names = "--mode", paramLabel = "grid|event", defaultValue = "grid",
            description = "grid: sPyNNaker's update at --dt, what the hardware ran (default); event: exact times")
    String mode;

    @Option(names = "--dt", paramLabel = "MS", description = "grid step in ms (default 1, the hardware's)")
    Double dtMs;

    @Option(names = "--demo", description = "run the functional experiment and tell what was learnt, recalled and forgotten")
    boolean demo;

    @Option(names = "--study", description = "capacity and speed study on random operation sequences")
    boolean study;

    @Option(names = "--cue-sizes", paramLabel = "C,...", split = ",", defaultValue = "5,10,25,50,100",
            description = "study: numbers of memories (default ${DEFAULT-VALUE})")
    int[] cueSizes;

    @Option(names = "--cont-sizes", paramLabel = "N,...", split = ",", defaultValue = "10,25,50,100",
            description = "study: numbers of content bits (default ${DEFAULT-VALUE})")
    int[] contSizes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "study: seed (default 1)")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "study: also write the rows as CSV")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE", description = "study: also draw the correctness figure (.png or .svg)")
    Path plot;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--no-plot", description = "do not draw raster.png and the report")
    boolean noPlot;

    @Override
    public Integer call() throws Exception {
        int actions = (testbench != null ? 1 : 0) + (demo ? 1 : 0) + (study ? 1 : 0);
        if (actions != 1) {
            throw new InvalidNetworkException("ca3: give exactly one of --testbench FILE, --demo or --study");
        }
        Mode m = Mode.byName(mode);
        if (dtMs != null && m == Mode.event) {
            throw new InvalidNetworkException("--dt applies to --mode grid only");
        }
        double dt = dtMs == null ? Ca3Run.HARDWARE_DT_MS : dtMs;
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new InvalidNetworkException("--dt " + dt + ": expected a positive step in ms");
        }
        if (!study && (csv != null || plot != null)) {
            throw new InvalidNetworkException("--csv and --plot belong to --study");
        }
        PrintStream o = System.out;
        if (study) {
            return study(m, dt, o);
        }
        if (testbench != null && out == null && saveNetwork == null) {
            throw new InvalidNetworkException("ca3 --testbench: give --out DIR, --save-network NET.json or both");
        }
        if (testbench == null && saveNetwork != null) {
            throw new InvalidNetworkException("--save-network needs --testbench FILE");
        }
        TestBench bench = testbench != null ? TestBench.read(testbench) : Experiments.functional().toTestBench();
        Network net = Ca3Network.of(bench);
        Schedule schedule = Schedule.of(bench);
        if (saveNetwork != null) {
            writeAtomically(saveNetwork, NetworkJson.write(net));
            o.println("wrote " + saveNetwork + " (" + net.neuronCount() + " neurons, " + net.projections().size()
                    + " projections, run_ms " + bench.simTimeMs() + "); run it with: engram run "
                    + saveNetwork + " --mode grid --dt 1 --out DIR");
        }
        if (demo) {
            o.println("CA3 content-addressable memory, functional experiment of Casanueva-Morato et al. "
                    + "(C=5 memories, N=10 content bits, one operation every 10 ms), " + m
                    + (m == Mode.grid ? " mode, dt " + dt + " ms" : " mode") + ":");
        }
        if (out == null && !demo) {
            return 0;
        }
        List<OperationResult> results;
        if (out != null) {
            RunOutput.Result r = RunOutput.runAndWrite(net, m, dt, bench.simTimeMs(), out, quiet, !noPlot, o);
            results = Ca3Run.decode(schedule, r.recording());
            List<Path> files = new ArrayList<>(r.files());
            files.add(writeAtomically(out.resolve(OPERATIONS), operations(results)));
            RunOutput.report(new RunOutput.Result(r.recording(), files), o);
        } else {
            results = Ca3Run.of(net, schedule, m, dt).results();
        }
        o.println();
        if (!demo) {
            results.forEach(x -> o.println(x.describe()));
            o.println();
        }
        Story.tell(results).forEach(o::println);
        return 0;
    }

    private int study(Mode m, double dt, PrintStream o) throws IOException {
        for (int[] sizes : new int[][] {cueSizes, contSizes}) {
            if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
                throw new InvalidNetworkException("--cue-sizes and --cont-sizes: expected sizes >= 1, got "
                        + Arrays.toString(sizes));
            }
        }
        List<CapacityStudy.Row> rows = CapacityStudy.run(cueSizes, contSizes, CapacityStudy.WORKLOADS, seed, m, dt);
        o.printf("CA3 capacity and speed study, %s mode%s, seed %d; each size: C learns, then max(20, 2C) random "
                + "operations (40%% recall by cue, 35%% recall by content, 25%% re-learn); judged against a perfect "
                + "memory.%n%n", m, m == Mode.grid ? " (dt " + dt + " ms)" : "", seed);
        o.print(CapacityStudy.table(rows));
        if (csv != null) {
            writeAtomically(csv, CapacityStudy.csv(rows));
            o.println("wrote " + csv);
        }
        if (plot != null) {
            o.println("wrote " + Ca3StudyPlot.write(rows, plot));
            o.println("wrote " + Ca3StudyPlot.writeSpeed(rows, plot));
        }
        return 0;
    }

    private static String operations(List<OperationResult> results) {
        StringBuilder sb = new StringBuilder("# operation: decoded output; output spikes (ms after the start)\n");
        for (OperationResult r : results) {
            sb.append(r.describe()).append("; ").append(r.describeSpikes()).append('\n');
        }
        sb.append('\n');
        Story.tell(results).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static Path writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
