package org.engram.simulator.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engram.simulator.EngramVersion;
import org.engram.simulator.record.RecordingLayout.PopulationLayout;
import org.engram.simulator.record.RecordingLayout.ProjectionLayout;

/**
 * A run directory on disk, the exchange format between runs, plots and comparisons:
 * <ul>
 *   <li>{@code spikes.csv}: header {@code population,neuron,time_ms}, one spike a row, sorted by
 *       time, then population (network order), then neuron; times print with
 *       {@link Double#toString}, which round-trips exactly.</li>
 *   <li>{@code v.csv} (when v was recorded): {@code population,neuron,time_ms,v}, population after
 *       population, neuron after neuron, sample after sample.</li>
 *   <li>{@code v-POP.npy} per population recording v: the same samples as NumPy's float64 array of
 *       shape (samples, 1 + neurons), row after row: column 0 is the time in ms, column 1 + k the v
 *       in mV of the population's k-th recorded neuron ({@code summary.json}'s
 *       {@code membranes[].neurons[k]}); see {@link Npy}.</li>
 *   <li>{@code weights.csv} (when weights were recorded): {@code projection,pre,post,time_ms,weight}.</li>
 *   <li>{@code summary.json}: the Engram version that wrote it, the run's figures, each
 *       population's size, model, spike count and mean rate, the recorded neurons' thresholds, the
 *       projections' end points, and {@code files}: every file the run wrote into the directory.</li>
 * </ul>
 * {@link RecordingWriter} writes them as a run goes, and {@link #write} from a {@link Recording}
 * through it. Reading takes only the files that {@code files} lists, when the summary has the list:
 * a file that an earlier run left in the directory is not this run's.
 */
public final class RecordingFiles {
    public static final String SPIKES = "spikes.csv";
    public static final String MEMBRANES = "v.csv";
    public static final String WEIGHTS = "weights.csv";
    public static final String SUMMARY = "summary.json";
    static final String SPIKES_HEADER = "population,neuron,time_ms";
    static final String MEMBRANES_HEADER = "population,neuron,time_ms,v";
    static final String WEIGHTS_HEADER = "projection,pre,post,time_ms,weight";
    /** The summary's list of the files a run wrote. */
    public static final String FILES = "files";
    /** Rows read at once from a .npy file. */
    private static final int NPY_READ_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordingFiles() {}

    /** Population facts the summary carries beside the recording. */
    public record PopulationInfo(String label, int size, String model) {}

    /**
     * A recording read back from a run directory, with the summary's population facts; its membrane
     * traces are those the selection asked for.
     */
    public record RunDirectory(Path dir, Recording recording, List<PopulationInfo> populations, JsonNode summary) {
        /** The files the summary lists as the run's, or null when it has no list (older run directories). */
        public List<String> files() {
            return listed(summary) == null ? null : List.copyOf(listed(summary));
        }

        /** Whether {@code name} belongs to the run: listed, or present when there is no list. */
        public boolean has(String name) {
            return RecordingFiles.has(dir, listed(summary), name);
        }
    }

    /** The file of a population's v as a NumPy array. */
    public static String npyName(String population) {
        return "v-" + population + ".npy";
    }

    /**
     * About how many bytes v.csv takes for {@code samples} samples of {@code neurons} neurons of a
     * population of {@code size}: a row is the label, the index, the time and v (about 18
     * characters, as {@link Double#toString} writes a potential).
     */
    public static long membraneCsvBytes(String population, int size, long neurons, long samples) {
        double bytes = (double) samples * neurons * (population.length() + Integer.toString(size).length() + 34);
        return (long) Math.min(Long.MAX_VALUE, bytes);
    }

    /** The bytes of a population's v-POP.npy: the header and 8 for each time and each neuron's v. */
    public static long npyBytes(long neurons, long samples) {
        return (long) Math.min(Long.MAX_VALUE, Npy.HEADER_BYTES + (double) samples * (neurons + 1) * Double.BYTES);
    }

    /** About how many bytes weights.csv takes for {@code samples} samples of a projection's connections. */
    public static long weightCsvBytes(String projection, long connections, long samples) {
        return (long) Math.min(Long.MAX_VALUE, (double) samples * connections * (projection.length() + 44));
    }

    /** Writes a recording into {@code dir} (created if needed) and returns the files written. */
    public static List<Path> write(Path dir, Recording rec, List<PopulationInfo> populations) throws IOException {
        RecordingLayout layout = layoutOf(rec, populations);
        try (RecordingWriter w = RecordingWriter.open(dir, layout)) {
            replay(rec, layout, w);
            return w.finish(rec.stats());
        }
    }

    private static RecordingLayout layoutOf(Recording rec, List<PopulationInfo> populations) {
        List<PopulationLayout> pops = new ArrayList<>();
        for (PopulationInfo p : populations) {
            boolean spikes = rec.spikes().stream().anyMatch(s -> s.population().equals(p.label()));
            MembraneTrace m = rec.membranes().stream().filter(x -> x.population().equals(p.label())).findFirst()
                    .orElse(null);
            pops.add(new PopulationLayout(p.label(), p.size(), p.model(), spikes,
                    m == null ? new int[0] : m.neurons(), m == null ? new double[0] : m.thresholdsMv()));
        }
        for (String label : rec.spikes().stream().map(PopulationSpikes::population).toList()) {
            if (pops.stream().noneMatch(p -> p.label().equals(label))) {
                throw new IllegalArgumentException("spikes of '" + label + "', which is not among the populations "
                        + populations.stream().map(PopulationInfo::label).toList());
            }
        }
        List<ProjectionLayout> projections = rec.weights().stream().map(w -> new ProjectionLayout(w.projection(),
                w.prePopulation(), w.postPopulation(), w.pre(), w.post())).toList();
        return new RecordingLayout(pops, projections);
    }

    /** Feeds a recording to a sink in the order a run would: spikes by time, then population. */
    private static void replay(Recording rec, RecordingLayout layout, RecordingSink sink) {
        List<PopulationSpikes> spikes = new ArrayList<>();
        int[] index = new int[layout.populations().size()];
        for (int k = 0; k < index.length; k++) {
            String label = layout.populations().get(k).label();
            index[k] = -1;
            for (int s = 0; s < rec.spikes().size(); s++) {
                if (rec.spikes().get(s).population().equals(label)) {
                    index[k] = spikes.size();
                    spikes.add(rec.spikes().get(s));
                }
            }
        }
        int[] population = new int[spikes.size()];
        for (int k = 0; k < index.length; k++) {
            if (index[k] >= 0) {
                population[index[k]] = k;
            }
        }
        int[] cursor = new int[spikes.size()];
        while (true) {
            int best = -1;
            for (int p = 0; p < spikes.size(); p++) {
                if (cursor[p] < spikes.get(p).count()
                        && (best < 0 || spikes.get(p).timeMs(cursor[p]) < spikes.get(best).timeMs(cursor[best]))) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            PopulationSpikes s = spikes.get(best);
            double t = s.timeMs(cursor[best]);
            while (cursor[best] < s.count() && s.timeMs(cursor[best]) == t) {
                sink.spike(population[best], s.neuron(cursor[best]++), t);
            }
        }
        for (int k = 0; k < layout.populations().size(); k++) {
            String label = layout.populations().get(k).label();
            for (MembraneTrace m : rec.membranes()) {
                if (m.population().equals(label)) {
                    double[] times = m.timesMs();
                    double[][] values = m.values();
                    double[] row = new double[values.length];
                    for (int s = 0; s < times.length; s++) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = values[i][s];
                        }
                        sink.membrane(k, times[s], row);
                    }
                }
            }
        }
        for (int k = 0; k < rec.weights().size(); k++) {
            WeightTrace w = rec.weights().get(k);
            double[] times = w.timesMs();
            for (int s = 0; s < times.length; s++) {
                sink.weights(k, times[s], w.at(s));
            }
        }
    }

    /** The summary of a run: its figures, populations, recorded neurons and projections, and files. */
    static ObjectNode summary(RecordingLayout layout, RunStats st, long[] spikeCounts, List<String> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("engram_version", EngramVersion.current());
        root.put("mode", st.mode());
        root.put("dt_ms", st.dtMs());
        root.put("simulated_ms", st.simulatedMs());
        // the clock's nanoseconds are noise below this
        root.put("wall_s", Math.round(st.wallSeconds() * 1e6) / 1e6);
        root.put("neurons", st.neurons());
        root.put("synapses", st.synapses());
        root.put("spikes", st.spikes());
        root.put("events_processed", st.eventsProcessed());
        root.put("synaptic_events", st.synapticEvents());
        ArrayNode pops = root.putArray("populations");
        for (int k = 0; k < layout.populations().size(); k++) {
            PopulationLayout p = layout.populations().get(k);
            ObjectNode o = pops.addObject();
            o.put("label", p.label());
            o.put("size", p.size());
            o.put("model", p.model());
            o.put("recorded_spikes", p.spikes());
            if (p.spikes()) {
                o.put("spikes", spikeCounts[k]);
                o.put("rate_hz", st.simulatedMs() <= 0 ? 0 : spikeCounts[k] / (p.size() * st.simulatedMs() / 1000.0));
            }
        }
        ArrayNode mem = root.putArray("membranes");
        for (PopulationLayout p : layout.populations()) {
            if (p.v()) {
                ObjectNode o = mem.addObject();
                o.put("population", p.label());
                ArrayNode n = o.putArray("neurons");
                Arrays.stream(p.vNeurons()).forEach(n::add);
                ArrayNode th = o.putArray("v_thresh");
                Arrays.stream(p.vThresholdsMv()).forEach(th::add);
                o.put("file", npyName(p.label()));
            }
        }
        ArrayNode ws = root.putArray("weights");
        for (ProjectionLayout t : layout.projections()) {
            if (t.weights()) {
                ObjectNode o = ws.addObject();
                o.put("projection", t.label());
                o.put("pre", t.prePopulation());
                o.put("post", t.postPopulation());
            }
        }
        ArrayNode list = root.putArray(FILES);
        files.forEach(list::add);
        return root;
    }

    static String summaryJson(ObjectNode summary) throws IOException {
        return JSON.writeValueAsString(summary) + "\n";
    }

    /**
     * Adds files to the list in {@code dir}'s summary.json (rewritten whole, through a temporary
     * file): files written beside the recording, such as the network, the plots or the report.
     */
    public static void listFiles(Path dir, List<String> names) throws IOException {
        Path file = dir.resolve(SUMMARY);
        JsonNode summary = readSummary(file);
        if (!(summary instanceof ObjectNode root)) {
            throw new RecordingFormatException(file + ": no summary to list the files in");
        }
        Set<String> all = new LinkedHashSet<>();
        Set<String> old = listed(root);
        if (old != null) {
            all.addAll(old);
        }
        names.forEach(name -> all.add(fileName(JSON.getNodeFactory().textNode(name))));
        ArrayNode list = root.putArray(FILES);
        all.forEach(list::add);
        Path tmp = dir.resolve(SUMMARY + ".part");
        Files.writeString(tmp, summaryJson(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The files a run directory's summary lists as its run's, or null when it has no summary or no
     * list. Only plain names count: a listed path that leaves the directory is refused.
     */
    public static Set<String> listedFiles(Path dir) {
        return listed(readSummary(dir.resolve(SUMMARY)));
    }

    private static Set<String> listed(JsonNode summary) {
        if (summary == null || !summary.path(FILES).isArray()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode n : summary.get(FILES)) {
            names.add(fileName(n));
        }
        return names;
    }

    /** A listed name: a file right inside the run directory, never a path leading elsewhere. */
    private static String fileName(JsonNode n) {
        String name = n.asText("");
        if (!n.isTextual() || name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..")) {
            throw new RecordingFormatException(SUMMARY + ": $." + FILES + ": " + n
                    + " is not the name of a file in the run directory");
        }
        return name;
    }

    private static boolean has(Path dir, Set<String> listed, String name) {
        return (listed == null || listed.contains(name)) && Files.exists(dir.resolve(name));
    }

    /** {@link #read(Path, MembraneSelection)} of every v sample. */
    public static RunDirectory read(Path dir) {
        return read(dir, MembraneSelection.ALL);
    }

    /**
     * Reads a run directory, the membrane traces as {@code selection} asks; errors name the file and
     * line. Of v, the .npy files are read where the summary names them (only the rows and columns
     * selected), else v.csv.
     */
    public static RunDirectory read(Path dir, MembraneSelection selection) {
        if (!Files.isDirectory(dir)) {
            throw new RecordingFormatException(dir + ": not a run directory (expected a folder holding " + SPIKES + ")");
        }
        JsonNode summary = readSummary(dir.resolve(SUMMARY));
        Set<String> listed = listed(summary);
        List<PopulationInfo> pops = new ArrayList<>();
        Map<String, Boolean> recordedSpikes = new LinkedHashMap<>();
        if (summary != null) {
            for (JsonNode p : summary.path("populations")) {
                if (!p.path("label").isTextual() || !p.path("size").canConvertToInt() || p.path("size").asInt() <= 0) {
                    throw new RecordingFormatException(dir.resolve(SUMMARY) + ": $.populations[" + pops.size()
                            + "]: expected a label and a positive size");
                }
                pops.add(new PopulationInfo(p.get("label").asText(), p.get("size").asInt(), p.path("model").asText("")));
                recordedSpikes.put(p.get("label").asText(), p.path("recorded_spikes").asBoolean(true));
            }
        }
        List<PopulationSpikes> spikes = readSpikes(dir.resolve(SPIKES), summary != null, pops, recordedSpikes);
        List<MembraneTrace> membranes = readMembranes(dir, listed, summary, selection);
        List<WeightTrace> weights = has(dir, listed, WEIGHTS) ? readWeights(dir.resolve(WEIGHTS), summary) : List.of();
        RunStats stats = summary == null ? new RunStats("unknown", 0, lastTime(spikes), 0,
                pops.stream().mapToInt(PopulationInfo::size).sum(), 0,
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

    /**
     * spikes.csv by population, each sorted by time, then neuron. Without a summary the
     * populations are those the file names, each as large as its highest neuron index.
     */
    private static List<PopulationSpikes> readSpikes(Path file, boolean summarized, List<PopulationInfo> pops,
            Map<String, Boolean> recordedSpikes) {
        Map<String, Columns> rows = new LinkedHashMap<>();
        forEachRow(file, SPIKES_HEADER, (f, line) -> rows.computeIfAbsent(f[0], k -> new Columns(2))
                .add(parseIndex(file, line, f[1]), parseTime(file, line, f[2])));
        if (!summarized) {
            rows.forEach((label, c) -> {
                int size = (int) Arrays.stream(c.column(0)).max().orElse(0) + 1;
                pops.add(new PopulationInfo(label, size, ""));
            });
        }
        for (String label : rows.keySet()) {
            if (pops.stream().noneMatch(p -> p.label().equals(label))) {
                throw new RecordingFormatException(file + ": population '" + label + "' is not listed in " + SUMMARY);
            }
        }
        List<PopulationSpikes> spikes = new ArrayList<>();
        for (PopulationInfo p : pops) {
            Columns c = rows.getOrDefault(p.label(), new Columns(2));
            c.sortBy(1, 0);
            int[] n = Arrays.stream(c.column(0)).mapToInt(x -> (int) x).toArray();
            for (int k : n) {
                if (k >= p.size()) {
                    throw new RecordingFormatException(file + ": neuron " + k + " of " + p.label()
                            + " is out of range; the population has " + p.size() + " neurons");
                }
            }
            if (n.length > 0 || recordedSpikes.getOrDefault(p.label(), true)) {
                spikes.add(new PopulationSpikes(p.label(), p.size(), n, c.column(1)));
            }
        }
        return spikes;
    }

    private static List<MembraneTrace> readMembranes(Path dir, Set<String> listed, JsonNode summary,
            MembraneSelection selection) {
        List<JsonNode> described = new ArrayList<>();
        if (summary != null) {
            summary.path("membranes").forEach(described::add);
        }
        boolean npy = !described.isEmpty() && described.stream()
                .allMatch(m -> m.path("file").isTextual() && has(dir, listed, m.path("file").asText()));
        if (npy) {
            List<MembraneTrace> out = new ArrayList<>();
            for (JsonNode m : described) {
                if (selection.readsPopulation(m.path("population").asText())) {
                    out.add(readNpy(dir.resolve(m.path("file").asText()), m, selection));
                }
            }
            return out;
        }
        return has(dir, listed, MEMBRANES) ? readMembraneCsv(dir.resolve(MEMBRANES), summary, selection) : List.of();
    }

    /** The neurons a summary's membrane entry lists, and their thresholds (NaN where unknown). */
    private static double[][] neuronsAndThresholds(JsonNode m) {
        int n = m.path("neurons").size();
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = m.path("neurons").get(k).asInt();
            out[1][k] = m.path("v_thresh").path(k).asDouble(Double.NaN);
        }
        return out;
    }

    /** One population's selected v from its .npy file, reading only the rows of the window. */
    private static MembraneTrace readNpy(Path file, JsonNode m, MembraneSelection selection) {
        String label = m.path("population").asText();
        double[][] described = neuronsAndThresholds(m);
        int[] recorded = Arrays.stream(described[0]).mapToInt(x -> (int) x).toArray();
        try (FileChannel in = FileChannel.open(file)) {
            Npy.Shape shape = Npy.readHeader(in, file);
            if (shape.columns() != recorded.length + 1) {
                throw new RecordingFormatException(file + ": " + shape.columns() + " columns; expected the time and "
                        + recorded.length + " neurons, as " + SUMMARY + " lists");
            }
            int[] chosen = selection.positions(recorded);
            long first = firstRowFrom(in, shape, selection.fromMs());
            long end = firstRowAfter(in, shape, selection.toMs());
            Decimation d = new Decimation(end - first, chosen.length, selection.maxSamples());
            int rowsAtOnce = (int) Math.max(1, NPY_READ_BYTES / ((long) shape.columns() * Double.BYTES));
            ByteBuffer buf = ByteBuffer.allocate(rowsAtOnce * shape.columns() * Double.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] row = new double[chosen.length];
            for (long r = first; r < end; r += rowsAtOnce) {
                int n = (int) Math.min(rowsAtOnce, end - r);
                readFully(in, buf, shape.valueOffset(r, 0), n * shape.columns() * Double.BYTES, file);
                for (int i = 0; i < n; i++) {
                    int base = i * shape.columns() * Double.BYTES;
                    for (int k = 0; k < chosen.length; k++) {
                        row[k] = buf.getDouble(base + (1 + chosen[k]) * Double.BYTES);
                    }
                    d.add(buf.getDouble(base), row);
                }
            }
            return d.trace(label, pick(recorded, chosen), pick(described[1], chosen));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The first row at or after {@code t}, less one (the sample before the window), by bisection on the times. */
    private static long firstRowFrom(FileChannel in, Npy.Shape shape, double t) throws IOException {
        long lo = 0;
        long hi = shape.rows();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeAt(in, shape, mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.max(0, lo - 1);
    }

    /** The end (exclusive) of the rows up to {@code t}, and one more (the sample after the window). */
    private static long firstRowAfter(FileChannel in, Npy.Shape shape, double t) throws IOException {
        long lo = 0;
        long hi = shape.rows();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeAt(in, shape, mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(shape.rows(), lo + 1);
    }

    private static double timeAt(FileChannel in, Npy.Shape shape, long row) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, b, shape.valueOffset(row, 0), Double.BYTES, null);
        return b.getDouble(0);
    }

    private static void readFully(FileChannel in, ByteBuffer b, long at, int bytes, Path file) throws IOException {
        b.clear().limit(bytes);
        while (b.hasRemaining()) {
            if (in.read(b, at + b.position()) < 0) {
                throw new RecordingFormatException(file + ": ends before the samples its header promises");
            }
        }
    }

    private static int[] pick(int[] a, int[] positions) {
        return Arrays.stream(positions).map(k -> a[k]).toArray();
    }

    private static double[] pick(double[] a, int[] positions) {
        return Arrays.stream(positions).mapToDouble(k -> a[k]).toArray();
    }

    /** v.csv, keeping only the selected neurons' rows, then the window and at most the samples selected. */
    private static List<MembraneTrace> readMembraneCsv(Path file, JsonNode summary, MembraneSelection selection) {
        Map<String, Map<Integer, Double>> thresholds = new LinkedHashMap<>();
        if (summary != null) {
            for (JsonNode m : summary.path("membranes")) {
                double[][] nt = neuronsAndThresholds(m);
                Map<Integer, Double> th = new LinkedHashMap<>();
                for (int k = 0; k < nt[0].length; k++) {
                    th.put((int) nt[0][k], nt[1][k]);
                }
                thresholds.put(m.path("population").asText(), th);
            }
        }
        // per population, the neurons met so far and those kept: the named ones, or the first met
        Map<String, Set<Integer>> met = new LinkedHashMap<>();
        Map<String, Set<Integer>> kept = new LinkedHashMap<>();
        Map<String, Map<Integer, Columns>> series = grouped(file, MEMBRANES_HEADER, (f, line) -> {
            if (!selection.readsPopulation(f[0])) {
                return null;
            }
            int neuron = parseIndex(file, line, f[1]);
            Set<Integer> keep = kept.computeIfAbsent(f[0], k -> new LinkedHashSet<>());
            if (met.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).add(neuron)
                    && (selection.neurons().isEmpty() ? keep.size() < selection.firstNeurons()
                            : selection.neurons().contains(neuron))) {
                keep.add(neuron);
            }
            return keep.contains(neuron) ? neuron : null;
        }, (f, line) -> new double[] {parseTime(file, line, f[2]), parseNumber(file, line, f[3], "v")});
        List<MembraneTrace> out = new ArrayList<>();
        series.forEach((pop, byNeuron) -> {
            int[] neurons = byNeuron.keySet().stream().mapToInt(Integer::intValue).toArray();
            sameLengths(file, pop, byNeuron, "neuron", "samples");
            double[] times = byNeuron.get(neurons[0]).column(0);
            int from = 0;
            while (from < times.length && times[from] < selection.fromMs()) {
                from++;
            }
            int to = times.length;
            while (to > 0 && times[to - 1] > selection.toMs()) {
                to--;
            }
            from = Math.max(0, from - 1);
            to = Math.min(times.length, to + 1);
            Decimation d = new Decimation(Math.max(0, to - from), neurons.length, selection.maxSamples());
            double[][] v = new double[neurons.length][];
            for (int k = 0; k < neurons.length; k++) {
                v[k] = byNeuron.get(neurons[k]).column(1);
            }
            double[] row = new double[neurons.length];
            for (int s = from; s < to; s++) {
                for (int k = 0; k < neurons.length; k++) {
                    row[k] = v[k][s];
                }
                d.add(times[s], row);
            }
            double[] th = Arrays.stream(neurons)
                    .mapToDouble(n -> thresholds.getOrDefault(pop, Map.of()).getOrDefault(n, Double.NaN)).toArray();
            out.add(d.trace(pop, neurons, th));
        });
        return out;
    }

    private static List<WeightTrace> readWeights(Path file, JsonNode summary) {
        Map<String, Map<Double, Columns>> series = grouped(file, WEIGHTS_HEADER,
                (f, line) -> parseTime(file, line, f[3]), (f, line) -> new double[] {parseIndex(file, line, f[1]),
                    parseIndex(file, line, f[2]), parseNumber(file, line, f[4], "weight")});
        List<WeightTrace> out = new ArrayList<>();
        series.forEach((proj, byTime) -> {
            double[] times = byTime.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            sameLengths(file, proj, byTime, "time", "weights");
            Columns first = byTime.get(times[0]);
            int[] pre = Arrays.stream(first.column(0)).mapToInt(x -> (int) x).toArray();
            int[] post = Arrays.stream(first.column(1)).mapToInt(x -> (int) x).toArray();
            double[][] w = new double[times.length][];
            for (int s = 0; s < times.length; s++) {
                w[s] = byTime.get(times[s]).column(2);
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

    /**
     * The rows of v.csv or weights.csv as series: by their first column (a population or a
     * projection), then by a key ({@code key} returns null for rows to skip), each series' values in
     * columns, in the order of the file.
     */
    private static <K> Map<String, Map<K, Columns>> grouped(Path file, String header, RowFunction<K> key,
            RowFunction<double[]> values) {
        Map<String, Map<K, Columns>> series = new LinkedHashMap<>();
        forEachRow(file, header, (f, line) -> {
            K k = key.apply(f, line);
            if (k != null) {
                double[] v = values.apply(f, line);
                series.computeIfAbsent(f[0], x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new Columns(v.length))
                        .add(v);
            }
        });
        return series;
    }

    /** Every series of a group as long as the first: a neuron's samples, or a time's weights. */
    private static <K> void sameLengths(Path file, String group, Map<K, Columns> series, String keyName,
            String rowName) {
        K first = series.keySet().iterator().next();
        int expected = series.get(first).size();
        series.forEach((k, c) -> {
            if (c.size() != expected) {
                throw new RecordingFormatException(file + ": " + keyName + " " + k + " of " + group + " has " + c.size()
                        + " " + rowName + "; expected " + expected + " like " + keyName + " " + first);
            }
        });
    }

    @FunctionalInterface
    private interface RowFunction<T> {
        T apply(String[] fields, long line);
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(String[] fields, long line);
    }

    /** Reads a CSV file line by line (never whole): checks the header and each row's field count. */
    private static void forEachRow(Path file, String header, RowConsumer rows) {
        int columns = header.split(",").length;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.trim().equals(header)) {
                throw new RecordingFormatException(file + ": line 1: expected the header '" + header + "'");
            }
            long line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                text = text.trim();
                if (text.isEmpty()) {
                    continue;
                }
                String[] f = text.split(",", -1);
                if (f.length != columns) {
                    throw new RecordingFormatException(file + ": line " + line + ": expected " + columns
                            + " fields (" + header + "), found " + f.length);
                }
                rows.accept(f, line);
            }
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int parseIndex(Path file, long line, String field) {
        try {
            int v = Integer.parseInt(field.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RecordingFormatException(file + ": line " + line + ": '" + field
                    + "' is not a neuron index (expected an integer >= 0)");
        }
    }

    private static double parseTime(Path file, long line, String field) {
        double t = parseNumber(file, line, field, "time_ms");
        if (t < 0) {
            throw new RecordingFormatException(file + ": line " + line + ": time " + t + " ms; expected >= 0");
        }
        return t;
    }

    private static double parseNumber(Path file, long line, String field, String name) {
        try {
            double v = Double.parseDouble(field.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RecordingFormatException(file + ": line " + line + ": " + name + " '" + field
                    + "' is not a finite number");
        }
    }

    /** Rows of a few numbers each, in growable primitive columns. */
    private static final class Columns {
        private double[][] c;
        private int size;

        Columns(int width) {
            c = new double[width][16];
        }

        void add(double... row) {
            if (size == c[0].length) {
                for (int k = 0; k < c.length; k++) {
                    c[k] = Arrays.copyOf(c[k], size * 2);
                }
            }
            for (int k = 0; k < c.length; k++) {
                c[k][size] = row[k];
            }
            size++;
        }

        int size() {
            return size;
        }

        double[] column(int k) {
            return Arrays.copyOf(c[k], size);
        }

        /** Sorts the rows by column {@code a}, then {@code b}, unless they are in that order already. */
        void sortBy(int a, int b) {
            boolean sorted = true;
            for (int r = 1; r < size && sorted; r++) {
                sorted = c[a][r - 1] < c[a][r] || (c[a][r - 1] == c[a][r] && c[b][r - 1] <= c[b][r]);
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            Arrays.setAll(order, r -> r);
            Arrays.sort(order, (x, y) -> c[a][x] != c[a][y] ? Double.compare(c[a][x], c[a][y])
                    : Double.compare(c[b][x], c[b][y]));
            for (int k = 0; k < c.length; k++) {
                double[] col = new double[c[k].length];
                for (int r = 0; r < size; r++) {
                    col[r] = c[k][order[r]];
                }
                c[k] = col;
            }
        }
    }
}
