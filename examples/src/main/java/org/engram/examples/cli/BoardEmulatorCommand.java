package org.engram.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.concurrent.Callable;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.Faults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram board-emulator}: an emulated SpiNN-5 board (or a triad) on loopback, for users without a
 * board and for host tools (SpiNNMan, JavaSpiNNaker, {@code engram spinnaker}); its cores run
 * Engram's core application where a host starts its binary. Runs until interrupted.
 */
@Command(name = "board-emulator", mixinStandardHelpOptions = true,
        description = "Emulate a booted (or --unbooted) SpiNN-5 board, or a triad of three (--boards 3), on 127.0.0.1.")
final class BoardEmulatorCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "17893", paramLabel = "P",
            description = "SCAMP UDP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--boot-port", defaultValue = "54321", paramLabel = "B",
            description = "boot UDP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int bootPort;

    @Option(names = "--boards", defaultValue = "1", paramLabel = "N",
            description = "1 (a SpiNN-5 board, 48 chips) or 3 (a triad, 144 chips, each board with its own Ethernet "
                    + "chip on its own SCAMP port: --port and the ports after it) (default: ${DEFAULT-VALUE})")
    int boards;

    @Option(names = "--unbooted", description = "wait for a boot image on the boot port")
    boolean unbooted;

    @Option(names = "--ready-delay-ms", defaultValue = "1000", paramLabel = "MS",
            description = "after a boot, how long SCAMP reports (255,255) (default: ${DEFAULT-VALUE})")
    long readyDelayMs;

    @Option(names = "--service-us", defaultValue = "0", paramLabel = "US",
            description = "each board's SCAMP takes this long per request, one after another, as a board's monitor "
                    + "core does (default: ${DEFAULT-VALUE}, as fast as the emulator runs)")
    long serviceMicros;

    @Option(names = "--drop", defaultValue = "0", paramLabel = "F", description = "drop probability per datagram")
    double drop;

    @Option(names = "--duplicate", defaultValue = "0", paramLabel = "F", description = "duplication probability")
    double duplicate;

    @Option(names = "--reorder", defaultValue = "0", paramLabel = "F", description = "reordering probability")
    double reorder;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the fault injection")
    long seed;

    @Override
    public Integer call() throws Exception {
        EmulatorOptions options;
        try {
            options = EngramApplication.register(new EmulatorOptions(port, bootPort, boards, !unbooted, readyDelayMs,
                    new Faults(drop, duplicate, reorder, seed), 0).withServiceMicros(serviceMicros));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        BoardEmulator emulator;
        try {
            emulator = BoardEmulator.start(options, line -> {
                out.println("board-emulator: " + line);
                out.flush();
            });
        } catch (Exception e) {
            if (e instanceof BindException) {
                String ports = boards == 1 || port == 0 ? "port " + port : "ports " + port + "-" + (port + boards - 1);
                throw new UncheckedIOException(new IOException("cannot listen on 127.0.0.1 " + ports + " or "
                        + bootPort + ": " + e.getMessage() + " (is another emulator running? try --port 0 --boot-port 0)"));
            }
            throw e;
        }
        try (emulator) {
            out.printf("SpiNN-5 board emulator (%s, %d chips%s%s) listening on 127.0.0.1: SCAMP port %d, boot port %d%n",
                    unbooted ? "unbooted" : "booted", emulator.machine().chips().size(),
                    boards == 1 ? "" : " on " + boards + " boards",
                    options.faults().any() ? String.format(", drop %.2f duplicate %.2f reorder %.2f seed %d",
                            drop, duplicate, reorder, seed) : "",
                    emulator.scpAddress().getPort(), emulator.bootAddress().getPort());
            if (boards > 1) {
                for (BoardEmulator.Board b : emulator.boards()) {
                    out.printf("  board %s: SCAMP port %d%n", b.ethernet(), b.scpAddress().getPort());
                }
            }
            out.flush();
            emulator.awaitClose();
        }
        return 0;
    }
}
