package org.engram.spinnaker.coreapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.RoutingTable;

/**
 * The core application's host build ({@code engram-host}, which Maven compiles into
 * {@code spinnaker/target/c}) run over a deployment: the images as the loader writes them, the
 * chips' routing tables and the machine's links go into a manifest, and what the program writes
 * comes back per core.
 */
public final class HostKernel {
    private HostKernel() {}

    /**
     * What the host program wrote.
     *
     * @param recordings per core, its RECORDING region's words
     * @param states per core, its state words
     * @param sent per "tick core" ({@link #sentKey}), the keys it sent, in order
     * @param report what it printed
     */
    public record Run(Map<CoreLocation, int[]> recordings, Map<CoreLocation, int[]> states,
            Map<String, int[]> sent, String report) {}

    /** Where Maven put the C programs: {@code engram.c.output}, else this module's target/c. */
    public static Path output() {
        String configured = System.getProperty("engram.c.output");
        return configured != null ? Path.of(configured) : Path.of("target", "c");
    }

    public static Path program() {
        return output().resolve("engram-host");
    }

    /** The key of {@link Run#sent}. */
    public static String sentKey(int tick, CoreLocation core) {
        return tick + " " + core.x() + " " + core.y() + " " + core.p();
    }

    /** Writes the deployment's files into {@code dir} ({@link HostDeployment}) and runs the host program there. */
    public static Run run(Path dir, Machine machine, List<HostDeployment.Image> images, List<RoutingTable> tables) {
        try {
            Path manifest = HostDeployment.write(dir, machine, images, tables);
            Path out = dir.resolve("out");
            Files.createDirectories(out);
            String report = execute(List.of(program().toAbsolutePath().toString(), manifest.toString(),
                    out.toString()));
            Map<CoreLocation, int[]> recordings = new HashMap<>();
            Map<CoreLocation, int[]> states = new HashMap<>();
            for (HostDeployment.Image i : images) {
                String stem = String.format("core-%d-%d-%d.", i.core().x(), i.core().y(), i.core().p());
                recordings.put(i.core(), words(out.resolve(stem + "recording")));
                states.put(i.core(), words(out.resolve(stem + "state")));
            }
            Map<String, int[]> sent = new HashMap<>();
            for (String line : Files.readAllLines(out.resolve("sent.txt"))) {
                String[] f = line.split(" ");
                int[] keys = new int[f.length - 4];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = Integer.parseUnsignedInt(f[4 + k], 16);
                }
                sent.put(f[0] + " " + f[1] + " " + f[2] + " " + f[3], keys);
            }
            return new Run(recordings, states, sent, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a program to its end; its output, or an AssertionError with it if it failed. */
    static String execute(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new ProgramFailed(command, p.isAlive() ? -1 : p.exitValue(), output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            p.destroy();
        }
    }

    /** A program that ended with a non-zero code, with what it printed. */
    public static final class ProgramFailed extends AssertionError {
        private static final long serialVersionUID = 1L;
        public final int code;
        public final String output;

        ProgramFailed(List<String> command, int code, String output) {
            super(command.get(0) + " exited with " + code + ": " + output);
            this.code = code;
            this.output = output;
        }
    }

    static int[] words(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int[] w = new int[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(w);
        return w;
    }
}
