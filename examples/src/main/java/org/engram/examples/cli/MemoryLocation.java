package org.engram.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where {@code engram spinnaker read} and {@code write} go: a chip and an address. */
final class MemoryLocation {
    @Mixin
    ChipOption chip;

    @Option(names = "--address", required = true, converter = SpinnakerValues.Address.class, paramLabel = "ADDR",
            description = "start address, e.g. 0x60000000")
    long address;
}
