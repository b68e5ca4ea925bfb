package org.engram.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.record.SpikeComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code engram compare A B}: whether two runs' spike tables agree, per population (spikes only
 * in A, only in B, largest time difference of a matched pair). Exit code 0 when they agree, 1 when
 * they differ (as {@code diff} does), 2 on bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Tell whether two spike tables agree (a run directory or its spikes.csv each), per population: "
                + "spikes only in A, only in B, largest time difference. Exit code 0: they agree; 1: they differ.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "run directory or its spikes.csv")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "run directory or its spikes.csv")
    Path b;

    @Option(names = "--tolerance", paramLabel = "MS", defaultValue = "0", converter = Milliseconds.NonNegative.class,
            description = "largest time difference of two spikes that count as the same (default ${DEFAULT-VALUE} ms)")
    double toleranceMs;

    @Override
    public Integer call() {
        SpikeComparison c = SpikeComparison.of(read(a), read(b), toleranceMs);
        System.out.printf("%-16s %10s %10s %10s %10s %16s%n", "population", "A", "B", "only A", "only B",
                "largest diff ms");
        long onlyA = 0;
        long onlyB = 0;
        for (SpikeComparison.Row r : c.populations()) {
            System.out.printf("%-16s %10s %10s %10d %10d %16s%n", r.population(), r.inA() ? r.spikesA() : "-",
                    r.inB() ? r.spikesB() : "-", r.onlyA(), r.onlyB(), r.largestDifferenceMs());
            onlyA += r.onlyA();
            onlyB += r.onlyB();
        }
        if (c.agrees()) {
            System.out.println("the spike tables agree");
            return 0;
        }
        long missing = c.populations().stream().filter(r -> !r.inA() || !r.inB()).count();
        System.out.println("the spike tables differ: " + Counts.of(onlyA, "spike") + " only in A, "
                + Counts.of(onlyB, "spike") + " only in B"
                + (missing == 0 ? "" : ", " + Counts.of(missing, "population") + " in one table only"));
        return 1;
    }

    /** A run directory, or the spikes.csv inside one. */
    private static Recording read(Path p) {
        Path dir = Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : p;
        return RecordingFiles.read(dir).recording();
    }
}
