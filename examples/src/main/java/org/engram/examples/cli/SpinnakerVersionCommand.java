package org.engram.examples.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker version}: the kernel version of one core (CMD_VER). */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the kernel version of a core.")
final class SpinnakerVersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Mixin
    ChipOption chip;

    @Option(names = "--core", defaultValue = "0", converter = SpinnakerValues.Core.class, paramLabel = "P",
            description = "core (default: 0, SCAMP)")
    int core;

    @Override
    public Integer call() throws Exception {
        try (Transceiver t = board.connect()) {
            VersionInfo v = t.version(new CoreLocation(chip.value, core));
            spec.commandLine().getOut().printf("%s %s on %s, chip %s core %d (physical %d), built %s%n", v.name(),
                    v.version(), v.hardware(), v.chip(), v.virtualCpu(), v.physicalCpu(),
                    Instant.ofEpochSecond(v.buildDate()));
        }
        return 0;
    }
}
