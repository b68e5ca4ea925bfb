package org.engram.examples.cli;

import org.engram.spinnaker.machine.ChipLocation;
import picocli.CommandLine.Option;

/** Where {@code engram spinnaker read} and {@code write} go: a chip and an address. */
final class MemoryLocation {
    @Option(names = "--chip", defaultValue = "0,0", converter = SpinnakerValues.Chip.class, paramLabel = "X,Y",
            description = "chip (default: ${DEFAULT-VALUE})")
    ChipLocation chip;

    @Option(names = "--address", required = true, converter = SpinnakerValues.Address.class, paramLabel = "ADDR",
            description = "start address, e.g. 0x60000000")
    long address;
}
