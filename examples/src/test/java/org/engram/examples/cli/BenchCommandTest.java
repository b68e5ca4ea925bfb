package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code engram bench}: the JSON line holds every documented figure, and the figures agree with one
 * another and with the network (not the timings themselves: those are measured, not tested).
 */
class BenchCommandTest {
    private static final List<String> KEYS = List.of("bench", "mode", "dt_ms", "threads", "neurons", "synapses",
            "time_ms", "build_s", "wall_s", "spikes", "rate_hz", "synaptic_events", "events_per_s", "realtime_factor",
            "heap_mb", "network_mb", "bytes_per_synapse", "engine_events");

    private static JsonNode bench(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("bench", "cuba", "--neurons", "400", "--time", "200",
                "--no-warmup", "--json"));
        all.addAll(List.of(args));
        CliRun r = engram(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(KEYS, keys);
        assertTrue(r.out().contains(String.format("engine events     %10d", json.get("engine_events").asLong())),
                r.out());
        return json;
    }

    @Test
    void eventModeFiguresAgreeWithTheNetworkAndWithEachOther() throws Exception {
        JsonNode j = bench();
        assertEquals(400 * 80, j.get("synapses").asLong(), "80 inputs per neuron");
        long spikes = j.get("spikes").asLong();
        long events = j.get("synaptic_events").asLong();
        double wall = j.get("wall_s").asDouble();
        assertEquals(spikes / 400.0 / 0.2, j.get("rate_hz").asDouble(), 5e-4);
        // each spike reaches its 80 targets on average: within a tenth of that
        assertEquals(80.0 * spikes, events, 8.0 * spikes);
        // wall_s is printed to 0.1 ms: the ratios agree within that rounding
        assertEquals(events / wall, j.get("events_per_s").asDouble(), events / wall * 5e-5 / wall + 1);
        assertEquals(wall / 0.2, j.get("realtime_factor").asDouble(), 5e-4);
        // every spike is a FIRE event and the delivery of its one group; checks come on top
        assertTrue(j.get("engine_events").asLong() > 2 * spikes, j.toString());
        assertTrue(j.get("engine_events").asLong() < events, "far fewer queue events than synaptic events");
    }

    @Test
    void gridModeCountsOneUpdatePerNeuronAndStep() throws Exception {
        JsonNode j = bench("--mode", "grid", "--dt", "0.1");
        assertEquals("grid", j.get("mode").asText());
        assertEquals(0.1, j.get("dt_ms").asDouble());
        assertEquals(400L * 2000, j.get("engine_events").asLong(), "400 neurons, 2000 steps of 0.1 ms");
    }

    @Test
    void gridModeGivesTheSameActivityOnThreeThreadsAndSaysSo() throws Exception {
        JsonNode one = bench("--mode", "grid", "--threads", "1");
        JsonNode three = bench("--mode", "grid", "--threads", "3");
        assertEquals(1, one.get("threads").asInt());
        assertEquals(3, three.get("threads").asInt());
        assertEquals(one.get("spikes"), three.get("spikes"));
        assertEquals(one.get("synaptic_events"), three.get("synaptic_events"));
        assertEquals(1, bench("--mode", "grid").get("threads").asInt(), "auto: 400 neurons stay on one thread");
    }

    @Test
    void theSameSeedGivesTheSameActivity() throws Exception {
        JsonNode a = bench("--seed", "5");
        JsonNode b = bench("--seed", "5");
        assertEquals(a.get("spikes"), b.get("spikes"));
        assertEquals(a.get("synaptic_events"), b.get("synaptic_events"));
        assertEquals(a.get("engine_events"), b.get("engine_events"));
    }

    @Test
    void anUnknownBenchmarkIsAUserError() {
        CliRun r = engram("bench", "vogels");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown benchmark 'vogels'") && r.err().contains("cuba, b4, coba, stdp"), r.err());
    }

    /**
     * --deploy --boards 3 loads one plan onto an emulated triad through one connection, then
     * through three: the cores are on every board, the spikes are those of the same cut on one
     * board, and the gains are the ratios of the figures printed.
     */
    @Test
    void aDeploymentOverATriadComparesOneConnectionWithThree() throws Exception {
        CliRun r = engram("bench", "cuba", "--neurons", "400", "--time", "50", "--no-warmup", "--json", "--deploy",
                "--boards", "3", "--neurons-per-core", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(200, j.get("cores").asInt());
        assertEquals(j.get("write_mb_per_s_3").asDouble() / j.get("write_mb_per_s_1").asDouble(),
                j.get("write_gain").asDouble(), 0.02);
        assertEquals(j.get("load_s_1").asDouble() / j.get("load_s_3").asDouble(), j.get("load_gain").asDouble(), 0.02);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cores per board +\\[(\\d+), (\\d+), (\\d+)\\]")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        for (int b = 1; b <= 3; b++) {
            assertTrue(Integer.parseInt(m.group(b)) > 0, "cores on every board: " + m.group());
        }
        CliRun one = engram("bench", "cuba", "--neurons", "400", "--time", "50", "--no-warmup", "--json", "--deploy",
                "--neurons-per-core", "2");
        assertEquals(0, one.code(), one.err());
        String[] oneLines = one.out().strip().split("\n");
        assertEquals(new ObjectMapper().readTree(oneLines[oneLines.length - 1]).get("spikes"), j.get("spikes"));
    }
}
