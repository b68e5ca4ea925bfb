package org.engram.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.engram.models.ca3.TestBench;
import picocli.CommandLine.Option;

/** {@code --testbench FILE}: the original test bench {@code engram ca3 run} and {@code save} read. */
final class TestBenchOption {
    @Option(names = "--testbench", required = true, paramLabel = "FILE",
            description = "an original test bench: {\"simTime\", \"cue\": [[ms...]...], \"cont\": [[ms...]...]}")
    Path file;

    TestBench read() throws IOException {
        return TestBench.read(file);
    }
}
