package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path tmp;

    /** Two spikes of stim, each relayed by exc[0] 1.5 ms later; exc's v sampled every ms (also CompareCommandTest's). */
    static final String NET = """
            {"run_ms": 50, "seed": 4,
             "populations": [
               {"label": "stim", "size": 1, "model": "SpikeSourceArray", "params": {"spike_times": [[10.0, 20.0]]}, "record": ["spikes"]},
               {"label": "exc", "size": 2, "model": "IF_curr_delta", "initial": {"v": -65.0}, "record": ["spikes", "v"], "record_interval_ms": 1.0}],
             "projections": [
               {"pre": "stim", "post": "exc[0:1]", "connector": {"type": "OneToOne"},
                "synapse": {"type": "StaticSynapse", "weight": 20.0, "delay": 1.5}}]}
            """;

    /** Two neurons, one synapse, one spike each: the smallest network that runs (also CommandErrorsTest's). */
    static final String ONE_SYNAPSE = """
            {"run_ms": 20, "populations": [
              {"label": "stim", "size": 1, "model": "SpikeSourceArray", "params": {"spike_times": [[5.0]]},
               "record": ["spikes"]},
              {"label": "exc", "size": 1, "model": "IF_curr_delta", "record": ["spikes"]}],
             "projections": [{"pre": "stim", "post": "exc", "connector": {"type": "OneToOne"},
               "synapse": {"type": "StaticSynapse", "weight": 20.0, "delay": 1.0}}]}
            """;

    @Test
    void runWritesSpikesWithExactTimesAndASummary() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Path out = tmp.resolve("out");
        CliRun r = engram("run", net.toString(), "--out", out.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals(List.of("population,neuron,time_ms", "stim,0,10.0", "exc,0,11.5", "stim,0,20.0", "exc,0,21.5"),
                spikes);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"spikes\" : 4"), summary);
        assertTrue(Files.exists(out.resolve("v.csv")));
        assertTrue(r.out().contains(out.resolve("spikes.csv").toString()), "prints where the files are");
    }

    @Test
    void gridModeRoundsToTheStep() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Path out = tmp.resolve("grid");
        CliRun r = engram("run", net.toString(), "--out", out.toString(), "--mode", "grid", "--dt", "1", "--quiet",
                "--no-plot");
        assertEquals(0, r.code(), r.err());
        // delay 1.5 ms rounds to 2 steps of 1 ms
        assertTrue(Files.readAllLines(out.resolve("spikes.csv")).contains("exc,0,12.0"));
    }

    @Test
    void badNetworkGivesOneLineExitTwoAndWritesNothing() throws Exception {
        Path net = tmp.resolve("bad.json");
        Files.writeString(net, NET.replace("\"IF_curr_delta\"", "\"IF_curr_nope\""));
        Path out = tmp.resolve("never");
        CliRun r = engram("run", net.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(net + ": $.populations[1].model: unknown model 'IF_curr_nope'"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace for a user error");
        assertFalse(Files.exists(out), "nothing is written for a bad network");
    }

    @Test
    void missingFileIsAUserError() {
        CliRun r = engram("run", tmp.resolve("absent.json").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("absent.json: $: no such file"), r.err());
    }

    @Test
    void unknownModeIsAUserError() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        CliRun r = engram("run", net.toString(), "--out", tmp.resolve("o").toString(), "--mode", "fast");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("engram: invalid value for option '--mode': 'fast' is not a mode; expected "
                + "event, grid or fixed"), r.err());
    }

    /** One neuron, one synapse, one spike: every count reads in the right number. */
    @Test
    void countsOfOneAreSingular() throws Exception {
        Path net = tmp.resolve("one.json");
        Files.writeString(net, ONE_SYNAPSE);
        CliRun r = engram("run", net.toString(), "--out", tmp.resolve("one").toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": 2 neurons, 1 synapse, 2 spikes, "), r.out());
        assertTrue(r.out().contains("  stim                1 spike      "), r.out());
        assertTrue(r.out().contains("  exc                 1 spike      "), r.out());
        CliRun none = engram("run", net.toString(), "--out", tmp.resolve("none").toString(), "--time", "0", "--quiet",
                "--no-plot");
        assertTrue(none.out().contains(": 2 neurons, 1 synapse, 0 spikes, "), none.out());
    }

    /** A constant delay reads as its number, not as the record holding it. */
    @Test
    void aNegativeDelayIsNamedByItsValue() throws Exception {
        Path net = tmp.resolve("delay.json");
        Files.writeString(net, NET.replace("\"delay\": 1.5", "\"delay\": -1"));
        CliRun r = engram("run", net.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("$.projections[0].synapse.delay: delay must be > 0 ms; got -1.0"), r.err());
        assertFalse(r.err().contains("Constant"), r.err());
    }

    @Test
    void helpListsEveryCommand() {
        CliRun r = engram("--help");
        assertEquals(0, r.code());
        for (String c : List.of("run", "demo")) {
            assertTrue(r.out().contains(c), "help lists " + c);
        }
        CliRun run = engram("run", "--help");
        for (String o : List.of("--out", "--mode", "--dt", "--time", "--seed", "--quiet", "--no-plot")) {
            assertTrue(run.out().contains(o), "run --help lists " + o);
        }
    }

    @Test
    void demoRunsTheCubaNetworkAtAFewHertz() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun r = engram("demo", "--out", out.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary);
        double rate = node.get("populations").get(0).get("rate_hz").asDouble();
        assertTrue(rate > 1 && rate < 20, "CUBA settles at a few Hz: " + rate);
    }

    @Test
    void runDrawsTheRasterAndPlotRedrawsAWindowAsSvg() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, NET);
        Path out = tmp.resolve("plotted");
        assertEquals(0, engram("run", net.toString(), "--out", out.toString(), "--quiet").code());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("raster.png").toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100, "raster.png is an image");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"), "the report inlines SVG plots");
        Path svg = tmp.resolve("window.svg");
        CliRun r = engram("plot", out.toString(), "--out", svg.toString(), "--from", "5", "--to", "15", "--no-report");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).contains("<svg"));
    }

    @Test
    void plotOfAMissingDirectoryIsAUserError() {
        CliRun r = engram("plot", tmp.resolve("nowhere").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nowhere"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anotherSeedKeepsTheNetworksCurrentSources() throws Exception {
        // the neuron fires only if the DC source reaches it
        Path net = tmp.resolve("dc.json");
        Files.writeString(net, """
                {"run_ms": 50, "populations": [{"label": "n", "size": 1, "model": "IF_curr_exp", "record": ["spikes"]}],
                 "current_sources": [{"type": "DCSource", "amplitude": 1.0, "start": 5, "inject_into": "n"}]}
                """);
        Path out = tmp.resolve("dc");
        assertEquals(0, engram("run", net.toString(), "--out", out.toString(), "--seed", "5", "--quiet", "--no-plot").code());
        assertTrue(Files.readAllLines(out.resolve("spikes.csv")).size() > 1, "the current source drives spikes");
    }

    @Test
    void equalSeedsGiveByteIdenticalFilesAndOtherSeedsDiffer() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        for (Path out : List.of(a, b)) {
            assertEquals(0, engram("demo", "--out", out.toString(), "--quiet", "--no-plot").code());
        }
        Path net = tmp.resolve("demo.json");
        Files.writeString(net, DemoCommand.resource());
        assertEquals(0, engram("run", net.toString(), "--out", c.toString(), "--seed", "99", "--quiet", "--no-plot").code());
        for (String f : List.of("spikes.csv", "v.csv")) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f + " is byte-identical");
        }
        assertTrue(Files.mismatch(a.resolve("spikes.csv"), c.resolve("spikes.csv")) >= 0, "another seed, other spikes");
    }
}
