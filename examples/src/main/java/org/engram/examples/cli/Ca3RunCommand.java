package org.engram.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.models.ca3.Ca3Network;
import org.engram.models.ca3.Ca3Run;
import org.engram.models.ca3.OperationResult;
import org.engram.models.ca3.Schedule;
import org.engram.models.ca3.Story;
import org.engram.models.ca3.TestBench;
import org.engram.simulator.engine.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram ca3 run --testbench FILE --out DIR}: runs an original JSON test bench and writes
 * the run directory ({@code spikes.csv} with the reference tables' population names, summary,
 * network, raster) and {@value #OPERATIONS}, the decoded operations with their outputs; prints
 * the operations and what the memory learnt, recalled and forgot.
 */
@Command(name = Ca3RunCommand.NAME, mixinStandardHelpOptions = true,
        description = "Run an original test bench; write its run directory and operations.txt (the decoded "
                + "operations), and print what the memory learnt, recalled and forgot.")
final class Ca3RunCommand implements Callable<Integer> {
    static final String NAME = "run";
    static final String OPERATIONS = "operations.txt";

    @Mixin
    TestBenchOption testbench;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory to write (created)")
    Path out;

    @Mixin
    EngineOptions engine = new EngineOptions(Mode.grid);

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        double dt = engine.stepMs(Ca3Network.TIMESTEP_MS);
        TestBench bench = testbench.read();
        PrintStream o = System.out;
        List<OperationResult> results = runAndWrite(bench, engine.mode(), dt, out, output, o);
        o.println();
        results.forEach(x -> o.println(x.describe()));
        o.println();
        Story.tell(results).forEach(o::println);
        return 0;
    }

    /** Runs a bench, writes its run directory with {@value #OPERATIONS}, prints where, and returns the operations. */
    static List<OperationResult> runAndWrite(TestBench bench, Mode mode, double dtMs, Path out, OutputOptions output,
            PrintStream o) throws Exception {
        try (RunOutput run = RunOutput.open(out)) {
            run.simulate(Ca3Network.of(bench), mode, dtMs, bench.simTimeMs(), output.quiet, output.plot(), o);
            List<OperationResult> results = Ca3Run.decode(Schedule.of(bench), run.recording());
            run.add(OPERATIONS, operations(results));
            RunOutput.report(run.commit(), o);
            return results;
        }
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
}
