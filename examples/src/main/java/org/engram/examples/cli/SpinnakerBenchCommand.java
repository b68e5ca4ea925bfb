package org.engram.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.TransportStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker bench}: SDRAM write and read throughput, with a read-back check. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure SDRAM write and read throughput (window of 8, 256-byte requests).")
final class SpinnakerBenchCommand implements Callable<Integer> {
    static final int MAX_MIB = 120;
    /** Transferred twice each way before timing, to compile the path. */
    private static final int WARMUP_BYTES = 4 << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Mixin
    ChipOption chip;

    @Option(names = "--mib", defaultValue = "16", paramLabel = "N",
            description = "MiB to move each way, 1-" + MAX_MIB + " (default: ${DEFAULT-VALUE})")
    int mib;

    @Option(names = "--address", defaultValue = "0x60000000", converter = SpinnakerValues.Address.class,
            paramLabel = "ADDR", description = "SDRAM address (default: ${DEFAULT-VALUE})")
    long address;

    @Override
    public Integer call() throws Exception {
        if (mib < 1 || mib > MAX_MIB) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--mib': " + mib
                    + "; expected 1.." + MAX_MIB);
        }
        byte[] data = new byte[mib << 20];
        new Random(1).nextBytes(data);
        PrintWriter out = spec.commandLine().getOut();
        try (Transceiver t = board.connect()) {
            for (int i = 0; i < 2; i++) {
                t.writeMemory(chip.value, address, new byte[WARMUP_BYTES]);
                t.readMemory(chip.value, address, WARMUP_BYTES);
            }
            long retriesBefore = t.stats().retries();
            long t0 = System.nanoTime();
            t.writeMemory(chip.value, address, data);
            long t1 = System.nanoTime();
            byte[] back = t.readMemory(chip.value, address, data.length);
            long t2 = System.nanoTime();
            if (!Arrays.equals(data, back)) {
                throw new IllegalStateException("read-back differs from what was written");
            }
            TransportStats s = t.stats();
            out.printf(Locale.ROOT, "write %d MiB: %.2f s, %.1f MB/s%n", mib, (t1 - t0) / 1e9,
                    data.length / ((t1 - t0) / 1e3));
            out.printf(Locale.ROOT, "read  %d MiB: %.2f s, %.1f MB/s%n", mib, (t2 - t1) / 1e9,
                    data.length / ((t2 - t1) / 1e3));
            out.printf(Locale.ROOT, "window %d, %s, read-back identical%n", s.maxInFlight(),
                    Counts.of(s.retries() - retriesBefore, "retry", "retries"));
        }
        return 0;
    }
}
