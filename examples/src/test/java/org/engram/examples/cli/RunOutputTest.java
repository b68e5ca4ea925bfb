package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory through the command line: a run never mixes with the one before it, a failure
 * leaves the directory as it was, {@code --out} problems say why, and sizes that cannot fit (the
 * heap, grid mode's step, the disk) are refused before anything is built, while recordings larger
 * than the heap stream through.
 */
class RunOutputTest {
    @TempDir
    Path tmp;

    /** Poisson input to three neurons through STDP, recording v and the weights. */
    static final String PLASTIC = """
            {"run_ms": 100, "seed": 3,
             "populations": [
               {"label": "stim", "size": 5, "model": "SpikeSourcePoisson", "params": {"rate": 50}, "record": ["spikes"]},
               {"label": "exc", "size": 3, "model": "IF_curr_exp", "record": ["spikes", "v"]}],
             "projections": [
               {"label": "plastic", "pre": "stim", "post": "exc", "connector": {"type": "AllToAll"},
                "synapse": {"type": "STDPMechanism", "timing_dependence": {"type": "SpikePairRule"},
                 "weight_dependence": {"type": "AdditiveWeightDependence", "w_min": 0, "w_max": 5}, "weight": 2, "delay": 1},
                "record_weights": {"interval_ms": 50}}]}
            """;

    /** The same populations through static synapses, recording spikes only. */
    static final String STATIC = """
            {"run_ms": 100, "seed": 3,
             "populations": [
               {"label": "stim", "size": 5, "model": "SpikeSourcePoisson", "params": {"rate": 50}, "record": ["spikes"]},
               {"label": "exc", "size": 3, "model": "IF_curr_exp", "record": ["spikes"]}],
             "projections": [
               {"pre": "stim", "post": "exc", "connector": {"type": "AllToAll"},
                "synapse": {"type": "StaticSynapse", "weight": 2, "delay": 1}}]}
            """;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Every file under a directory, by relative name, with its bytes. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k + " changed"));
    }

    @Test
    void aRunRemovesWhatTheRunBeforeItWroteAndNothingElse() throws Exception {
        Path d = tmp.resolve("d");
        Files.createDirectories(d);
        Files.writeString(d.resolve("notes.txt"), "mine");
        Files.writeString(d.resolve("weights-mine.csv"), "not Engram's");
        CliRun first = engram("run", file("plastic.json", PLASTIC).toString(), "--out", d.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(d.resolve("weights.csv")) && Files.exists(d.resolve("weights-plastic.png"))
                && Files.exists(d.resolve("v.png")) && Files.exists(d.resolve("v-exc.npy")));
        CliRun second = engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--quiet");
        assertEquals(0, second.code(), second.err());
        assertEquals(List.of("network.json", "notes.txt", "raster.png", "report.html", "spikes.csv", "summary.json",
                "weights-mine.csv"), names(d), "the first run's weights and v are gone; the user's files stay");
        assertEquals("mine", Files.readString(d.resolve("notes.txt")));
        assertFalse(second.out().contains("v.png") || second.out().contains("weights"), second.out());
        String report = Files.readString(d.resolve("report.html"));
        assertFalse(report.contains("Weights of") || report.contains("Membrane potential"),
                "the report draws only what this run wrote");
        JsonNode summary = new ObjectMapper().readTree(d.resolve("summary.json").toFile());
        assertEquals("[\"spikes.csv\",\"summary.json\",\"network.json\",\"raster.png\",\"report.html\"]",
                summary.get("files").toString());
    }

    @Test
    void outDotKeepsEverythingNoRunWrote() throws Exception {
        Path d = tmp.resolve("here");
        Files.createDirectories(d.resolve("src"));
        Files.writeString(d.resolve("src/Main.java"), "class Main {}");
        Files.writeString(d.resolve("README"), "read me");
        for (String net : List.of("plastic.json", "static.json")) {
            file(net, net.equals("plastic.json") ? PLASTIC : STATIC);
            CliRun r = child("256m", d, "run", tmp.resolve(net).toString(), "--out", ".", "--quiet", "--no-plot");
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(List.of("README", "network.json", "spikes.csv", "src", "summary.json"), names(d));
        assertEquals("class Main {}", Files.readString(d.resolve("src/Main.java")));
        assertEquals("read me", Files.readString(d.resolve("README")));
    }

    @Test
    void aFailureAfterTheSimulationLeavesTheDirectoryAsItWas() throws Exception {
        Path d = tmp.resolve("d");
        assertEquals(0, engram("run", file("plastic.json", PLASTIC).toString(), "--out", d.toString(), "--quiet")
                .code());
        // something in the way of a file the next run writes last: a directory named like its plot
        Files.delete(d.resolve("raster.png"));
        Files.createDirectories(d.resolve("raster.png"));
        Files.writeString(d.resolve("raster.png/keep"), "x");
        Map<String, byte[]> before = contents(d);
        CliRun r = engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(d.resolve("raster.png") + " is a directory, where this run writes its raster.png"),
                r.err());
        assertSame(before, contents(d));
        assertEquals(before.keySet().stream().map(k -> k.split("/")[0]).distinct().sorted().toList(), names(d),
                "no staging directory is left");
    }

    @Test
    void aRunRemovesTheStagingLeftByAKilledRunAndNoOther() throws Exception {
        Path d = tmp.resolve("d");
        // no process has a number this large; the live one is this JVM
        Path abandoned = d.resolve(RunOutput.STAGING_PREFIX + Long.MAX_VALUE / 10 + "-123");
        Path live = d.resolve(RunOutput.STAGING_PREFIX + ProcessHandle.current().pid() + "-456");
        Files.createDirectories(abandoned);
        Files.createDirectories(live);
        Files.writeString(abandoned.resolve("spikes.csv"), "population,neuron,time_ms\n");
        CliRun r = engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live), "a running run's staging is its own");
    }

    @Test
    void aStaleMalformedFileInTheDirectoryDoesNotFailTheDemo() throws Exception {
        Path d = tmp.resolve("demo");
        Files.createDirectories(d);
        Files.writeString(d.resolve("weights.csv"), "projection,pre,post,time_ms,weight\nold,x,1,0,0.5\n");
        CliRun r = engram("demo", "--out", d.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("projection,pre,post,time_ms,weight\nold,x,1,0,0.5\n", Files.readString(d.resolve("weights.csv")),
                "not written by a run of Engram: left alone");
        assertFalse(Files.readString(d.resolve("report.html")).contains("Weights of"));
    }

    @Test
    void outNamingAFileSaysSoAndTheDemoSaysItBeforeItsBanner() throws Exception {
        Path f = file("afile", "x");
        CliRun run = engram("run", file("static.json", STATIC).toString(), "--out", f.toString());
        assertEquals(2, run.code());
        assertEquals("engram: " + f + " is a file, not a directory; --out names the directory to write the run into",
                run.err().strip());
        CliRun demo = engram("demo", "--out", f.toString());
        assertEquals(2, demo.code());
        assertTrue(demo.err().contains(f + " is a file, not a directory"), demo.err());
        assertEquals("", demo.out(), "no banner");
        CliRun below = engram("run", tmp.resolve("static.json").toString(), "--out", f.resolve("sub").toString());
        assertEquals(2, below.code());
        assertTrue(below.err().contains(f.resolve("sub") + " cannot be created: " + f.toAbsolutePath()
                + " is a file, not a directory"), below.err());
    }

    @Test
    void outThatCannotBeWrittenSaysPermissionDenied() throws Exception {
        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "permissions do not bind this user (root)");
            CliRun in = engram("run", file("static.json", STATIC).toString(), "--out", locked.toString());
            assertEquals(2, in.code());
            assertTrue(in.err().contains(locked + ": permission denied"), in.err());
            CliRun below = engram("run", tmp.resolve("static.json").toString(), "--out", locked.resolve("d").toString());
            assertTrue(below.err().contains(locked.resolve("d") + " cannot be created: permission denied"), below.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void summaryNamesTheVersionAndTheWallTimeInMicroseconds() throws Exception {
        Path d = tmp.resolve("d");
        CliRun r = engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(d.resolve("summary.json").toFile());
        // the jar's version where the simulator's classes come from a jar (verify), else "unknown" (test)
        assertEquals(org.engram.simulator.EngramVersion.current(), s.get("engram_version").asText());
        double wall = s.get("wall_s").asDouble();
        assertEquals(Math.round(wall * 1e6) / 1e6, wall, 0.0);
        assertTrue(r.out().startsWith("will write about "), r.out());
    }

    @Test
    void plotReadsOnlyTheListedFiles() throws Exception {
        Path d = tmp.resolve("d");
        assertEquals(0, engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--quiet",
                "--no-plot").code());
        Files.writeString(d.resolve("v.csv"), "population,neuron,time_ms,v\nexc,0,0.0,-65.0\n");
        CliRun r = engram("plot", d.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(d.resolve("v.png")), "an unlisted v.csv is not this run's");
        JsonNode files = new ObjectMapper().readTree(d.resolve("summary.json").toFile()).get("files");
        assertEquals("[\"spikes.csv\",\"summary.json\",\"network.json\",\"raster.png\",\"report.html\"]", files.toString(),
                "the figures plot wrote join the list, so the next run removes them");
    }

    // ---- sizes and resources

    private static String population(long size) {
        return "{\"run_ms\": 10, \"populations\": [{\"label\": \"a\", \"size\": " + size
                + ", \"model\": \"IF_curr_exp\"}]}";
    }

    @Test
    void aNetworkLargerThanTheMachineIsRefusedBeforeBuilding() throws Exception {
        Path d = tmp.resolve("d");
        CliRun r = engram("run", file("huge.json", population(2_000_000_000L)).toString(), "--out", d.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("engram: the network needs about "), r.err());
        assertTrue(r.err().contains("2,000,000,000 neurons"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertFalse(Files.exists(d));
    }

    /** A run directory's summary less the one figure two runs never share. */
    private static JsonNode withoutWallTime(Path dir) throws IOException {
        return ((ObjectNode) new ObjectMapper().readTree(dir.resolve("summary.json").toFile())).without("wall_s");
    }

    /** Runs the command line in a child JVM with the given heap; returns its exit code and output. */
    private CliRun child(String heap, String... args) throws Exception {
        return child(heap, tmp, args);
    }

    /** The same, in the working directory {@code cwd}. */
    private static CliRun child(String heap, Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Engram.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("engram-child", ".out");
        Path err = Files.createTempFile("engram-child", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the child JVM did not end in 60 s: " + cmd);
            }
            return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aNetworkLargerThanTheHeapIsRefusedWithTheWayToGiveJavaMore() throws Exception {
        Path d = tmp.resolve("d");
        CliRun r = child("64m", "run", file("big.json", population(2_000_000)).toString(), "--out", d.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("engram: the network needs about "), r.err());
        assertTrue(r.err().contains("ENGRAM_JAVA_OPTS=-Xmx1g") && r.err().contains("java -Xmx1g -jar engram.jar"),
                r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        assertFalse(Files.exists(d));
    }

    @Test
    void aStepTooFineForGridModeIsRefusedNamingTheStepAndTheRunTime() throws Exception {
        Path d = tmp.resolve("d");
        CliRun r = engram("run", file("static.json", STATIC).toString(), "--out", d.toString(), "--mode", "grid",
                "--dt", "1e-9");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("engram: --dt 1.0E-9 ms over a run of 100.0 ms: the longest delay is "
                + "1,000,000,000 steps"), r.err());
        // in a child JVM: a run that did start would not end
        CliRun uncountable = child("64m", "run", tmp.resolve("static.json").toString(), "--out", d.toString(),
                "--mode", "grid", "--dt", "1e-300", "--time", "1e10");
        assertEquals(2, uncountable.code());
        assertTrue(uncountable.err().contains("--dt 1.0E-300 ms over a run of 1.0E10 ms is "), uncountable.err());
        assertTrue(uncountable.err().contains("more than grid mode counts"), uncountable.err());
        assertFalse(Files.exists(d));
    }

    @Test
    void aRecordingLargerThanTheDiskIsRefusedBeforeTheRun() throws Exception {
        Path d = tmp.resolve("d");
        String net = """
                {"run_ms": 1e12, "populations": [{"label": "a", "size": 1000, "model": "IF_curr_exp",
                  "record": ["v"], "record_interval_ms": 0.1}]}
                """;
        // in a child JVM: a run that did start would not end
        CliRun r = child("64m", "run", file("long.json", net).toString(), "--out", d.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.out().startsWith("will write about "), r.out());
        assertTrue(r.err().contains(d + ": the run will write about ") && r.err().contains("free; free some space"),
                r.err());
        assertFalse(Files.exists(d));
    }

    @Test
    void integerFieldsAreCheckedBeforeNarrowing() throws Exception {
        CliRun beyondInt = engram("run", file("a.json", population(3_000_000_000L)).toString(), "--out",
                tmp.resolve("d").toString());
        assertEquals(2, beyondInt.code());
        assertTrue(beyondInt.err().contains("a.json: $.populations[0].size: size is 3000000000; expected a positive "
                + "number of neurons, at most 2147483639"), beyondInt.err());
        CliRun intMax = engram("run", file("b.json", population(Integer.MAX_VALUE)).toString(), "--out",
                tmp.resolve("d").toString());
        assertTrue(intMax.err().contains("b.json: $.populations[0].size: size is 2147483647"), intMax.err());
    }

    /**
     * 120 neurons' v every 0.1 ms for 7 s, about 360 MB of files, run in a child JVM with a
     * 96 MB heap (64 MB was at the margin of what the plots need on a loaded machine), streams
     * through and writes the same files as the same run in this JVM.
     */
    @Test
    void aRecordingSeveralTimesTheHeapStreamsToTheSameFiles() throws Exception {
        String net = """
                {"run_ms": 7000, "seed": 9,
                 "populations": [
                   {"label": "stim", "size": 20, "model": "SpikeSourcePoisson", "params": {"rate": 20}},
                   {"label": "exc", "size": 120, "model": "IF_curr_exp", "params": {"i_offset": 0.7},
                    "initial": {"v": {"distribution": "uniform", "low": -65, "high": -55}},
                    "record": ["spikes", "v"], "record_interval_ms": 0.1}],
                 "projections": [{"pre": "stim", "post": "exc", "connector": {"type": "FixedNumberPre", "n": 5},
                   "synapse": {"type": "StaticSynapse", "weight": 1.0, "delay": 1}}]}
                """;
        Path netFile = file("long.json", net);
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        CliRun r = child("96m", "run", netFile.toString(), "--out", small.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        long bytes = Files.size(small.resolve("v.csv")) + Files.size(small.resolve("v-exc.npy"));
        assertTrue(bytes > 3L * (96 << 20), bytes + " bytes of v");
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("will write about ([0-9.]+) MB").matcher(r.out());
        assertTrue(said.find(), r.out());
        double estimate = Double.parseDouble(said.group(1)) * 1e6;
        assertTrue(estimate > 0.8 * bytes && estimate < 1.25 * bytes, "said " + estimate + ", wrote " + bytes);
        CliRun in = engram("run", netFile.toString(), "--out", large.toString(), "--quiet");
        assertEquals(0, in.code(), in.err());
        for (String f : List.of("spikes.csv", "v.csv", "v-exc.npy", "network.json")) {
            assertEquals(-1L, Files.mismatch(small.resolve(f), large.resolve(f)), f);
        }
        JsonNode summary = withoutWallTime(small);
        assertEquals(withoutWallTime(large), summary);
        assertTrue(summary.get("spikes").asLong() > 1000, "the neurons fire: " + summary.get("spikes"));
        assertTrue(Files.size(small.resolve("v.png")) > 10_000, "v is drawn from the big file too");
    }
}
