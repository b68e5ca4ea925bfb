package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path tmp;

    private Path run(String name, String... extra) throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, CommandLineTest.NET);
        Path out = tmp.resolve(name);
        String[] args = new String[] {"run", net.toString(), "--out", out.toString(), "--quiet", "--no-plot"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        assertEquals(0, engram(all).code());
        return out;
    }

    @Test
    void equalRunsAgreeAndExitZero() throws Exception {
        Path a = run("a");
        Path b = run("b");
        CliRun r = engram("compare", a.resolve("spikes.csv").toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the spike tables agree"), r.out());
    }

    @Test
    void eventAgainstGridDiffersByTheRoundedDelay() throws Exception {
        // event mode: exc fires at 11.5 and 21.5 ms; grid at 1 ms rounds the 1.5 ms delay to 2 steps: 12 and 22
        Path a = run("event");
        Path b = run("grid", "--mode", "grid", "--dt", "1");
        CliRun exact = engram("compare", a.toString(), b.toString());
        assertEquals(1, exact.code(), exact.err());
        assertTrue(exact.out().lines().anyMatch(l -> l.matches("exc\\s+2\\s+2\\s+2\\s+2\\s+0\\.0")), exact.out());
        assertTrue(exact.out().contains("2 spikes only in A, 2 spikes only in B"), exact.out());
        CliRun loose = engram("compare", a.toString(), b.toString(), "--tolerance", "0.5");
        assertEquals(0, loose.code(), loose.out());
        assertTrue(loose.out().lines().anyMatch(l -> l.matches("exc\\s+2\\s+2\\s+0\\s+0\\s+0\\.5")), loose.out());
    }

    @Test
    void aMissingRunIsOneLineExitTwo() {
        CliRun r = engram("compare", tmp.resolve("nope").toString(), tmp.resolve("nope2").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("engram: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
