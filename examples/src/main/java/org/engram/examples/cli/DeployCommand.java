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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.EngramBinary;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.MappingOptions;
import org.engram.spinnaker.mapping.RoutingTable;
import org.engram.spinnaker.spalloc.JobMachineInfo;
import org.engram.spinnaker.spalloc.JobRequest;
import org.engram.spinnaker.spalloc.SpallocClient;
import org.engram.spinnaker.spalloc.SpallocJob;
import org.engram.spinnaker.transceiver.BoardAddress;
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
 * SCAMP, runs it and reads the spikes back into a run directory in the desktop format. The
 * machine is a board ({@code --host}), the boards of a spalloc job ({@code --spalloc}), or else a
 * board emulator of one board or a triad started in this process on free loopback ports; every
 * board is loaded through its own connection.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a JSON network to SpiNNaker (the board emulator in this process unless --host or "
                + "--spalloc is given): map, load, run, read back; write spikes.csv, summary.json, the plots and "
                + "report.html into DIR. --dry-run prints the placement and routing tables and loads nothing.")
final class DeployCommand implements Callable<Integer> {
    /** How long the boards may take to boot. */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);
    /** How long spalloc may take to grant the boards, unless --job-wait says. */
    static final long DEFAULT_JOB_WAIT_S = 3600;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET.json", description = "the network file")
    Path network;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (created); not needed with --dry-run")
    Path out;

    @Option(names = "--emulator", description = "deploy to a board emulator started in this process (the default)")
    boolean emulator;

    @Option(names = "--boards", paramLabel = "N", description = "boards: of the emulator, 1 (a SpiNN-5 board) or 3 "
            + "(a triad), default 1; of a spalloc job, any number, default 1")
    Integer boards;

    @Option(names = "--spalloc", paramLabel = "HOST[:PORT]",
            description = "allocate the machine from this spalloc server (port 22244 unless given)")
    String spalloc;

    @Option(names = "--owner", paramLabel = "NAME", description = "with --spalloc: who the job is for (required; by "
            + "convention your e-mail address)")
    String owner;

    @Option(names = "--triads", paramLabel = "WxH", description = "with --spalloc: a rectangle of W by H triads "
            + "instead of --boards")
    String triads;

    @Option(names = "--keepalive", paramLabel = "S", description = "with --spalloc: seconds without a keepalive after "
            + "which the server destroys the job (default: " + JobRequest.DEFAULT_KEEPALIVE_S + "; this command sends "
            + "one every half of it)")
    Double keepaliveS;

    @Option(names = "--job-wait", paramLabel = "S", description = "with --spalloc: how long to wait for the boards "
            + "(default: " + DEFAULT_JOB_WAIT_S + ")")
    Long jobWaitS;

    /** --triads, once checked. */
    private int triadsWide;
    private int triadsHigh;

    @Option(names = "--host", paramLabel = "HOST", description = "a board (or an emulator started apart) to deploy to")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "17893",
            description = "the board's SCAMP UDP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--boot-port", paramLabel = "B", defaultValue = "54321",
            description = "the board's boot UDP port (default: ${DEFAULT-VALUE})")
    int bootPort;

    @Option(names = "--boot-image", paramLabel = "FILE", description = "boot the machine with this scamp.boot if a "
            + "board's SCAMP does not answer (through the root board, whose boot boots them all)")
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
        if (dryRun && host == null && spalloc == null) {
            Machine machine = Machine.ofBoards(emulatorBoards());
            Deployment.Plan plan = Deployment.plan(net, machine, options, time);
            printPlan(plan, System.out);
            writeImages(plan, machine);
            return 0;
        }
        if (!dryRun) {
            RunOutput.check(out);
        }
        Consumer<String> progress = output.quiet ? line -> { } : line -> System.err.println("engram: " + line);
        if (spalloc == null) {
            BoardEmulator emulated = host == null ? BoardEmulator.start(EngramApplication.register(
                    EmulatorOptions.ephemeral().withBoards(emulatorBoards())), line -> { }) : null;
            try (emulated) {
                List<BoardAddress> machine = emulated != null ? addresses(emulated)
                        : List.of(new BoardAddress(ChipLocation.ZERO, host, port));
                deploy(net, time, options, loaded, machine, emulated != null ? "emulator" : host + ":" + port, null,
                        progress);
            }
            return 0;
        }
        try (SpallocClient client = SpallocClient.connect(spalloc, SpallocClient.DEFAULT_TIMEOUT);
                SpallocJob job = SpallocJob.create(client, jobRequest(),
                        line -> System.err.println("engram: " + line))) { // boards held: said even with --quiet
            try {
                JobMachineInfo info = job.waitUntilReady(Duration.ofSeconds(jobWaitS != null ? jobWaitS
                        : DEFAULT_JOB_WAIT_S));
                deploy(net, time, options, loaded, info.boardAddresses(), "spalloc " + client.server() + " job "
                        + job.id(), new Allocation(client.server(), job, info), progress);
            } catch (Exception | Error e) {
                job.destroy("engram deploy failed: " + e.getMessage());
                throw e;
            }
        }
        return 0;
    }

    /** A spalloc job's boards, for the summary. */
    record Allocation(String server, SpallocJob job, JobMachineInfo info) {
        /** "spalloc: job 7 on machine 'm': 3 boards [0,0,0] [0,0,1] [0,0,2]; waited 1.234 s for them". */
        String describe() {
            return String.format(Locale.ROOT, "spalloc: job %d on machine '%s' of %s: %d boards %s; waited %.3f s for "
                    + "them", job.id(), info.machineName(), server, info.boards().size(), info.describeBoards(),
                    job.waitSeconds());
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("server", server);
            o.put("job", job.id());
            o.put("machine", info.machineName());
            ArrayNode b = o.putArray("boards");
            info.boards().forEach(x -> b.add(x.toString()));
            ArrayNode c = o.putArray("connections");
            info.connections().forEach(x -> c.add(x.ethernet() + " " + x.host()));
            o.put("wait_s", micro(job.waitSeconds()));
            return o;
        }
    }

    /**
     * Connects to every board of the machine, boots it if asked and needed, discovers it, maps
     * the network onto it and, unless this is a dry run, loads, runs and reads back, writing the
     * run directory.
     */
    private void deploy(Network net, double time, Deployment.Options options, LoadedBinary loaded,
            List<BoardAddress> machineBoards, String target, Allocation allocation, Consumer<String> progress)
            throws InterruptedException, IOException {
        try (Transceiver tx = Transceiver.connect(machineBoards, bootPort, RetryPolicy.DEFAULT,
                System.console() != null ? line -> System.err.println("engram: waiting: " + line) : line -> { })) {
            List<BoardAddress> silent = bootImage == null ? List.of() : tx.bootIfSilent(bootImage,
                    Transceiver.DEFAULT_BOARD_VERSION, BOOT_TIMEOUT, Duration.ofMillis(200));
            if (!silent.isEmpty()) {
                progress.accept(silent.size() + " of " + machineBoards.size() + " boards did not answer; booted through "
                        + tx.boards().get(0) + ", all ready");
            }
            Machine machine = Deployment.machineOf(tx.discoverMachine());
            Deployment.Plan plan = Deployment.plan(net, machine, options, time);
            if (dryRun) {
                printPlan(plan, System.out);
                writeImages(plan, machine);
                return;
            }
            printWarnings(plan, System.err);
            Deployment.Result r = Deployment.run(tx, plan, options, progress);
            ObjectNode summary = summary(r, target, loaded);
            summary.put("boards", machineBoards.size());
            summary.put("booted", !silent.isEmpty());
            if (allocation != null) {
                summary.set("spalloc", allocation.toJson());
            }
            RunOutput.Result written = RunOutput.writeRecording(out, net, r.recording(), "deployment", summary,
                    output.plot());
            printFigures(r, System.out);
            if (allocation != null) {
                System.out.println(allocation.describe());
            }
            System.out.println("binary: " + loaded.describe());
            RunOutput.report(written, System.out);
        }
    }

    static List<BoardAddress> addresses(BoardEmulator emulated) {
        return emulated.boards().stream().map(b -> new BoardAddress(b.ethernet(), "127.0.0.1",
                b.scpAddress().getPort())).toList();
    }

    private int emulatorBoards() {
        return boards == null ? 1 : boards;
    }

    private JobRequest jobRequest() {
        if (triads == null) {
            return JobRequest.ofBoards(boards == null ? 1 : boards, owner, keepaliveS());
        }
        return JobRequest.ofTriads(triadsWide, triadsHigh, owner, keepaliveS());
    }

    private double keepaliveS() {
        return keepaliveS == null ? JobRequest.DEFAULT_KEEPALIVE_S : keepaliveS;
    }

    private ParameterException optionError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void checkOptions() {
        if (emulator && (host != null || bootImage != null || spalloc != null)) {
            throw optionError("--emulator and --host/--spalloc/--boot-image exclude each other");
        }
        if (host != null && spalloc != null) {
            throw optionError("--host names one board and --spalloc a job server: give one of them");
        }
        if (host == null && spalloc == null && bootImage != null) {
            throw optionError("--boot-image boots a machine: give its --host or --spalloc too");
        }
        checkSpallocOptions();
        if (boards != null) {
            if (host != null) {
                throw optionError("--boards " + boards + ": --host is one board; allocate more with --spalloc");
            }
            if (spalloc == null && boards != 1 && boards != 3) {
                throw optionError("--boards " + boards + ": the emulator is 1 board or 3 (a triad)");
            }
            if (boards < 1) {
                throw optionError("--boards " + boards + ": expected at least 1");
            }
        }
        for (var p : java.util.Map.of("--port", port, "--boot-port", bootPort).entrySet()) {
            if (p.getValue() < 1 || p.getValue() > BoardConnection.MAX_PORT) {
                throw optionError("invalid value for option '" + p.getKey() + "': port " + p.getValue() + " outside 1.."
                        + BoardConnection.MAX_PORT);
            }
        }
        if (neuronsPerCore < 1) {
            throw optionError("--neurons-per-core " + neuronsPerCore + ": expected at least 1");
        }
        if (images != null && !dryRun) {
            throw optionError("--images writes a plan's images: give --dry-run too");
        }
        if (!dryRun && out == null) {
            throw optionError("give --out DIR for the run directory, or --dry-run");
        }
    }

    /** --owner, --triads, --keepalive and --job-wait belong to --spalloc, which needs --owner. */
    private void checkSpallocOptions() {
        if (spalloc == null) {
            for (var o : java.util.Map.of("--owner", owner != null, "--triads", triads != null, "--keepalive",
                    keepaliveS != null, "--job-wait", jobWaitS != null).entrySet()) {
                if (o.getValue()) {
                    throw optionError(o.getKey() + " belongs to --spalloc");
                }
            }
            return;
        }
        if (owner == null || owner.isBlank()) {
            throw optionError("--spalloc needs --owner NAME (who the job is for; by convention your e-mail address)");
        }
        if (triads != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,3})x([0-9]{1,3})").matcher(triads);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
                throw optionError("--triads " + triads + ": expected WxH, at least 1x1 (e.g. 2x1)");
            }
            if (boards != null) {
                throw optionError("--boards and --triads both size the job: give one of them");
            }
            triadsWide = Integer.parseInt(m.group(1));
            triadsHigh = Integer.parseInt(m.group(2));
        }
        if (keepaliveS != null && !(keepaliveS > 0 && keepaliveS < 1e6)) {
            throw optionError("--keepalive " + keepaliveS + ": expected a positive number of seconds");
        }
        if (jobWaitS != null && jobWaitS < 1) {
            throw optionError("--job-wait " + jobWaitS + ": expected at least 1 s");
        }
    }

    /** With --images: the plan's images and the host build's manifest. */
    private void writeImages(Deployment.Plan plan, Machine machine) {
        if (images != null) {
            Path manifest = HostDeployment.write(images, machine, HostDeployment.images(plan), plan.mapping().tables());
            System.out.println("images: " + plan.images().images().size() + " cores and " + manifest);
        }
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
