package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.engram.models.sparsey.spiking.SpikingMac;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseySpikingCommandTest {
    /** A mac of 8 modules of 5 cells on 200 inputs storing 12 items of 10 active bits, unless {@code more} says otherwise. */
    private static CliRun spiking(String... more) {
        List<String> args = new ArrayList<>(List.of("sparsey", "spiking"));
        List<String> given = List.of(more);
        String[][] small = {{"--items", "12"}, {"--modules", "8"}, {"--cells", "5"}, {"--inputs", "200"}, {"--active", "10"}};
        for (String[] option : small) {
            if (!given.contains(option[0])) {
                args.addAll(List.of(option));
            }
        }
        args.addAll(given);
        return engram(args.toArray(String[]::new));
    }

    private static JsonNode lastJson(CliRun r) throws IOException {
        String[] lines = r.out().strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void storedItemsAgreeAndTheSavedNetworkIsRunAndDeployedLikeAnyOther(@TempDir Path dir) throws IOException {
        Path net = dir.resolve("mac.json");
        CliRun r = spiking("--mode", "fixed", "--save-network", net.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode figures = lastJson(r);
        assertEquals("fixed", figures.path("mode").asText());
        assertEquals(12 * 8, figures.path("modules").asInt());
        assertTrue(figures.path("module_agreement").asDouble() >= 0.99, figures.toString());
        assertTrue(figures.path("code_agreement").asDouble() >= 0.99, figures.toString());
        assertEquals(0, figures.path("silent_modules").asInt());
        assertTrue(figures.path("separation_ms").asDouble() > 1, figures.toString());
        assertTrue(r.out().contains("modules agreeing 96/96") && r.out().contains("run it with: engram run"), r.out());
        assertEquals(List.of("mac.json"), files(dir), "the network file and nothing half-written");
        Network read = NetworkJson.read(net);
        assertEquals(12 * 1000.0, read.runMs());
        assertEquals(8 * 5, read.population(SpikingMac.CELLS).size());

        Path desk = dir.resolve("desk");
        CliRun run = engram("run", net.toString(), "--mode", "fixed", "--out", desk.toString(), "--quiet", "--no-plot");
        assertEquals(0, run.code(), run.err());
        // Every module of every window fires, and only first spikes (the inhibition silences the rest).
        Set<List<Integer>> fired = new HashSet<>();
        List<String> spikes = Files.readAllLines(desk.resolve("spikes.csv"));
        for (String line : spikes.subList(1, spikes.size())) {
            String[] f = line.split(",");
            assertEquals(SpikingMac.CELLS, f[0]);
            fired.add(List.of((int) (Double.parseDouble(f[2]) / 1000), Integer.parseInt(f[1]) / 5));
        }
        assertEquals(12 * 8, fired.size());
        assertEquals(0, engram("run", net.toString(), "--out", dir.resolve("event").toString(), "--quiet", "--no-plot")
                .code());

        Path board = dir.resolve("board");
        CliRun deploy = engram("deploy", net.toString(), "--emulator", "--out", board.toString(), "--quiet", "--no-plot");
        assertEquals(0, deploy.code(), deploy.err());
        CliRun same = engram("compare", board.toString(), desk.toString());
        assertEquals(0, same.code(), same.out());
    }

    @Test
    void theSameSeedPrintsTheSameFigures() {
        CliRun a = spiking("--seed", "3");
        CliRun b = spiking("--seed", "3");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("event mode: modules agreeing 96/96"), a.out());
        assertEquals(a.out().replaceAll("run [0-9.]+ s", ""), b.out().replaceAll("run [0-9.]+ s", ""));
    }

    @Test
    void aSeparationUnderATimestepIsWarnedOf() {
        CliRun r = spiking("--tau-m", "20", "--tau-syn", "5", "--window", "200", "--active", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("engram: warning: cells holding 16 and 15 inputs fire only "), r.err());
    }

    private static void assertBadInput(Path dir, String expected, String... more) throws IOException {
        CliRun r = spiking(more);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("engram: ") && r.err().contains(expected), r.err());
        assertEquals(List.of("taken"), files(dir), "nothing written");
    }

    @Test
    void badInputEndsWithOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
        Path taken = Files.createDirectory(dir.resolve("taken"));
        Path net = dir.resolve("net.json");
        assertBadInput(dir, "--active 45: the gate of a mac on 200 inputs codes items of 6 to 16 active bits",
                "--active", "45", "--save-network", net.toString());
        assertBadInput(dir, "--items 0: expected at least 1 item", "--items", "0", "--save-network", net.toString());
        assertBadInput(dir, "K = 1; expected K >= 2 cells", "--cells", "1", "--save-network", net.toString());
        assertBadInput(dir, "tau_syn = 100.0; expected 0 < tau_syn < tau_m = 100.0 ms", "--tau-syn", "100",
                "--save-network", net.toString());
        assertBadInput(dir, "window_ms = 2.5; expected a whole number of timesteps of 1.0 ms", "--window", "2.5",
                "--save-network", net.toString());
        assertBadInput(dir, "--save-network " + taken + ": a directory", "--save-network", taken.toString());
        assertBadInput(dir, "--dt 0.5: event mode has no step", "--dt", "0.5", "--save-network", net.toString());
    }
}
