package org.engram.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker read}: reads memory as a hex dump, or into a file. */
@Command(name = "read", mixinStandardHelpOptions = true, description = "Read memory; hex dump or a file.")
final class SpinnakerReadCommand implements Callable<Integer> {
    private static final int BYTES_PER_LINE = 16;

    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Mixin
    MemoryLocation at;

    @Option(names = "--length", required = true, paramLabel = "BYTES", description = "bytes to read")
    int length;

    @Option(names = "--output", paramLabel = "FILE", description = "write the bytes here instead of a hex dump")
    Path output;

    @Override
    public Integer call() throws Exception {
        byte[] data;
        try (Transceiver t = board.connect()) {
            data = t.readMemory(at.chip.value, at.address, length);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            Files.write(output, data);
            out.printf("wrote %s to %s%n", Counts.of(data.length, "byte"), output);
            return 0;
        }
        for (int off = 0; off < data.length; off += BYTES_PER_LINE) {
            StringBuilder sb = new StringBuilder(String.format("%08x ", at.address + off));
            for (int i = off; i < Math.min(off + BYTES_PER_LINE, data.length); i++) {
                sb.append(String.format(" %02x", data[i] & 0xFF));
            }
            out.println(sb);
        }
        return 0;
    }
}
