package org.engram.simulator.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.RecordingFiles.PopulationInfo;
import org.engram.simulator.record.RecordingLayout.PopulationLayout;
import org.engram.simulator.record.RecordingLayout.ProjectionLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingFilesTest {
    @TempDir
    Path dir;

    private static final List<PopulationInfo> POPS = List.of(new PopulationInfo("exc", 4, "IF_curr_exp"),
            new PopulationInfo("inh", 2, "IF_curr_exp"));

    /** exc and inh spike together at 20 ms; v of exc neurons 1 and 3 at 0, 0.5 and 1 ms; weights twice. */
    private static Recording small() {
        return new Recording(
                List.of(new PopulationSpikes("exc", 4, new int[] {2, 0, 3}, new double[] {1.25, 20, 20}),
                        new PopulationSpikes("inh", 2, new int[] {1, 0}, new double[] {3.5, 20})),
                List.of(new MembraneTrace("exc", new int[] {1, 3}, new double[] {-50, -52}, new double[] {0, 0.5, 1},
                        new double[][] {{-65, -64.5, -64.0625}, {-70, -69.75, -69.5}})),
                List.of(new WeightTrace("exc->inh", "exc", "inh", new int[] {0, 3}, new int[] {1, 1},
                        new double[] {0, 10}, new double[][] {{0.5, 0.25}, {0.75, 0.125}})),
                new RunStats("event", 0, 30, 0.0123456789, 6, 2, 5, 40, 12));
    }

    @Test
    void filesHoldTheDocumentedRowsAndReadBackEqual() throws Exception {
        List<Path> written = RecordingFiles.write(dir, small(), POPS);
        assertEquals(Stream.of("spikes.csv", "v.csv", "v-exc.npy", "weights.csv", "summary.json").map(dir::resolve)
                .toList(), written);
        assertEquals(List.of("population,neuron,time_ms", "exc,2,1.25", "inh,1,3.5", "exc,0,20.0", "exc,3,20.0",
                "inh,0,20.0"), Files.readAllLines(dir.resolve("spikes.csv")));
        assertEquals(List.of("population,neuron,time_ms,v", "exc,1,0.0,-65.0", "exc,1,0.5,-64.5", "exc,1,1.0,-64.0625",
                "exc,3,0.0,-70.0", "exc,3,0.5,-69.75", "exc,3,1.0,-69.5"), Files.readAllLines(dir.resolve("v.csv")));
        assertEquals(List.of("projection,pre,post,time_ms,weight", "exc->inh,0,1,0.0,0.5", "exc->inh,3,1,0.0,0.25",
                "exc->inh,0,1,10.0,0.75", "exc->inh,3,1,10.0,0.125"), Files.readAllLines(dir.resolve("weights.csv")));
        var summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(0.012346, summary.get("wall_s").asDouble(), 0.0, "microseconds");
        assertEquals(org.engram.simulator.EngramVersion.current(), summary.get("engram_version").asText());
        assertEquals("[\"spikes.csv\",\"v.csv\",\"v-exc.npy\",\"weights.csv\",\"summary.json\"]",
                summary.get("files").toString());
        Recording back = RecordingFiles.read(dir).recording();
        Recording rec = small();
        assertArrayEquals(new int[] {2, 0, 3}, back.spikes("exc").neurons());
        assertArrayEquals(rec.spikes("inh").timesMs(), back.spikes("inh").timesMs());
        assertArrayEquals(rec.membrane("exc").neurons(), back.membrane("exc").neurons());
        assertArrayEquals(rec.membrane("exc").thresholdsMv(), back.membrane("exc").thresholdsMv());
        assertArrayEquals(rec.membrane("exc").timesMs(), back.membrane("exc").timesMs());
        assertArrayEquals(rec.membrane("exc").values(), back.membrane("exc").values());
        assertArrayEquals(rec.weights("exc->inh").weights(), back.weights("exc->inh").weights());
        assertEquals("exc", back.weights("exc->inh").prePopulation());
    }

    @Test
    void npyHoldsTimeAndVRowByRowBehindA128ByteHeader() throws Exception {
        RecordingFiles.write(dir, small(), POPS);
        byte[] npy = Files.readAllBytes(dir.resolve("v-exc.npy"));
        assertEquals(128 + 3 * 3 * 8, npy.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(npy, 10));
        String header = new String(npy, 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }" + " ".repeat(117 - 59) + "\n", header);
        ByteBuffer b = ByteBuffer.wrap(npy, 128, npy.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        double[] expected = {0, -65, -70, 0.5, -64.5, -69.75, 1, -64.0625, -69.5};
        for (double x : expected) {
            assertEquals(x, b.getDouble(), 0.0);
        }
    }

    /** A layout of one population, {@code neurons} recorded, and a projection recording nothing. */
    private static RecordingLayout layout(int neurons) {
        int[] ids = new int[neurons];
        Arrays.setAll(ids, i -> 2 * i);
        double[] th = new double[neurons];
        Arrays.fill(th, -50);
        return new RecordingLayout(List.of(new PopulationLayout("p", 2 * neurons, "IF_curr_exp", true, ids, th)),
                List.of(new ProjectionLayout("p->p", "p", "p", null, null)));
    }

    private static void feed(RecordingSink sink, int neurons, int samples) {
        Random r = new Random(5);
        double[] v = new double[neurons];
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < neurons; k++) {
                v[k] = -70 + 20 * r.nextDouble();
            }
            sink.membrane(0, s * 0.1, v);
            if (s % 7 == 0) {
                sink.spike(0, s % neurons, s * 0.1);
            }
        }
    }

    /**
     * v.csv is neuron after neuron while samples come time after time: however many blocks the
     * writer cuts them into (one row, three, a divisor of the count, everything at once), the files
     * are the same bytes.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 143})
    void vFilesAreTheSameWhateverTheBlocks(int blockRows) throws Exception {
        int neurons = 6;
        int samples = 1001; // 143 blocks of 7 rows, or 333 of 3 and a partial one
        Path whole = dir.resolve("whole");
        Path cut = dir.resolve("cut");
        try (RecordingWriter w = RecordingWriter.open(whole, layout(neurons))) {
            feed(w, neurons, samples);
            w.finish(new RunStats("event", 0, 100, 0, 12, 0, 0, 0, 0));
        }
        try (RecordingWriter w = RecordingWriter.open(cut, layout(neurons), blockRows * (neurons + 1) * 8)) {
            feed(w, neurons, samples);
            w.finish(new RunStats("event", 0, 100, 0, 12, 0, 0, 0, 0));
        }
        for (String f : List.of("v.csv", "v-p.npy", "spikes.csv")) {
            assertEquals(-1L, Files.mismatch(whole.resolve(f), cut.resolve(f)), f);
        }
        assertEquals(1 + neurons * samples, Files.readAllLines(cut.resolve("v.csv")).size());
        try (Stream<Path> left = Files.list(cut)) {
            assertEquals(List.of("spikes.csv", "summary.json", "v-p.npy", "v.csv"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no scratch file is left");
        }
    }

    @Test
    void anUnfinishedRecordingLeavesNothing() throws Exception {
        try (RecordingWriter w = RecordingWriter.open(dir, layout(3), 4 * 8)) {
            feed(w, 3, 100);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void spikesOfOneTimeAreWrittenInPopulationOrder() throws Exception {
        RecordingLayout two = new RecordingLayout(List.of(
                new PopulationLayout("a", 5, "IF_curr_exp", true, new int[0], new double[0]),
                new PopulationLayout("b", 5, "IF_curr_exp", true, new int[0], new double[0])), List.of());
        try (RecordingWriter w = RecordingWriter.open(dir, two)) {
            w.spike(1, 0, 1.0);
            w.spike(0, 3, 1.0);
            w.spike(0, 1, 1.0);
            w.spike(1, 4, 2.0);
            assertThrows(IllegalStateException.class, () -> w.spike(0, 0, 1.5), "time order is the engine's duty");
            w.finish(new RunStats("event", 0, 3, 0, 10, 0, 4, 0, 0));
        }
        assertEquals(List.of("population,neuron,time_ms", "a,3,1.0", "a,1,1.0", "b,0,1.0", "b,4,2.0"),
                Files.readAllLines(dir.resolve("spikes.csv")));
    }

    static final String NET = """
            {"run_ms": 60, "seed": 4,
             "populations": [
               {"label": "stim", "size": 3, "model": "SpikeSourcePoisson", "params": {"rate": 200}, "record": ["spikes"]},
               {"label": "exc", "size": 4, "model": "IF_curr_exp", "record": ["spikes", "v"], "record_interval_ms": 0.5}],
             "projections": [
               {"label": "plastic", "pre": "stim", "post": "exc", "connector": {"type": "AllToAll"},
                "synapse": {"type": "STDPMechanism", "timing_dependence": {"type": "SpikePairRule"},
                 "weight_dependence": {"type": "AdditiveWeightDependence", "w_min": 0, "w_max": 5}, "weight": 3, "delay": 1},
                "record_weights": {"interval_ms": 20}}]}
            """;

    /** A run streamed to files writes the same files as the same run kept in memory and written after. */
    @ParameterizedTest
    @ValueSource(strings = {"event", "grid"})
    void streamingARunWritesWhatMemoryWrites(String mode) throws Exception {
        Network net = NetworkJson.parse(NET, "net.json");
        Path memory = dir.resolve("memory");
        Path streamed = dir.resolve("streamed");
        Simulation a = Simulator.create(net, Mode.byName(mode), Double.NaN);
        a.run(net.runMs());
        Recording rec = a.recording();
        assertTrue(rec.spikes("exc").count() > 5 && rec.spikes("stim").count() > 5, "the run has spikes");
        RecordingFiles.write(memory, rec, List.of(new PopulationInfo("stim", 3, "SpikeSourcePoisson"),
                new PopulationInfo("exc", 4, "IF_curr_exp")));
        Simulation b = Simulator.create(net, Mode.byName(mode), Double.NaN);
        try (RecordingWriter w = b.streamRecordingTo(streamed)) {
            b.run(20);
            b.run(net.runMs() - 20);
            w.finish(b.stats());
        }
        assertThrows(IllegalStateException.class, b::recording, "the files hold the recording");
        for (String f : List.of("spikes.csv", "v.csv", "v-exc.npy", "weights.csv")) {
            assertEquals(-1L, Files.mismatch(memory.resolve(f), streamed.resolve(f)), f);
        }
        assertEquals(withoutWallTime(memory), withoutWallTime(streamed));
    }

    /** A run directory's summary less the one figure two runs never share. */
    private static ObjectNode withoutWallTime(Path dir) throws java.io.IOException {
        return ((ObjectNode) new ObjectMapper().readTree(dir.resolve("summary.json").toFile())).without("wall_s");
    }

    @Test
    void readingTakesOnlyTheListedFiles() throws Exception {
        RecordingFiles.write(dir, new Recording(small().spikes(), List.of(), List.of(), small().stats()), POPS);
        // an earlier run's files, one of them malformed
        Files.writeString(dir.resolve("weights.csv"), "projection,pre,post,time_ms,weight\nold,x,1,0,0.5\n");
        Files.writeString(dir.resolve("v.csv"), "population,neuron,time_ms,v\nexc,0,0.0,-65.0\n");
        Recording rec = RecordingFiles.read(dir).recording();
        assertEquals(List.of(), rec.weights());
        assertEquals(List.of(), rec.membranes());
        assertEquals(5, rec.spikeCount());
        // without the list (a directory of an older Engram) whatever lies there is read
        ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        summary.remove("files");
        Files.writeString(dir.resolve("summary.json"), summary.toString());
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingFiles.read(dir));
        assertTrue(e.getMessage().contains("weights.csv: line 2: 'x' is not a neuron index"), e.getMessage());
    }

    @Test
    void listedNamesMayNotLeaveTheDirectory() throws Exception {
        RecordingFiles.write(dir, small(), POPS);
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> RecordingFiles.listFiles(dir, List.of("../elsewhere.csv")));
        assertTrue(e.getMessage().contains("\"../elsewhere.csv\" is not the name of a file in the run directory"),
                e.getMessage());
    }

    /**
     * A sawtooth of 20,000 samples with one peak: a window of it, at most 400 samples, from the
     * .npy file and from v.csv alike, keeps the window's highest and lowest values and stays
     * within the window and one sample either side.
     */
    @Test
    void aSelectionReadsTheWindowAndKeepsItsExtremes() throws Exception {
        int samples = 20_000;
        double[] t = new double[samples];
        double[][] v = new double[3][samples];
        for (int s = 0; s < samples; s++) {
            t[s] = s * 0.1;
            for (int k = 0; k < 3; k++) {
                v[k][s] = -65 + (s % 100) * 0.1 + k;
            }
        }
        v[1][12_345] = 30; // a peak inside the window
        v[1][12_346] = -80;
        Recording rec = new Recording(List.of(), List.of(new MembraneTrace("exc", new int[] {0, 1, 2},
                new double[] {-50, -50, -50}, t, v)), List.of(), new RunStats("grid", 0.1, 2000, 0, 4, 0, 0, 0, 0));
        RecordingFiles.write(dir, rec, POPS);
        MembraneSelection sel = new MembraneSelection(1000, 1500, List.of(), List.of(1, 2), 5, 400);
        MembraneTrace fromNpy = RecordingFiles.read(dir, sel).recording().membrane("exc");
        Files.delete(dir.resolve("v-exc.npy"));
        MembraneTrace fromCsv = RecordingFiles.read(dir, sel).recording().membrane("exc");
        for (MembraneTrace m : List.of(fromNpy, fromCsv)) {
            assertArrayEquals(new int[] {1, 2}, m.neurons());
            double[] times = m.timesMs();
            assertTrue(times.length <= 402 && times.length >= 200, times.length + " samples");
            assertTrue(times[0] >= 999.9 - 1e-9 && times[times.length - 1] <= 1500.1 + 1e-9,
                    times[0] + " to " + times[times.length - 1]);
            assertEquals(30, Arrays.stream(m.trace(0)).max().orElseThrow(), 0.0, "the peak is kept");
            assertEquals(-80, Arrays.stream(m.trace(0)).min().orElseThrow(), 0.0, "and the trough after it");
            assertEquals(-65 + 2, Arrays.stream(m.trace(1)).min().orElseThrow(), 0.0);
            assertEquals(-65 + 9.9 + 2, Arrays.stream(m.trace(1)).max().orElseThrow(), 1e-12);
        }
        assertArrayEquals(fromNpy.timesMs(), fromCsv.timesMs());
        assertArrayEquals(fromNpy.values(), fromCsv.values());
    }

    /** Ten rows into at most four: two buckets of five, each its first and middle time and its extremes in order. */
    @Test
    void decimationKeepsEachBucketsExtremesInTheirOrder() {
        Decimation d = new Decimation(10, 1, 4);
        double[] v = {3, 9, 1, 4, 4, 5, 5, 0, 5, 8};
        for (int s = 0; s < v.length; s++) {
            d.add(s, new double[] {v[s]});
        }
        MembraneTrace m = d.trace("p", new int[] {0}, new double[] {-50});
        assertArrayEquals(new double[] {0, 2, 5, 7}, m.timesMs());
        assertArrayEquals(new double[] {9, 1, 0, 8}, m.trace(0));
    }
}
