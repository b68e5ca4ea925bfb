package org.engram.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker write}: writes bytes given in hex, or a file's, to memory. */
@Command(name = "write", mixinStandardHelpOptions = true, description = "Write hex bytes or a file to memory.")
final class SpinnakerWriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Mixin
    MemoryLocation at;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** The bytes: from the command line or from a file. */
    static final class Source {
        @Option(names = "--data", paramLabel = "HEX", converter = SpinnakerValues.Hex.class,
                description = "bytes as hex, e.g. deadbeef")
        SpinnakerValues.HexBytes hex;

        @Option(names = "--input", paramLabel = "FILE", description = "bytes from a file")
        Path input;
    }

    @Override
    public Integer call() throws Exception {
        byte[] data = source.input != null ? Files.readAllBytes(source.input) : source.hex.bytes();
        try (Transceiver t = board.connect()) {
            t.writeMemory(at.chip.value, at.address, data);
        }
        spec.commandLine().getOut().printf("wrote %s to chip %s at 0x%08x%n", Counts.of(data.length, "byte"), at.chip.value,
                at.address);
        return 0;
    }
}
