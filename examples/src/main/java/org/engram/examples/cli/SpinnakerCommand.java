package org.engram.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code engram spinnaker …}: small commands that talk to a SpiNNaker board, or to {@code
 * engram board-emulator}, over SCAMP's UDP protocol, one class each ({@code SpinnakerXxxCommand});
 * where the board is comes from {@link BoardConnection}. Unreachable hosts, unknown hosts and bad
 * addresses end with one line and exit code 2.
 */
@Command(name = "spinnaker", mixinStandardHelpOptions = true,
        description = "Talk to a SpiNNaker board or the board emulator.",
        subcommands = {SpinnakerVersionCommand.class, SpinnakerInfoCommand.class, SpinnakerReadCommand.class,
                SpinnakerWriteCommand.class, SpinnakerBootCommand.class, SpinnakerIpTagCommand.class,
                SpinnakerBenchCommand.class})
final class SpinnakerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
