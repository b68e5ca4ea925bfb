package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.engram.models.ca3.Experiments;
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
        CliRun r = engram("ca3", "--testbench", functionalBench().toString(), "--out", out.toString(), "--no-plot");
        assertEquals(0, r.code(), r.err());
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals("population,neuron,time_ms", spikes.get(0));
        Set<String> pops = new TreeSet<>();
        spikes.subList(1, spikes.size()).forEach(l -> pops.add(l.split(",")[0]));
        assertEquals(new TreeSet<>(List.of("IN_cue", "IN_cont", "CueCue", "ContCue", "ContCond", "ContCondInt", "CueCont",
                "ContCont", "MergeCue", "MergeCont", "OUT_cue", "OUT_cont")), pops);
        assertEquals(1 + 322, spikes.size(), "the hardware recorded 322 spikes for this bench");
        String ops = Files.readString(out.resolve(Ca3RunCommand.OPERATIONS));
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
        CliRun r = engram("ca3", "--demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("re-learn memory 3 = {1, 3, 4, 8} (was {4, 5, 6}): forgot {5, 6}"), r.out());
        assertTrue(r.out().contains("recall  by content {6} -> memories {4}"), r.out());
    }

    @Test
    void theStudyPrintsOneTableLinePerSizeAndWorkload() {
        CliRun r = engram("ca3", "--study", "--cue-sizes", "3", "--cont-sizes", "4,6");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, r.out().lines().filter(l -> l.startsWith("| 14 ms") || l.startsWith("| 7/6 ms")).count(), r.out());
    }

    @Test
    void aMalformedBenchIsOneLineNamingFileAndField() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"simTime\": 10, \"cue\": [[1]], \"cont\": [[\"x\"]]}");
        CliRun r = engram("ca3", "--testbench", bad.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad + ": $.cont[0][0]"), r.err());
        assertEquals(2, engram("ca3").code(), "no action given");
    }
}
