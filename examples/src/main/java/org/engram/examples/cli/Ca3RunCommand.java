package org.engram.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.models.ca3.OperationResult;
import org.engram.models.ca3.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram ca3 run --testbench FILE --out DIR}: runs an original JSON test bench and writes
 * the run directory ({@code spikes.csv} with the reference tables' population names, summary,
 * network, raster) and {@value Ca3RunOptions#OPERATIONS}, the decoded operations with their
 * outputs; prints the operations and what the memory learnt, recalled and forgot.
 */
@Command(name = Ca3RunCommand.NAME, mixinStandardHelpOptions = true,
        description = "Run an original test bench; write its run directory and operations.txt (the decoded "
                + "operations), and print what the memory learnt, recalled and forgot.")
final class Ca3RunCommand implements Callable<Integer> {
    static final String NAME = "run";

    @Mixin
    TestBenchOption testbench;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory to write (created)")
    Path out;

    @Mixin
    Ca3RunOptions run;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        List<OperationResult> results = run.run(testbench.read(), out, o);
        o.println();
        results.forEach(x -> o.println(x.describe()));
        o.println();
        Story.tell(results).forEach(o::println);
        return 0;
    }
}
