package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code engram deploy} through the command line: the CA3 memory's hardware spike tables, the
 * desktop fixed mode's spikes, a board emulator in another process, and networks that do not fit.
 */
class DeployCommandTest {
    /** The original experiments' test benches and SpiNNaker spike tables (see their README there). */
    static final Path CA3 = Path.of("../models/src/test/resources/ca3");

    @TempDir
    Path tmp;

    /** A spike table as "population,neuron,ms" cells, from this project's spikes.csv. */
    static TreeSet<String> deployed(Path spikesCsv) throws Exception {
        TreeSet<String> cells = new TreeSet<>();
        List<String> lines = Files.readAllLines(spikesCsv);
        assertEquals("population,neuron,time_ms", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double t = Double.parseDouble(f[2]);
            assertEquals(Math.rint(t), t, "on the 1 ms grid: " + line);
            cells.add(f[0] + "," + f[1] + "," + (long) t);
        }
        return cells;
    }

    /** The hardware's table ({@code time_ms,population,neuron}) as the same cells. */
    static TreeSet<String> hardware(String experiment) throws Exception {
        TreeSet<String> cells = new TreeSet<>();
        List<String> lines = Files.readAllLines(CA3.resolve(experiment + "_spinnaker_spikes.csv"));
        assertEquals("time_ms,population,neuron", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            cells.add(f[1] + "," + f[2] + "," + f[0]);
        }
        return cells;
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp1_functional", "exp2_stress", "exp3_state_map"})
    void theCa3ExperimentsDeployedReturnTheHardwareSpikes(String experiment) throws Exception {
        Path net = tmp.resolve(experiment + ".json");
        CliRun save = engram("ca3", "save", "--testbench", CA3.resolve(experiment + "_testbench.json").toString(),
                "--out", net.toString());
        assertEquals(0, save.code(), save.err());
        Path out = tmp.resolve("deployed");
        CliRun r = engram("deploy", net.toString(), "--out", out.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        TreeSet<String> expected = hardware(experiment);
        TreeSet<String> got = deployed(out.resolve("spikes.csv"));
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(got);
        TreeSet<String> extra = new TreeSet<>(got);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), experiment + ": " + missing.size() + " hardware spikes missing "
                + "(first " + (missing.isEmpty() ? "-" : missing.first()) + "), " + extra.size() + " extra (first "
                + (extra.isEmpty() ? "-" : extra.first()) + ")");
        assertTrue(expected.size() > 100, "the table is not trivial: " + expected.size());
        // and the desktop's fixed mode gives the same table
        Path fixed = tmp.resolve("fixed");
        CliRun f = engram("run", net.toString(), "--mode", "fixed", "--dt", "1", "--out", fixed.toString(), "--quiet",
                "--no-plot");
        assertEquals(0, f.code(), f.err());
        assertEquals(expected, deployed(fixed.resolve("spikes.csv")));
    }

    static final String NET = """
            {"run_ms": 300, "seed": 9, "timestep_ms": 1.0,
             "populations": [
               {"label": "in", "size": 60, "model": "SpikeSourcePoisson", "params": {"rate": 40.0}, "record": ["spikes"]},
               {"label": "exc", "size": 300, "model": "IF_curr_exp", "params": {"tau_m": 15.0},
                "record": ["spikes", "v"], "record_interval_ms": 5.0},
               {"label": "inh", "size": 80, "model": "IF_curr_exp", "record": ["spikes"]}],
             "projections": [
               {"pre": "in", "post": "exc", "connector": {"type": "FixedProbability", "p_connect": 0.2},
                "synapse": {"type": "StaticSynapse", "weight": 2.5, "delay": 1.0}},
               {"pre": "exc", "post": "inh", "connector": {"type": "FixedProbability", "p_connect": 0.1},
                "synapse": {"type": "StaticSynapse", "weight": 1.0, "delay": 3.0}},
               {"pre": "inh", "post": "exc", "receptor": "inhibitory",
                "connector": {"type": "FixedProbability", "p_connect": 0.2},
                "synapse": {"type": "StaticSynapse", "weight": 2.0, "delay": 2.0}}]}
            """;

    @Test
    void aDeploymentWritesTheDesktopFilesAndEqualsFixedMode() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Path out = tmp.resolve("board");
        CliRun r = engram("deploy", net.toString(), "--out", out.toString(), "--quiet", "--neurons-per-core", "100");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("spikes.csv", "v.csv", "summary.json", "network.json", "raster.png", "report.html")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("deployment");
        assertEquals("emulator", d.path("target").asText());
        assertEquals("stand-in", d.path("binary").path("file").asText());
        assertEquals("engram.core", d.path("binary").path("identifier").asText());
        assertEquals(300, d.path("ticks").asInt());
        // in 1, exc 3 (100 a core), inh 1
        assertEquals(5, d.path("cores").asInt());
        assertEquals(5, d.path("placement").size());
        assertTrue(d.path("bytes_loaded").asLong() > 0 && d.path("routing").size() >= 1, d.toString());
        assertTrue(d.path("times_s").has("run"), d.toString());
        Path desk = tmp.resolve("desk");
        assertEquals(0, engram("run", net.toString(), "--mode", "fixed", "--out", desk.toString(), "--quiet",
                "--no-plot").code());
        // the desktop cuts at 255 neurons a core, as a deployment does by default
        CliRun again = engram("deploy", net.toString(), "--out", tmp.resolve("board255").toString(), "--quiet",
                "--no-plot");
        assertEquals(0, again.code(), again.err());
        CliRun agree = engram("compare", tmp.resolve("board255").toString(), desk.toString());
        assertEquals(0, agree.code(), agree.out());
        assertTrue(Files.readString(out.resolve("v.csv")).lines().count() > 300 * 50, "v every 5 ms");
    }

    /**
     * The discrete-time neuron of a network trained with a soft reset: delta synapses, v_rest =
     * v_reset = 0, threshold 1 mV, subtractive reset, no refractory period, one step of 1 ms.
     */
    static final String SOFT_RESET_NET = """
            {"run_ms": 60, "seed": 5, "timestep_ms": 1.0,
             "populations": [
               {"label": "in", "size": 40, "model": "SpikeSourcePoisson", "params": {"rate": 300.0}},
               {"label": "hidden", "size": 50, "model": "IF_curr_delta", "reset": "subtract", "record": ["spikes", "v"],
                "params": {"v_rest": 0, "v_reset": 0, "v_thresh": 1.0, "tau_m": 20.0, "tau_refrac": 0}, "initial": {"v": 0}},
               {"label": "out", "size": 10, "model": "IF_curr_delta", "reset": "subtract", "record": ["spikes"],
                "params": {"v_rest": 0, "v_reset": 0, "v_thresh": 1.0, "tau_m": 20.0, "tau_refrac": 0}, "initial": {"v": 0}}],
             "projections": [
               {"pre": "in", "post": "hidden", "connector": {"type": "FixedProbability", "p_connect": 0.5},
                "synapse": {"type": "StaticSynapse", "weight": {"distribution": "uniform", "low": 0.0, "high": 0.6}, "delay": 1.0}},
               {"label": "in-inh", "pre": "in", "post": "hidden", "receptor": "inhibitory", "connector": {"type": "FixedProbability", "p_connect": 0.3},
                "synapse": {"type": "StaticSynapse", "weight": {"distribution": "uniform", "low": 0.0, "high": 0.5}, "delay": 1.0}},
               {"pre": "hidden", "post": "out", "connector": {"type": "AllToAll"},
                "synapse": {"type": "StaticSynapse", "weight": {"distribution": "uniform", "low": 0.0, "high": 0.3}, "delay": 1.0}}]}
            """;

    @Test
    void aSubtractiveResetDeployedSpikesAsFixedMode() throws Exception {
        Path net = tmp.resolve("soft.json");
        Files.writeString(net, SOFT_RESET_NET);
        Path board = tmp.resolve("board");
        CliRun d = engram("deploy", net.toString(), "--emulator", "--dt", "1", "--out", board.toString(), "--quiet",
                "--no-plot");
        assertEquals(0, d.code(), d.err());
        Path desk = tmp.resolve("desk");
        CliRun f = engram("run", net.toString(), "--mode", "fixed", "--dt", "1", "--out", desk.toString(), "--quiet",
                "--no-plot");
        assertEquals(0, f.code(), f.err());
        String spikes = Files.readString(desk.resolve("spikes.csv"));
        assertEquals(spikes, Files.readString(board.resolve("spikes.csv")));
        assertEquals(Files.readString(desk.resolve("v.csv")), Files.readString(board.resolve("v.csv")));
        assertTrue(spikes.lines().filter(l -> l.startsWith("out,")).count() > 20, spikes);
        // the reset is read: a set reset gives other spikes
        Path set = tmp.resolve("set.json");
        Files.writeString(set, SOFT_RESET_NET.replace("\"reset\": \"subtract\", ", ""));
        Path setOut = tmp.resolve("set");
        assertEquals(0, engram("run", set.toString(), "--mode", "fixed", "--dt", "1", "--out", setOut.toString(),
                "--quiet", "--no-plot").code());
        assertFalse(spikes.equals(Files.readString(setOut.resolve("spikes.csv"))));
    }

    @Test
    void aBoardEmulatorInAnotherProcessIsDeployedToByHost() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Process board = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Engram.class.getName(), "board-emulator", "--port", "0",
                "--boot-port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(board.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = lines.readLine();
            Matcher m = Pattern.compile("SCAMP port (\\d+), boot port (\\d+)").matcher(banner == null ? "" : banner);
            assertTrue(m.find(), "the emulator's banner names its ports: " + banner);
            Path out = tmp.resolve("remote");
            CliRun r = engram("deploy", net.toString(), "--host", "127.0.0.1", "--port", m.group(1), "--boot-port",
                    m.group(2), "--out", out.toString(), "--quiet", "--no-plot");
            assertEquals(0, r.code(), r.err());
            Path local = tmp.resolve("local");
            assertEquals(0, engram("deploy", net.toString(), "--out", local.toString(), "--quiet", "--no-plot").code());
            assertEquals(Files.readString(local.resolve("spikes.csv")), Files.readString(out.resolve("spikes.csv")));
            JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("deployment");
            assertEquals("127.0.0.1:" + m.group(1), d.path("target").asText());
        } finally {
            board.destroy();
        }
    }

    @Test
    void aNetworkThatDoesNotFitFailsBeforeLoadingSayingByHowMuch() throws Exception {
        Path net = tmp.resolve("big.json");
        Files.writeString(net, """
                {"run_ms": 10, "populations": [
                  {"label": "big", "size": 300000, "model": "IF_curr_exp"}], "projections": []}
                """);
        Path out = tmp.resolve("never");
        CliRun r = engram("deploy", net.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("engram: "), r.err());
        assertTrue(r.err().contains("too few"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDelayLongerThanTheRingBufferFailsBeforeLoading() throws Exception {
        Path net = tmp.resolve("slow.json");
        Files.writeString(net, """
                {"run_ms": 10, "timestep_ms": 1.0, "populations": [
                  {"label": "a", "size": 10, "model": "SpikeSourcePoisson", "params": {"rate": 10.0}},
                  {"label": "b", "size": 10, "model": "IF_curr_exp"}],
                 "projections": [{"pre": "a", "post": "b", "connector": {"type": "AllToAll"},
                   "synapse": {"type": "StaticSynapse", "weight": 1.0, "delay": 40000.0}}]}
                """);
        Path out = tmp.resolve("never");
        CliRun r = engram("deploy", net.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        // a core of one neuron still cannot hold ring buffers for 40,000 steps of delay
        assertTrue(r.err().contains("delays up to 40000 timesteps") && r.err().contains("bytes too many"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDryRunPrintsThePlacementAndTablesAndWritesNothing() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        CliRun r = engram("deploy", net.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exc[0:255]") && r.out().contains("entries"), r.out());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(net), files.toList());
        }
    }

    /**
     * --binary loads the ARM build's APLX file (here a table that only starts and ends, given
     * Engram's header as the build gives it): the emulator runs it as the Java arithmetic, and
     * the summary names it.
     */
    @Test
    void aBinaryWithEngramsHeaderRunsOnTheEmulatorAndIsNamed() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        byte[] table = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4).putInt(0x80)
                .putInt(0).putInt(0).putInt(0xFF).putInt(0).putInt(0).putInt(0).array();
        Path aplx = tmp.resolve("engram-core.aplx");
        Files.write(aplx, org.engram.spinnaker.image.EngramBinary.aplx(table));
        Path out = tmp.resolve("board");
        CliRun r = engram("deploy", net.toString(), "--out", out.toString(), "--no-plot", "--binary", aplx.toString(),
                "--time", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("binary: " + aplx + " (80 bytes, sha256 "), r.out());
        JsonNode b = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("deployment").path("binary");
        assertEquals(aplx.toString(), b.path("file").asText());
        assertEquals(80, b.path("bytes").asInt());
        assertEquals("engram.core", b.path("identifier").asText());
        assertEquals(64, b.path("sha256").asText().length());
        assertTrue(deployed(out.resolve("spikes.csv")).size() > 50, "the cores ran");
    }

    @Test
    void aDryRunWritesTheImagesForTheHostBuild() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Path images = tmp.resolve("images");
        CliRun r = engram("deploy", net.toString(), "--dry-run", "--images", images.toString(), "--time", "50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("images: 4 cores and " + images.resolve("deployment.txt")), r.out());
        List<String> manifest = Files.readAllLines(images.resolve("deployment.txt"));
        assertEquals("engram-deployment 1", manifest.get(0));
        assertEquals(4, manifest.stream().filter(l -> l.startsWith("core ")).count(), manifest.toString());
        CliRun without = engram("deploy", net.toString(), "--images", images.toString(), "--out", tmp.toString());
        assertEquals(2, without.code());
        assertTrue(without.err().contains("--images writes a plan's images: give --dry-run too"), without.err());
    }
}
