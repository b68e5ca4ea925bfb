package org.engram.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.engram.models.ca3.Ca3Network;
import org.engram.models.ca3.Ca3Run;
import org.engram.models.ca3.OperationResult;
import org.engram.models.ca3.Schedule;
import org.engram.models.ca3.Story;
import org.engram.models.ca3.TestBench;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Threads;
import picocli.CommandLine.Mixin;

/**
 * How {@code ca3 run} and {@code ca3 demo} run a test bench: {@code --mode} (grid by default, as
 * the hardware steps) and {@code --dt} (the memory's 1 ms step by default), {@code --quiet} and
 * {@code --no-plot}; with a run directory, also {@value #OPERATIONS}, the decoded operations.
 */
final class Ca3RunOptions {
    static final String OPERATIONS = "operations.txt";

    @Mixin
    EngineOptions engine = new EngineOptions(Mode.grid);

    @Mixin
    OutputOptions output;

    /** "grid mode, dt 1.0 ms" or "event mode", for a heading. */
    String describe() {
        double dtMs = engine.stepMs(Ca3Network.TIMESTEP_MS); // --dt in event mode fails before anything is printed
        return engine.mode() == Mode.event ? "event mode" : engine.mode() + " mode, dt " + dtMs + " ms";
    }

    /**
     * Runs a bench and returns its decoded operations; with {@code out}, also writes the run
     * directory there with {@value #OPERATIONS} and prints where.
     */
    List<OperationResult> run(TestBench bench, Path out, PrintStream o) throws Exception {
        Mode mode = engine.mode();
        double dtMs = engine.stepMs(Ca3Network.TIMESTEP_MS);
        if (out == null) {
            return Ca3Run.of(bench, mode, dtMs).results();
        }
        try (RunOutput run = RunOutput.open(out)) {
            run.simulate(Ca3Network.of(bench), mode, dtMs, Threads.AUTO, bench.simTimeMs(), output.quiet, output.plot(), o);
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
