package org.engram.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.engine.Threads;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.record.RecordingFormatException;
import org.engram.simulator.record.RecordingWriter;
import org.engram.simulator.record.RunStats;
import org.engram.viz.report.PlotOptions;
import org.engram.viz.report.RunPlots;

/**
 * A run directory being written: the one path shared by {@code engram run}, {@code demo} and
 * {@code ca3}. Nothing of a run reaches the directory until the whole run has succeeded:
 * <ol>
 *   <li>{@link #open} checks the directory (it must be one, or creatable, and writable) and makes
 *       a staging directory inside it;</li>
 *   <li>{@link #simulate} refuses a network or recording that cannot fit (the heap, grid mode's
 *       step, the disk), says how much it will write, and streams the recording, the network,
 *       the plots and the report into the staging directory, the plots drawn from what this run
 *       wrote;</li>
 *   <li>{@link #commit} moves the staged files into the directory (atomically where the file
 *       system can), then removes the files that the previous run's summary lists and this run did
 *       not write again: a file that no run of Engram wrote is never touched, so {@code --out .}
 *       is safe;</li>
 *   <li>{@link #close} without a commit removes the staging directory (and the directory, when
 *       this run made it), leaving everything as it was.</li>
 * </ol>
 * The staging directory is named for the run's process, so that a later run can remove one left
 * by a run that was killed: a staging directory whose process no longer runs.
 */
final class RunOutput implements AutoCloseable {
    /** Runs longer than this (estimated from the first slice) show a progress bar. */
    private static final double PROGRESS_AFTER_S = 2.0;
    private static final int SLICES = 200;
    /** The staging directory's name begins so: hidden, and never the name of a run's file. */
    static final String STAGING_PREFIX = ".engram-staging-";
    /** Room a run leaves free on the disk beyond its own files. */
    private static final long SPARE_DISK_BYTES = 16L << 20;
    /** About what the plots and the report take. */
    private static final long PLOT_BYTES = 1L << 20;
    /** What a row of spikes.csv takes, about: a label, an index and a time. */
    private static final int BYTES_PER_SPIKE = 25;
    /** The most of the machine's memory a heap should take. */
    private static final double MACHINE_SHARE = 0.9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final Path staging;
    private final boolean madeOut;
    private final Thread onInterrupt;
    private boolean committed;

    /** A population's recorded spikes and mean rate. */
    record SpikeCount(String population, long count, double rateHz) {}

    /** What a run produced: its figures, each recording population's spikes, and the files written. */
    record Result(RunStats stats, List<SpikeCount> spikes, List<Path> files) {}

    private RunOutput(Path out, Path staging, boolean madeOut) {
        this.out = out;
        this.staging = staging;
        this.madeOut = madeOut;
        this.onInterrupt = new Thread(this::removeStaging, "engram: remove " + staging);
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /**
     * Checks that {@code out} is a directory that can be written, or can be created: says why not
     * ("is a file, not a directory", "permission denied"). Creates nothing.
     */
    static void check(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new RunOutputException(out + " is a file, not a directory; --out names the directory "
                        + "to write the run into");
            }
            if (!Files.isWritable(abs)) {
                throw new RunOutputException(out + ": permission denied: the directory cannot be written");
            }
            return;
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new RunOutputException(out + " cannot be created: " + existing + " is a file, not a directory");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new RunOutputException(out + " cannot be created: permission denied in " + existing);
        }
    }

    /** Checks {@code out}, creates it if needed, and a staging directory inside it. */
    static RunOutput open(Path out) throws IOException {
        check(out);
        boolean made = !Files.isDirectory(out);
        try {
            Files.createDirectories(out);
        } catch (AccessDeniedException e) {
            throw new RunOutputException(out + " cannot be created: permission denied");
        } catch (FileSystemException e) {
            throw new RunOutputException(out + " cannot be created: " + reason(e));
        }
        removeAbandonedStaging(out);
        try {
            return new RunOutput(out, Files.createTempDirectory(out, STAGING_PREFIX + ProcessHandle.current().pid()
                    + "-"), made);
        } catch (AccessDeniedException e) {
            throw new RunOutputException(out + ": permission denied: the directory cannot be written");
        } catch (FileSystemException e) {
            throw new RunOutputException(out + ": the directory cannot be written: " + reason(e));
        }
    }

    /**
     * Removes the staging directories of runs that were killed before they could: those whose
     * process (the number in the name) is no longer running.
     */
    private static void removeAbandonedStaging(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(STAGING_PREFIX) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String pid = name.substring(STAGING_PREFIX.length()).replaceFirst("-.*", "");
                if (pid.matches("[0-9]{1,18}")
                        && !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                    removeTree(p);
                }
            }
        }
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        return r == null ? e.getClass().getSimpleName() : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }

    /**
     * Opens {@code out}, simulates into it and commits: {@link #simulate}'s run with nothing
     * written beside it.
     */
    static Result runAndWrite(Network net, Mode mode, double dtMs, Threads threads, double durationMs, Path out,
            boolean quiet, boolean plot, PrintStream log) throws IOException {
        try (RunOutput run = open(out)) {
            run.simulate(net, mode, dtMs, threads, durationMs, quiet, plot, log);
            return run.commit();
        }
    }

    /**
     * Simulates {@code net} for {@code durationMs} and writes the run into the staging directory:
     * the recording (streamed as the run goes), network.json, and unless {@code plot} is false the
     * figures and report.html. Refuses beforehand, saying why and what to do, a network that
     * would not fit the heap, a grid step that grid mode cannot hold or count, and a recording the
     * disk cannot hold; prints how much it will write.
     */
    void simulate(Network net, Mode mode, double dtMs, Threads threads, double durationMs, boolean quiet,
            boolean plot, PrintStream log) throws IOException {
        Simulator.Footprint f = Simulator.footprint(net, mode, dtMs, durationMs);
        refuseWhatCannotFit(f, mode, Double.isNaN(dtMs) ? net.timestepMs() : dtMs, durationMs);
        String networkJson = NetworkJson.write(net);
        // in doubles: a recording's estimate may be beyond what a long counts
        double writes = (double) f.fileBytes() + networkJson.length() + (plot ? PLOT_BYTES : 0);
        log.println("will write about " + size(writes) + " into " + out + ", and spikes.csv (about "
                + BYTES_PER_SPIKE + " bytes a spike)");
        long free = Files.getFileStore(staging).getUsableSpace();
        if (writes + f.scratchBytes() + SPARE_DISK_BYTES > free) {
            throw new RunOutputException(out + ": the run will write about " + size(writes)
                    + (f.scratchBytes() > 0 ? " (and " + size(f.scratchBytes()) + " of scratch while it runs)" : "")
                    + ", and the disk has " + size(free) + " free; free some space, record less, or choose another "
                    + "--out");
        }
        Simulation sim = Simulator.create(net, mode, dtMs, threads);
        log.println("simulating on " + Counts.of(sim.threads(), "thread"));
        sim.warnings().forEach(w -> log.println("warning: " + w));
        try (RecordingWriter recording = sim.streamRecordingTo(staging)) {
            runWithProgress(sim, durationMs, quiet);
            recording.finish(sim.stats());
        }
        Files.writeString(staging.resolve(RunPlots.NETWORK), networkJson, StandardCharsets.UTF_8);
        RecordingFiles.listFiles(staging, List.of(RunPlots.NETWORK));
        if (plot) {
            RunPlots.writeAll(staging, PlotOptions.DEFAULT, out);
        }
    }

    /**
     * Writes a recording made elsewhere (a SpiNNaker deployment) into a run directory, in the desktop
     * format: the recording's files, network.json, {@code extra} as a field of summary.json, and
     * unless {@code plot} is false the figures and report.html; then commits it.
     */
    static Result writeRecording(Path out, Network net, Recording rec, String field, JsonNode extra, boolean plot)
            throws IOException {
        try (RunOutput run = open(out)) {
            List<RecordingFiles.PopulationInfo> pops = net.populations().stream()
                    .map(p -> new RecordingFiles.PopulationInfo(p.label(), p.size(), p.cellType().modelName())).toList();
            RecordingFiles.write(run.staging, rec, pops);
            Path summary = run.staging.resolve(RecordingFiles.SUMMARY);
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(summary.toFile());
            root.set(field, extra);
            Files.writeString(summary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    StandardCharsets.UTF_8);
            run.add(RunPlots.NETWORK, NetworkJson.write(net));
            if (plot) {
                RunPlots.writeAll(run.staging, PlotOptions.DEFAULT, out);
            }
            return run.commit();
        }
    }

    /** Refuses a grid step grid mode cannot hold or count, and a network larger than the heap. */
    private static void refuseWhatCannotFit(Simulator.Footprint f, Mode mode, double dtMs, double durationMs) {
        if (mode == Mode.grid && !f.gridFits()) {
            String step = "--dt " + dtMs + " ms over a run of " + durationMs + " ms";
            if (f.steps() >= 0x1p63) {
                throw new RunOutputException(String.format(Locale.ROOT, "%s is %.3g steps, more than grid mode "
                        + "counts (%.3g); choose a longer step or a shorter run", step, f.steps(), 0x1p63));
            }
            throw new RunOutputException(String.format(Locale.ROOT, "%s: the longest delay is %,d steps, and grid "
                    + "mode keeps that many steps of input for each of the %,d neurons, more than it can hold; "
                    + "choose a longer step", step, f.gridSlots() - 1, f.neurons()));
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (f.heapBytes() <= heap) {
            return;
        }
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
                "the network needs about %s of memory (%,d neurons, %,d synapses", size(f.heapBytes()), f.neurons(),
                f.synapses()));
        double ring = 21.0 * f.gridSlots() * f.neurons();
        if (mode == Mode.grid && ring > f.heapBytes() / 2.0) {
            m.append(String.format(Locale.ROOT, "; most of it grid mode's input, %,d steps of the longest delay at "
                    + "--dt %s ms for each neuron: a longer step needs less", f.gridSlots() - 1, dtMs));
        }
        m.append("), and Java may use ").append(size(heap)).append(" here");
        // a quarter more than the estimate, as far as the machine leaves room for the system
        long machine = physicalMemory();
        long roomGb = machine > 0 ? (long) (machine * MACHINE_SHARE / (1L << 30)) : Long.MAX_VALUE;
        long suggestGb = Math.min(roomGb, (long) Math.ceil(f.heapBytes() * 1.25 / (1L << 30)));
        if (suggestGb << 30 < f.heapBytes()) {
            m.append(", and this machine has ").append(size(machine)).append(": make the network smaller, or run it "
                    + "on a larger machine");
        } else {
            m.append(String.format(Locale.ROOT, ". Give Java more: ENGRAM_JAVA_OPTS=-Xmx%dg ./engram ..., or java "
                    + "-Xmx%dg -jar engram.jar ...", suggestGb, suggestGb));
        }
        throw new RunOutputException(m.toString());
    }

    /** The machine's memory in bytes, or 0 where the JVM does not tell. */
    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    static String size(double b) {
        return b < 1e6 ? String.format(Locale.ROOT, "%.0f kB", Math.ceil(b / 1e3))
                : b < 1e9 ? String.format(Locale.ROOT, "%.1f MB", b / 1e6)
                : b < 1e12 ? String.format(Locale.ROOT, "%.1f GB", b / 1e9)
                : String.format(Locale.ROOT, "%.1f TB", b / 1e12);
    }

    /** The recording this run wrote, read back from its files. */
    Recording recording() {
        return RecordingFiles.read(staging).recording();
    }

    /** Adds a file of this run beside its recording. */
    void add(String name, String text) throws IOException {
        Files.writeString(staging.resolve(name), text, StandardCharsets.UTF_8);
        RecordingFiles.listFiles(staging, List.of(name));
    }

    /**
     * Moves the run's files into the directory, summary.json last, then removes the files that the
     * previous run there listed and this one did not write again. Refuses, leaving the directory
     * as it was, when a directory stands where a file of the run goes.
     */
    Result commit() throws IOException {
        Set<String> previous = previousFiles();
        List<String> names = new ArrayList<>(RecordingFiles.listedFiles(staging));
        for (String name : names) {
            Path target = out.resolve(name);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new RunOutputException(target + " is a directory, where this run writes its " + name
                        + "; move it away or choose another --out");
            }
        }
        Result result = result();
        names.remove(RecordingFiles.SUMMARY);
        names.add(RecordingFiles.SUMMARY);
        for (String name : names) {
            move(staging.resolve(name), out.resolve(name));
        }
        committed = true;
        if (previous != null) {
            for (String name : previous) {
                Path stale = out.resolve(name);
                if (!names.contains(name) && !name.startsWith(STAGING_PREFIX)
                        && Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(stale);
                }
            }
        }
        removeStaging();
        return result;
    }

    /** The files the directory's summary lists as an earlier run's, or null where none can be trusted. */
    private Set<String> previousFiles() {
        try {
            return RecordingFiles.listedFiles(out);
        } catch (RecordingFormatException e) {
            return null; // not a summary of ours, or damaged: nothing is known to be an earlier run's
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The run's figures and files, from its staged summary. */
    private Result result() throws IOException {
        JsonNode s = JSON.readTree(staging.resolve(RecordingFiles.SUMMARY).toFile());
        RunStats stats = new RunStats(s.path("mode").asText(), s.path("dt_ms").asDouble(),
                s.path("simulated_ms").asDouble(), s.path("wall_s").asDouble(), s.path("neurons").asInt(),
                s.path("synapses").asLong(), s.path("spikes").asLong(), s.path("events_processed").asLong(),
                s.path("synaptic_events").asLong());
        List<SpikeCount> spikes = new ArrayList<>();
        for (JsonNode p : s.path("populations")) {
            if (p.path("recorded_spikes").asBoolean()) {
                spikes.add(new SpikeCount(p.path("label").asText(), p.path("spikes").asLong(),
                        p.path("rate_hz").asDouble()));
            }
        }
        List<Path> files = RecordingFiles.listedFiles(staging).stream().map(out::resolve).toList();
        return new Result(stats, spikes, files);
    }

    /** Without a commit, removes the staging directory, and the directory itself when this run made it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
        removeStaging();
        if (!committed && madeOut) {
            try {
                Files.deleteIfExists(out); // only if empty: it holds nothing of anyone's
            } catch (IOException e) {
                // not empty or not ours to remove: leave it
            }
        }
    }

    private void removeStaging() {
        try {
            removeTree(staging);
        } catch (IOException e) {
            System.err.println("engram: could not remove " + staging + " (" + e.getMessage() + ")");
        }
    }

    private static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs in slices so that long runs can show a bar with ETA; silent when quiet or not on a terminal. */
    private static void runWithProgress(Simulation sim, double durationMs, boolean quiet) {
        if (durationMs <= 0) {
            return;
        }
        double slice = durationMs / SLICES;
        long t0 = System.nanoTime();
        sim.run(slice);
        double firstS = (System.nanoTime() - t0) / 1e9;
        boolean show = !quiet && System.console() != null && firstS * SLICES > PROGRESS_AFTER_S;
        if (!show) {
            sim.run(durationMs - slice);
            return;
        }
        try (Progress bar = Progress.start("simulating", (long) Math.ceil(durationMs), " ms", false)) {
            bar.stepTo((long) slice);
            for (int k = 1; k < SLICES; k++) {
                sim.run(k == SLICES - 1 ? durationMs - sim.timeMs() : slice);
                bar.stepTo((long) sim.timeMs());
            }
        }
    }

    /** Prints the figures and where the files are. */
    static void report(Result r, PrintStream out) {
        RunStats st = r.stats();
        out.printf("simulated %.1f ms in %s mode%s: %s, %s, %s, %.3f s wall%n",
                st.simulatedMs(), st.mode(), st.dtMs() > 0 ? " (dt " + st.dtMs() + " ms)" : "",
                Counts.of(st.neurons(), "neuron"), Counts.of(st.synapses(), "synapse"), Counts.of(st.spikes(), "spike"),
                st.wallSeconds());
        r.spikes().forEach(s -> out.printf("  %-12s %8d %-6s  %8.2f Hz%n", s.population(), s.count(),
                Counts.noun(s.count(), "spike"), s.rateHz()));
        out.println("wrote:");
        r.files().forEach(f -> out.println("  " + f));
    }
}
