package org.engram.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.models.ca3.Experiments;
import org.engram.models.ca3.OperationResult;
import org.engram.models.ca3.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram ca3 demo}: runs the functional experiment of the original work and tells what
 * was learnt, what each recall returned and what was forgotten; with {@code --out} it also writes
 * the run directory.
 */
@Command(name = Ca3DemoCommand.NAME, mixinStandardHelpOptions = true,
        description = "Run the functional experiment (5 memories, 10 content bits, one operation every 10 ms) and "
                + "tell what was learnt, what each recall returned and what was forgotten.")
final class Ca3DemoCommand implements Callable<Integer> {
    static final String NAME = "demo";

    @Option(names = "--out", paramLabel = "DIR", description = "also write the run directory here (created)")
    Path out;

    @Mixin
    Ca3RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        o.println("CA3 content-addressable memory, functional experiment of Casanueva-Morato et al. "
                + "(C=5 memories, N=10 content bits, one operation every 10 ms), " + run.describe() + ":");
        List<OperationResult> results = run.run(Experiments.functional().toTestBench(), out, o);
        o.println();
        Story.tell(results).forEach(o::println);
        return 0;
    }
}
