package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.engram.models.ca3.Experiments;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ca3CommandTest {
    @TempDir
    Path tmp;

    private Path functionalBench() throws Exception {
        Path f = tmp.resolve("exp1.json");
        Files.writeString(f, Experiments.functional().toTestBench().toJson());
        return f;
    }

    @Test
    void aBenchRunWritesSpikesWithTheReferencePopulationNamesAndTheDecodedOperations() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = engram("ca3", "run", "--testbench", functionalBench().toString(), "--out", out.toString(),
                "--no-plot");
        assertEquals(0, r.code(), r.err());
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals("population,neuron,time_ms", spikes.get(0));
        Set<String> pops = new TreeSet<>();
        spikes.subList(1, spikes.size()).forEach(l -> pops.add(l.split(",")[0]));
        assertEquals(new TreeSet<>(List.of("IN_cue", "IN_cont", "CueCue", "ContCue", "ContCond", "ContCondInt", "CueCont",
                "ContCont", "MergeCue", "MergeCont", "OUT_cue", "OUT_cont")), pops);
        assertEquals(1 + 322, spikes.size(), "the hardware recorded 322 spikes for this bench");
        String ops = Files.readString(out.resolve(Ca3RunOptions.OPERATIONS));
        assertTrue(ops.contains("@30 ms recall by cue 0 -> content {0, 1, 8, 9}; cue 0 @+5; bit 0 @+6"), ops);
        assertTrue(r.out().contains("9 of 9 operations gave what a perfect memory gives."), r.out());
    }

    @Test
    void aSavedNetworkRunByEngramRunGivesTheSameSpikes() throws Exception {
        Path bench = functionalBench();
        Path net = tmp.resolve("net.json");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, engram("ca3", "--testbench", bench.toString(), "--save-network", net.toString(), "--out",
                a.toString(), "--no-plot").code());
        CliRun r = engram("run", net.toString(), "--mode", "grid", "--dt", "1", "--out", b.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readAllLines(a.resolve("spikes.csv")), Files.readAllLines(b.resolve("spikes.csv")));
    }

    @Test
    void theDemoTellsTheStory() {
        CliRun r = engram("ca3", "demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("re-learn memory 3 = {1, 3, 4, 8} (was {4, 5, 6}): forgot {5, 6}"), r.out());
        assertTrue(r.out().contains("recall  by content {6} -> memories {4}"), r.out());
    }

    @Test
    void theStudyPrintsOneTableLinePerSizeAndWorkload() {
        CliRun r = engram("ca3", "study", "--cue-sizes", "3", "--cont-sizes", "4,6");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, r.out().lines().filter(l -> l.startsWith("| 14 ms") || l.startsWith("| 7/6 ms")).count(), r.out());
    }

    @Test
    void aMalformedBenchIsOneLineNamingFileAndField() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"simTime\": 10, \"cue\": [[1]], \"cont\": [[\"x\"]]}");
        CliRun r = engram("ca3", "run", "--testbench", bad.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad + ": $.cont[0][0]"), r.err());
        assertEquals(2, engram("ca3").code(), "no subcommand given");
    }

    /** Scripts use the spellings from before the subcommands: each becomes its subcommand. */
    @Test
    void theOldSpellingsBecomeTheSubcommands() {
        CommandLine cli = new CommandLine(new Engram());
        assertEquals(List.of(List.of("ca3", "demo", "--mode", "event")), invocations(cli, "ca3", "--demo", "--mode",
                "event"));
        assertEquals(List.of(List.of("ca3", "study", "--cue-sizes", "3")), invocations(cli, "ca3", "--cue-sizes", "3",
                "--study"));
        assertEquals(List.of(List.of("ca3", "run", "--testbench", "b.json", "--out", "d", "--no-plot")),
                invocations(cli, "ca3", "--testbench", "b.json", "--out", "d", "--no-plot"));
        assertEquals(List.of(List.of("ca3", "save", "--testbench=b.json", "--out", "n.json")),
                invocations(cli, "ca3", "--testbench=b.json", "--save-network", "n.json"));
        assertEquals(List.of(List.of("ca3", "run", "--testbench", "b.json", "--out", "d"),
                List.of("ca3", "save", "--out", "n.json", "--testbench", "b.json")),
                invocations(cli, "ca3", "--testbench", "b.json", "--save-network=n.json", "--out", "d"));
        // the new spellings, and everything else, stay as they are
        assertEquals(List.of(List.of("ca3", "run", "--testbench", "b.json")), invocations(cli, "ca3", "run",
                "--testbench", "b.json"));
        assertEquals(List.of(List.of("ca3", "--help")), invocations(cli, "ca3", "--help"));
        assertEquals(List.of(List.of("run", "--demo")), invocations(cli, "run", "--demo"));
        assertThrows(CommandLine.ParameterException.class, () -> invocations(cli, "ca3", "--demo", "--testbench", "b"));
    }

    private static List<List<String>> invocations(CommandLine cli, String... args) {
        return Ca3Command.invocations(cli, args).stream().map(List::of).toList();
    }

    @Test
    void theOldSpellingsGiveWhatTheSubcommandsGive() throws Exception {
        String bench = functionalBench().toString();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, engram("ca3", "--testbench", bench, "--out", a.toString(), "--no-plot").code());
        assertEquals(0, engram("ca3", "run", "--testbench", bench, "--out", b.toString(), "--no-plot").code());
        for (String f : List.of("spikes.csv", Ca3RunOptions.OPERATIONS)) {
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        Path oldNet = tmp.resolve("old.json");
        Path newNet = tmp.resolve("new.json");
        CliRun saved = engram("ca3", "--testbench", bench, "--save-network", oldNet.toString());
        assertEquals(0, saved.code(), saved.err());
        assertEquals(0, engram("ca3", "save", "--testbench", bench, "--out", newNet.toString()).code());
        assertEquals(-1L, Files.mismatch(oldNet, newNet));
        assertTrue(saved.out().startsWith("wrote " + oldNet + " (86 neurons, 18 projections, run_ms 90.0); run it with: engram run "), saved.out());
        CliRun oldDemo = engram("ca3", "--demo");
        assertEquals(0, oldDemo.code(), oldDemo.err());
        assertEquals(oldDemo.out(), engram("ca3", "demo").out());
        CliRun oldStudy = engram("ca3", "--study", "--cue-sizes", "3", "--cont-sizes", "4");
        CliRun newStudy = engram("ca3", "study", "--cue-sizes", "3", "--cont-sizes", "4");
        assertEquals(0, oldStudy.code(), oldStudy.err());
        assertEquals(withoutWallTimes(oldStudy.out()), withoutWallTimes(newStudy.out()));
    }

    /** The study's table without its last two columns, the wall times, which differ from run to run. */
    private static List<String> withoutWallTimes(String out) {
        return out.lines().filter(l -> l.startsWith("| ")).map(l -> l.replaceAll("(\\|[^|]*){2}\\|$", "")).toList();
    }
}
