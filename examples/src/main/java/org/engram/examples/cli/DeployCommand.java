package org.engram.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.EngramBinary;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.MappingOptions;
import org.engram.spinnaker.mapping.RoutingTable;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code engram deploy NET.json --out DIR}: maps a network onto a SpiNNaker machine, loads it over
 * SCAMP, runs it and reads the spikes back into a run directory in the desktop format. Without
 * {@code --host} the machine is a board emulator started in this process on free loopback ports.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a JSON network to SpiNNaker (the board emulator in this process unless --host is "
                + "given): map, load, run, read back; write spikes.csv, summary.json, the plots and report.html into "
                + "DIR. --dry-run prints the placement and routing tables and loads nothing.")
final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET.json", description = "the network file")
    Path network;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (created); not needed with --dry-run")
    Path out;

    @Option(names = "--emulator", description = "deploy to a board emulator started in this process (the default)")
    boolean emulator;

    @Option(names = "--host", paramLabel = "HOST", description = "a board (or an emulator started apart) to deploy to")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "17893",
            description = "the board's SCAMP UDP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--boot-port", paramLabel = "B", defaultValue = "54321",
            description = "the board's boot UDP port (default: ${DEFAULT-VALUE})")
    int bootPort;

    @Option(names = "--boot-image", paramLabel = "FILE", description = "boot the board with this scamp.boot first")
    Path bootImage;

    @Option(names = "--binary", paramLabel = "FILE",
            description = "the core application's ARM binary (default: a stand-in that only the emulator runs)")
    Path binary;

    @Option(names = "--time", paramLabel = "MS", converter = Milliseconds.NonNegative.class,
            description = "biological time to run (default: the file's run_ms)")
    Double timeMs;

    @Option(names = "--dt", paramLabel = "MS", converter = Milliseconds.Positive.class, defaultValue = "1.0",
            description = "the machine's timestep (default: ${DEFAULT-VALUE})")
    double dtMs;

    @Option(names = "--neurons-per-core", paramLabel = "N",
            defaultValue = "" + MappingOptions.DEFAULT_NEURONS_PER_CORE,
            description = "most neurons of one population on a core (default: ${DEFAULT-VALUE})")
    int neuronsPerCore;

    @Option(names = "--dry-run", description = "print the placement and the routing tables; load nothing")
    boolean dryRun;

    @Option(names = "--images", paramLabel = "DIR", description = "with --dry-run: write each core's image and the "
            + "manifest that the core application's host build (engram-host) runs into DIR")
    Path images;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Network net = NetworkJson.read(network);
        double time = timeMs != null ? timeMs : net.runMs();
        byte[] code = binary == null ? null : readBinary(binary);
        LoadedBinary loaded = LoadedBinary.of(binary, code);
        Deployment.Options options = new Deployment.Options(neuronsPerCore, dtMs, Deployment.Options.DEFAULT_APP_ID,
                code, Duration.ofMinutes(30));
        if (dryRun && host == null) {
            Machine machine = Machine.spinn5();
            Deployment.Plan plan = Deployment.plan(net, machine, options, time);
            printPlan(plan, System.out);
            writeImages(plan, machine);
            return 0;
        }
        if (!dryRun) {
            RunOutput.check(out);
        }
        BoardEmulator board = host == null ? BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()),
                line -> { }) : null;
        try (board; Transceiver tx = connect(board)) {
            if (bootImage != null) {
                System.err.println("engram: booting " + tx.scpAddress());
                tx.boot(bootImage, Transceiver.DEFAULT_BOARD_VERSION);
                tx.waitUntilReady(Duration.ofSeconds(30), Duration.ofMillis(200));
            }
            Machine machine = Deployment.machineOf(tx.discoverMachine());
            Deployment.Plan plan = Deployment.plan(net, machine, options, time);
            if (dryRun) {
                printPlan(plan, System.out);
                writeImages(plan, machine);
                return 0;
            }
            printWarnings(plan, System.err);
            Deployment.Result r = Deployment.run(tx, plan, options, output.quiet ? s -> { }
                    : s -> System.err.println("engram: " + s));
            RunOutput.Result written = RunOutput.writeRecording(out, net, r.recording(), "deployment",
                    summary(r, host == null ? "emulator" : host + ":" + port, loaded), output.plot());
            printFigures(r, System.out);
            System.out.println("binary: " + loaded.describe());
            RunOutput.report(written, System.out);
        }
        return 0;
    }

    private void checkOptions() {
        if (emulator && (host != null || bootImage != null)) {
            throw new ParameterException(spec.commandLine(), "--emulator and --host/--boot-image exclude each other");
        }
        if (host == null && bootImage != null) {
            throw new ParameterException(spec.commandLine(), "--boot-image boots a board: give its --host too");
        }
        for (var p : java.util.Map.of("--port", port, "--boot-port", bootPort).entrySet()) {
            if (p.getValue() < 1 || p.getValue() > BoardConnection.MAX_PORT) {
                throw new ParameterException(spec.commandLine(), "invalid value for option '" + p.getKey() + "': port "
                        + p.getValue() + " outside 1.." + BoardConnection.MAX_PORT);
            }
        }
        if (neuronsPerCore < 1) {
            throw new ParameterException(spec.commandLine(), "--neurons-per-core " + neuronsPerCore
                    + ": expected at least 1");
        }
        if (images != null && !dryRun) {
            throw new ParameterException(spec.commandLine(), "--images writes a plan's images: give --dry-run too");
        }
        if (!dryRun && out == null) {
            throw new ParameterException(spec.commandLine(), "give --out DIR for the run directory, or --dry-run");
        }
    }

    /** With --images: the plan's images and the host build's manifest. */
    private void writeImages(Deployment.Plan plan, Machine machine) {
        if (images != null) {
            Path manifest = HostDeployment.write(images, machine, HostDeployment.images(plan), plan.mapping().tables());
            System.out.println("images: " + plan.images().images().size() + " cores and " + manifest);
        }
    }

    private Transceiver connect(BoardEmulator board) throws InterruptedException {
        if (board != null) {
            return Transceiver.connect("127.0.0.1", board.scpAddress().getPort(), board.bootAddress().getPort(),
                    RetryPolicy.DEFAULT);
        }
        return Transceiver.connect(host, port, bootPort, RetryPolicy.DEFAULT, System.console() != null
                ? line -> System.err.println("engram: waiting: " + line) : line -> { });
    }

    private static byte[] readBinary(Path file) throws IOException {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length == 0 || b.length % 4 != 0) {
                throw new RunOutputException(file + ": a core application of " + b.length
                        + " bytes; expected a whole number of 32-bit words");
            }
            if (!EngramBinary.isEngram(b)) {
                System.err.println("engram: " + file + " does not carry Engram's application identifier '"
                        + EngramBinary.IDENTIFIER + "'; the emulator cannot run it, a board may");
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new RunOutputException(file + ": no such file (--binary names the core application)");
        }
    }

    /**
     * The core application loaded: its file ({@code stand-in} for the built-in one), size, SHA-256
     * and whether its header names Engram's application (then the emulator runs it as the Java
     * arithmetic; a board runs the ARM code of an APLX file).
     */
    record LoadedBinary(String file, int bytes, String sha256, boolean engram) {
        static LoadedBinary of(Path file, byte[] code) {
            byte[] b = code == null ? EngramBinary.standIn() : code;
            try {
                String sha = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(b));
                return new LoadedBinary(file == null ? "stand-in" : file.toString(), b.length, sha,
                        EngramBinary.isEngram(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "%s (%d bytes, sha256 %s)%s", file, bytes, sha256.substring(0, 16),
                    engram ? ", Engram's identifier " + EngramBinary.IDENTIFIER : ", no Engram identifier");
        }
    }

    /** The deployment's part of summary.json: target, binary, placement, tables, bytes, times and warnings. */
    static ObjectNode summary(Deployment.Result r, String target, LoadedBinary binary) {
        Deployment.Plan p = r.plan();
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("target", target);
        ObjectNode b = d.putObject("binary");
        b.put("file", binary.file());
        b.put("bytes", binary.bytes());
        b.put("sha256", binary.sha256());
        if (binary.engram()) {
            b.put("identifier", EngramBinary.IDENTIFIER);
        } else {
            b.putNull("identifier");
        }
        d.put("dt_ms", p.dtMs());
        d.put("ticks", p.runTicks());
        d.put("cores", p.images().images().size());
        d.put("chips", p.mapping().chipsUsed().size());
        d.put("bytes_loaded", r.load().bytesLoaded());
        ObjectNode times = d.putObject("times_s");
        times.put("mapping", micro(p.mapSeconds()));
        times.put("images", micro(p.imageSeconds()));
        times.put("load", micro(r.load().loadSeconds()));
        times.put("load_writing_images", micro(r.load().writeSeconds()));
        times.put("run", micro(r.load().runSeconds()));
        times.put("read_back", micro(r.load().readSeconds() + r.decodeSeconds()));
        ArrayNode placements = d.putArray("placement");
        for (CoreImage i : p.images().images()) {
            ObjectNode o = placements.addObject();
            o.put("population", i.label());
            o.put("first", i.first());
            o.put("size", i.size());
            o.put("core", i.core().x() + "," + i.core().y() + "," + i.core().p());
            o.put("key", String.format("0x%08x", i.firstKey()));
            o.put("image_bytes", i.sizeBytes());
        }
        ArrayNode tables = d.putArray("routing");
        for (RoutingTable t : p.mapping().tables()) {
            ObjectNode o = tables.addObject();
            o.put("chip", t.chip().x() + "," + t.chip().y());
            o.put("entries", t.entries().size());
            o.put("before_compression", t.entriesBeforeCompression());
        }
        ArrayNode warnings = d.putArray("warnings");
        p.warnings().forEach(warnings::add);
        return d;
    }

    private static double micro(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    static void printPlan(Deployment.Plan plan, PrintStream out) {
        out.print(plan.mapping().describe());
        out.printf(Locale.ROOT, "images: %d cores, %s to load; mapping %.3f s, images %.3f s%n",
                plan.images().images().size(), RunOutput.size(plan.bytesToLoad()), plan.mapSeconds(),
                plan.imageSeconds());
        printWarnings(plan, out);
    }

    static void printWarnings(Deployment.Plan plan, PrintStream out) {
        plan.warnings().forEach(w -> out.println("engram: warning: " + w));
    }

    static void printFigures(Deployment.Result r, PrintStream out) {
        Deployment.Plan p = r.plan();
        out.printf(Locale.ROOT, "deployed: %d cores on %d chips; mapping %.3f s, images %.3f s, load %.3f s (%s, %.1f MB/s),"
                + " run %.3f s, read-back %.3f s%n", p.images().images().size(), p.mapping().chipsUsed().size(),
                p.mapSeconds(), p.imageSeconds(), r.load().loadSeconds(), RunOutput.size(r.load().bytesLoaded()),
                r.load().loadBytesPerSecond() / 1e6, r.load().runSeconds(), r.load().readSeconds() + r.decodeSeconds());
    }
}
