package org.engram.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker boot}: boots a board with a SCAMP image and waits until it answers. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Boot a board with a scamp.boot image and wait until SCAMP is ready.")
final class SpinnakerBootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Option(names = "--image", required = true, paramLabel = "FILE",
            description = "the boot image (scamp.boot from SpiNNMan or spinnaker_tools)")
    Path image;

    @Option(names = "--board-version", defaultValue = "5", paramLabel = "V",
            description = "board version 1-5 (default: ${DEFAULT-VALUE}, SpiNN-5)")
    int boardVersion;

    @Option(names = "--pace-ms", defaultValue = "100", paramLabel = "MS",
            description = "pause after each boot packet (default: ${DEFAULT-VALUE}, as SpiNNMan)")
    long paceMs;

    @Option(names = "--ready-timeout-s", defaultValue = "20", paramLabel = "S",
            description = "how long to poll CMD_VER for readiness (default: ${DEFAULT-VALUE})")
    long readySeconds;

    @Override
    public Integer call() throws Exception {
        try (Transceiver t = board.connect()) {
            t.setBootPaceMs(paceMs);
            t.boot(image, boardVersion);
            VersionInfo v = t.waitUntilReady(Duration.ofSeconds(readySeconds), Duration.ofMillis(100));
            spec.commandLine().getOut().printf("booted: %s %s, root chip %s%n", v.name(), v.version(), v.chip());
        }
        return 0;
    }
}
