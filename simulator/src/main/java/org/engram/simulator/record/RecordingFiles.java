package org.engram.simulator.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run directory on disk, the exchange format between runs, plots and comparisons:
 * <ul>
 *   <li>{@code spikes.csv}: header {@code population,neuron,time_ms}, one spike a row, sorted by
 *       time, then population (network order), then neuron; times print with
 *       {@link Double#toString}, which round-trips exactly.</li>
 *   <li>{@code v.csv} (when v was recorded): {@code population,neuron,time_ms,v}.</li>
 *   <li>{@code weights.csv} (when weights were recorded): {@code projection,pre,post,time_ms,weight}.</li>
 *   <li>{@code summary.json}: the run's figures, each population's size, model, spike count and
 *       mean rate, the recorded neurons' thresholds and the projections' end points.</li>
 * </ul>
 * Each file is written to a temporary name and moved into place, so a failure leaves no
 * half-written file.
 */
public final class RecordingFiles {
    public static final String SPIKES = "spikes.csv";
    public static final String MEMBRANES = "v.csv";
    public static final String WEIGHTS = "weights.csv";
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordingFiles() {}

    /** Population facts the summary carries beside the recording. */
    public record PopulationInfo(String label, int size, String model) {}

    /** A recording read back from a run directory, with the summary's population facts. */
    public record RunDirectory(Path dir, Recording recording, List<PopulationInfo> populations, JsonNode summary) {}

    /** Writes the recording into {@code dir} (created if needed) and returns the files written. */
    public static List<Path> write(Path dir, Recording rec, List<PopulationInfo> populations) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(atomically(dir.resolve(SPIKES), w -> writeSpikes(w, rec)));
        if (!rec.membranes().isEmpty()) {
            written.add(atomically(dir.resolve(MEMBRANES), w -> writeMembranes(w, rec)));
        }
        if (!rec.weights().isEmpty()) {
            written.add(atomically(dir.resolve(WEIGHTS), w -> writeWeights(w, rec)));
        }
        written.add(atomically(dir.resolve(SUMMARY), w -> JSON.writeValue(w, summary(rec, populations))));
        return written;
    }

    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static Path atomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void writeSpikes(Writer w, Recording rec) throws IOException {
        w.write("population,neuron,time_ms\n");
        List<PopulationSpikes> pops = rec.spikes();
        int[] cursor = new int[pops.size()];
        // merge the per-population lists (each sorted by time, then neuron) by time, then population order
        while (true) {
            int best = -1;
            for (int p = 0; p < pops.size(); p++) {
                if (cursor[p] < pops.get(p).count()
                        && (best < 0 || pops.get(p).timeMs(cursor[p]) < pops.get(best).timeMs(cursor[best]))) {
                    best = p;
                }
            }
            if (best < 0) {
                return;
            }
            PopulationSpikes s = pops.get(best);
            double t = s.timeMs(cursor[best]);
            while (cursor[best] < s.count() && s.timeMs(cursor[best]) == t) {
                w.write(s.population() + "," + s.neuron(cursor[best]) + "," + t + "\n");
                cursor[best]++;
            }
        }
    }

    private static void writeMembranes(Writer w, Recording rec) throws IOException {
        w.write("population,neuron,time_ms,v\n");
        for (MembraneTrace m : rec.membranes()) {
            double[] times = m.timesMs();
            int[] neurons = m.neurons();
            for (int k = 0; k < neurons.length; k++) {
                double[] v = m.trace(k);
                for (int s = 0; s < times.length; s++) {
                    w.write(m.population() + "," + neurons[k] + "," + times[s] + "," + v[s] + "\n");
                }
            }
        }
    }

    private static void writeWeights(Writer w, Recording rec) throws IOException {
        w.write("projection,pre,post,time_ms,weight\n");
        for (WeightTrace t : rec.weights()) {
            int[] pre = t.pre();
            int[] post = t.post();
            double[] times = t.timesMs();
            for (int s = 0; s < times.length; s++) {
                double[] ws = t.at(s);
                for (int c = 0; c < pre.length; c++) {
                    w.write(t.projection() + "," + pre[c] + "," + post[c] + "," + times[s] + "," + ws[c] + "\n");
                }
            }
        }
    }

    private static ObjectNode summary(Recording rec, List<PopulationInfo> populations) {
        RunStats st = rec.stats();
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", st.mode());
        root.put("dt_ms", st.dtMs());
        root.put("simulated_ms", st.simulatedMs());
        root.put("wall_s", st.wallSeconds());
        root.put("neurons", st.neurons());
        root.put("synapses", st.synapses());
        root.put("spikes", st.spikes());
        root.put("events_processed", st.eventsProcessed());
        root.put("synaptic_events", st.synapticEvents());
        ArrayNode pops = root.putArray("populations");
        Map<String, PopulationSpikes> byLabel = new LinkedHashMap<>();
        rec.spikes().forEach(s -> byLabel.put(s.population(), s));
        for (PopulationInfo p : populations) {
            ObjectNode o = pops.addObject();
            o.put("label", p.label());
            o.put("size", p.size());
            o.put("model", p.model());
            PopulationSpikes s = byLabel.get(p.label());
            o.put("recorded_spikes", s != null);
            if (s != null) {
                o.put("spikes", s.count());
                o.put("rate_hz", s.meanRateHz(st.simulatedMs()));
            }
        }
        ArrayNode mem = root.putArray("membranes");
        for (MembraneTrace m : rec.membranes()) {
            ObjectNode o = mem.addObject();
            o.put("population", m.population());
            ArrayNode n = o.putArray("neurons");
            Arrays.stream(m.neurons()).forEach(n::add);
            ArrayNode th = o.putArray("v_thresh");
            Arrays.stream(m.thresholdsMv()).forEach(th::add);
        }
        ArrayNode ws = root.putArray("weights");
        for (WeightTrace t : rec.weights()) {
            ObjectNode o = ws.addObject();
            o.put("projection", t.projection());
            o.put("pre", t.prePopulation());
            o.put("post", t.postPopulation());
        }
        return root;
    }

    /** Reads a run directory written by {@link #write}; errors name the file and line. */
    public static RunDirectory read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RecordingFormatException(dir + ": not a run directory (expected a folder holding " + SPIKES + ")");
        }
        JsonNode summary = readSummary(dir.resolve(SUMMARY));
        List<PopulationInfo> pops = new ArrayList<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Boolean> recordedSpikes = new LinkedHashMap<>();
        if (summary != null) {
            for (JsonNode p : summary.path("populations")) {
                if (!p.path("label").isTextual() || !p.path("size").canConvertToInt() || p.path("size").asInt() <= 0) {
                    throw new RecordingFormatException(dir.resolve(SUMMARY) + ": $.populations[" + pops.size()
                            + "]: expected a label and a positive size");
                }
                pops.add(new PopulationInfo(p.get("label").asText(), p.get("size").asInt(), p.path("model").asText("")));
                sizes.put(p.get("label").asText(), p.get("size").asInt());
                recordedSpikes.put(p.get("label").asText(), p.path("recorded_spikes").asBoolean(true));
            }
        }
        Map<String, List<double[]>> spikeRows = new LinkedHashMap<>();
        for (String[] row : csv(dir.resolve(SPIKES), "population,neuron,time_ms")) {
            spikeRows.computeIfAbsent(row[0], k -> new ArrayList<>())
                    .add(new double[] {parseIndex(dir.resolve(SPIKES), row, 1), parseTime(dir.resolve(SPIKES), row, 2)});
        }
        if (summary == null) {
            spikeRows.forEach((label, rows) -> {
                int size = rows.stream().mapToInt(r -> (int) r[0]).max().orElse(0) + 1;
                pops.add(new PopulationInfo(label, size, ""));
                sizes.put(label, size);
            });
        }
        List<PopulationSpikes> spikes = new ArrayList<>();
        for (PopulationInfo p : pops) {
            // a copy: a population without spikes has no list, and List.of() cannot be sorted
            List<double[]> rows = new ArrayList<>(spikeRows.getOrDefault(p.label(), List.of()));
            rows.sort((a, b) -> a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[0], b[0]));
            int[] n = new int[rows.size()];
            double[] t = new double[rows.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = (int) rows.get(k)[0];
                t[k] = rows.get(k)[1];
                if (n[k] >= p.size()) {
                    throw new RecordingFormatException(dir.resolve(SPIKES) + ": neuron " + n[k] + " of " + p.label()
                            + " is out of range; the population has " + p.size() + " neurons");
                }
            }
            if (n.length > 0 || recordedSpikes.getOrDefault(p.label(), true)) {
                spikes.add(new PopulationSpikes(p.label(), p.size(), n, t));
            }
        }
        for (String label : spikeRows.keySet()) {
            if (!sizes.containsKey(label)) {
                throw new RecordingFormatException(dir.resolve(SPIKES) + ": population '" + label
                        + "' is not listed in " + SUMMARY);
            }
        }
        List<MembraneTrace> membranes = readMembranes(dir, summary);
        List<WeightTrace> weights = readWeights(dir, summary);
        RunStats stats = summary == null ? new RunStats("unknown", 0, lastTime(spikes), 0,
                sizes.values().stream().mapToInt(Integer::intValue).sum(), 0,
                spikes.stream().mapToLong(PopulationSpikes::count).sum(), 0, 0)
                : new RunStats(summary.path("mode").asText("unknown"), summary.path("dt_ms").asDouble(),
                        summary.path("simulated_ms").asDouble(), summary.path("wall_s").asDouble(),
                        summary.path("neurons").asInt(), summary.path("synapses").asLong(),
                        summary.path("spikes").asLong(), summary.path("events_processed").asLong(),
                        summary.path("synaptic_events").asLong());
        return new RunDirectory(dir, new Recording(spikes, membranes, weights, stats), List.copyOf(pops), summary);
    }

    private static double lastTime(List<PopulationSpikes> spikes) {
        return spikes.stream().mapToDouble(s -> s.count() == 0 ? 0 : s.timeMs(s.count() - 1)).max().orElse(0);
    }

    private static JsonNode readSummary(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new RecordingFormatException(file + ": expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new RecordingFormatException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static List<MembraneTrace> readMembranes(Path dir, JsonNode summary) {
        Path file = dir.resolve(MEMBRANES);
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Map<Integer, List<double[]>>> rows = new LinkedHashMap<>();
        for (String[] row : csv(file, "population,neuron,time_ms,v")) {
            rows.computeIfAbsent(row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(parseIndex(file, row, 1), k -> new ArrayList<>())
                    .add(new double[] {parseTime(file, row, 2), parseNumber(file, row, 3, "v")});
        }
        Map<String, Map<Integer, Double>> thresholds = new LinkedHashMap<>();
        if (summary != null) {
            for (JsonNode m : summary.path("membranes")) {
                Map<Integer, Double> th = new LinkedHashMap<>();
                for (int k = 0; k < m.path("neurons").size(); k++) {
                    th.put(m.path("neurons").get(k).asInt(), m.path("v_thresh").path(k).asDouble(Double.NaN));
                }
                thresholds.put(m.path("population").asText(), th);
            }
        }
        List<MembraneTrace> out = new ArrayList<>();
        rows.forEach((pop, byNeuron) -> {
            int[] neurons = byNeuron.keySet().stream().mapToInt(Integer::intValue).toArray();
            List<double[]> first = byNeuron.get(neurons[0]);
            double[] times = first.stream().mapToDouble(r -> r[0]).toArray();
            double[][] values = new double[neurons.length][];
            double[] th = new double[neurons.length];
            for (int k = 0; k < neurons.length; k++) {
                List<double[]> r = byNeuron.get(neurons[k]);
                if (r.size() != times.length) {
                    throw new RecordingFormatException(file + ": neuron " + neurons[k] + " of " + pop + " has "
                            + r.size() + " samples; expected " + times.length + " like neuron " + neurons[0]);
                }
                values[k] = r.stream().mapToDouble(x -> x[1]).toArray();
                th[k] = thresholds.getOrDefault(pop, Map.of()).getOrDefault(neurons[k], Double.NaN);
            }
            out.add(new MembraneTrace(pop, neurons, th, times, values));
        });
        return out;
    }

    private static List<WeightTrace> readWeights(Path dir, JsonNode summary) {
        Path file = dir.resolve(WEIGHTS);
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Map<Double, List<double[]>>> rows = new LinkedHashMap<>();
        for (String[] row : csv(file, "projection,pre,post,time_ms,weight")) {
            rows.computeIfAbsent(row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(parseTime(file, row, 3), k -> new ArrayList<>())
                    .add(new double[] {parseIndex(file, row, 1), parseIndex(file, row, 2),
                            parseNumber(file, row, 4, "weight")});
        }
        List<WeightTrace> out = new ArrayList<>();
        rows.forEach((proj, byTime) -> {
            double[] times = byTime.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            List<double[]> first = byTime.get(times[0]);
            int[] pre = first.stream().mapToInt(r -> (int) r[0]).toArray();
            int[] post = first.stream().mapToInt(r -> (int) r[1]).toArray();
            double[][] w = new double[times.length][];
            for (int s = 0; s < times.length; s++) {
                List<double[]> r = byTime.get(times[s]);
                if (r.size() != pre.length) {
                    throw new RecordingFormatException(file + ": projection " + proj + " has " + r.size()
                            + " weights at " + times[s] + " ms; expected " + pre.length);
                }
                w[s] = r.stream().mapToDouble(x -> x[2]).toArray();
            }
            String prePop = "";
            String postPop = "";
            if (summary != null) {
                for (JsonNode n : summary.path("weights")) {
                    if (n.path("projection").asText().equals(proj)) {
                        prePop = n.path("pre").asText();
                        postPop = n.path("post").asText();
                    }
                }
            }
            out.add(new WeightTrace(proj, prePop, postPop, pre, post, times, w));
        });
        return out;
    }

    private static List<String[]> csv(Path file, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(header)) {
            throw new RecordingFormatException(file + ": line 1: expected the header '" + header + "'");
        }
        int columns = header.split(",").length;
        List<String[]> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != columns) {
                throw new RecordingFormatException(file + ": line " + (i + 1) + ": expected " + columns
                        + " fields (" + header + "), found " + f.length);
            }
            f[f.length - 1] = f[f.length - 1] + "\u0000" + (i + 1); // keep the line number for messages
            rows.add(f);
        }
        return rows;
    }

    private static String field(String[] row, int k) {
        String s = row[k];
        int z = s.indexOf('\u0000');
        return z < 0 ? s : s.substring(0, z);
    }

    private static String lineOf(String[] row) {
        String s = row[row.length - 1];
        return s.substring(s.indexOf('\u0000') + 1);
    }

    private static int parseIndex(Path file, String[] row, int k) {
        try {
            int v = Integer.parseInt(field(row, k).trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RecordingFormatException(file + ": line " + lineOf(row) + ": '" + field(row, k)
                    + "' is not a neuron index (expected an integer >= 0)");
        }
    }

    private static double parseTime(Path file, String[] row, int k) {
        double t = parseNumber(file, row, k, "time_ms");
        if (t < 0) {
            throw new RecordingFormatException(file + ": line " + lineOf(row) + ": time " + t + " ms; expected >= 0");
        }
        return t;
    }

    private static double parseNumber(Path file, String[] row, int k, String name) {
        try {
            double v = Double.parseDouble(field(row, k).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RecordingFormatException(file + ": line " + lineOf(row) + ": " + name + " '" + field(row, k)
                    + "' is not a finite number");
        }
    }
}
