package org.engram.examples.cli;

import org.engram.spinnaker.machine.ChipLocation;
import picocli.CommandLine.Option;

/** {@code --chip X,Y}, chip (0,0) unless given: which chip an {@code engram spinnaker} command talks to. */
final class ChipOption {
    @Option(names = "--chip", defaultValue = "0,0", converter = SpinnakerValues.Chip.class, paramLabel = "X,Y",
            description = "chip (default: ${DEFAULT-VALUE})")
    ChipLocation value;
}
