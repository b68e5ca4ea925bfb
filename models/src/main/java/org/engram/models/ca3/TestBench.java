package org.engram.models.ca3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A test bench in the original JSON form: the input spike times of every cue and content neuron
 * and the simulated time.
 *
 * <pre>
 *   {"simTime": 90, "cueSize": 5, "contSize": 10,
 *    "cue":  [[0, 1, 2, 30], [], ...],        cueSize lists of times in ms
 *    "cont": [[0, 1, 2, 50], [0, 1, 2], ...]} contSize lists of times in ms
 * </pre>
 *
 * {@code cueSize} and {@code contSize} are optional (inferred from the lists; checked when given);
 * the original's {@code numOperations} is accepted and ignored. Times are finite, in
 * {@code [0, simTime)}; each list is sorted when read. Immutable: accessors return copies.
 *
 * @param simTimeMs the run length in ms
 * @param cue spike times per cue neuron (at least one neuron)
 * @param cont spike times per content neuron (at least one neuron)
 */
public record TestBench(double simTimeMs, List<double[]> cue, List<double[]> cont) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("simTime", "cueSize", "contSize", "cue", "cont", "numOperations");

    public TestBench {
        String src = "test bench";
        if (!(simTimeMs > 0) || Double.isInfinite(simTimeMs)) {
            throw new TestBenchFormatException(src, "$.simTime", simTimeMs + " is not a run length; expected a finite time > 0 ms");
        }
        cue = copy(src, "cue", cue, simTimeMs);
        cont = copy(src, "cont", cont, simTimeMs);
    }

    private static List<double[]> copy(String src, String field, List<double[]> lists, double simTime) {
        if (lists == null || lists.isEmpty()) {
            throw new TestBenchFormatException(src, "$." + field, "expected at least one list of spike times");
        }
        List<double[]> out = new ArrayList<>(lists.size());
        for (int i = 0; i < lists.size(); i++) {
            double[] t = lists.get(i).clone();
            for (int k = 0; k < t.length; k++) {
                if (!Double.isFinite(t[k]) || t[k] < 0 || t[k] >= simTime) {
                    throw new TestBenchFormatException(src, "$." + field + "[" + i + "][" + k + "]", t[k]
                            + " is not a spike time of this bench; expected a time in [0, simTime = " + simTime + ") ms");
                }
            }
            Arrays.sort(t);
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** C, the number of memories (cue neurons). */
    public int cueSize() {
        return cue.size();
    }

    /** N, the number of content bits. */
    public int contSize() {
        return cont.size();
    }

    @Override
    public List<double[]> cue() {
        return Arrays.asList(cueTimes());
    }

    @Override
    public List<double[]> cont() {
        return Arrays.asList(contTimes());
    }

    /** The cue spike times, one array per cue neuron (copies). */
    public double[][] cueTimes() {
        return cue.stream().map(double[]::clone).toArray(double[][]::new);
    }

    /** The content spike times, one array per content neuron (copies). */
    public double[][] contTimes() {
        return cont.stream().map(double[]::clone).toArray(double[][]::new);
    }

    /** Reads a bench file; a malformed one raises {@link TestBenchFormatException} naming file and field. */
    public static TestBench read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses bench JSON; {@code source} names it in error messages. */
    public static TestBench parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TestBenchFormatException(source, "$", "not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new TestBenchFormatException(source, "$", "expected a JSON object {\"simTime\", \"cue\", \"cont\"}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new TestBenchFormatException(source, "$." + k, "unknown field; expected one of "
                        + "simTime, cueSize, contSize, cue, cont, numOperations");
            }
        }
        JsonNode sim = root.get("simTime");
        if (sim == null || !sim.isNumber() || !(sim.asDouble() > 0) || Double.isInfinite(sim.asDouble())) {
            throw new TestBenchFormatException(source, "$.simTime", (sim == null ? "missing" : sim + " is not valid")
                    + "; expected the run length, a number > 0 (ms)");
        }
        double simTime = sim.asDouble();
        List<double[]> cue = lists(source, root, "cue", "cueSize", simTime);
        List<double[]> cont = lists(source, root, "cont", "contSize", simTime);
        return new TestBench(simTime, cue, cont); // every rule of the record was checked above, naming the file
    }

    private static List<double[]> lists(String source, JsonNode root, String field, String sizeField, double simTime) {
        JsonNode arr = root.get(field);
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new TestBenchFormatException(source, "$." + field, (arr == null ? "missing" : "found " + kind(arr))
                    + "; expected a non-empty array with one array of spike times (ms) per " + field + " neuron");
        }
        JsonNode size = root.get(sizeField);
        if (size != null && (!size.canConvertToInt() || !size.isIntegralNumber() || size.asInt() != arr.size())) {
            throw new TestBenchFormatException(source, "$." + sizeField, size + " does not match $." + field
                    + ", which has " + arr.size() + " lists; expected " + arr.size() + " or no " + sizeField);
        }
        List<double[]> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode times = arr.get(i);
            if (!times.isArray()) {
                throw new TestBenchFormatException(source, "$." + field + "[" + i + "]", "found " + kind(times)
                        + "; expected an array of spike times (ms)");
            }
            double[] t = new double[times.size()];
            for (int k = 0; k < t.length; k++) {
                JsonNode x = times.get(k);
                if (!x.isNumber() || !Double.isFinite(x.asDouble()) || x.asDouble() < 0 || x.asDouble() >= simTime) {
                    throw new TestBenchFormatException(source, "$." + field + "[" + i + "][" + k + "]", x
                            + " is not a spike time of this bench; expected a number in [0, simTime = "
                            + fmt(simTime) + ") ms");
                }
                t[k] = x.asDouble();
            }
            out.add(t);
        }
        return out;
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an empty array" : n.isObject() ? "an object" : n.isTextual() ? "the string " + n
                : n.toString();
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }

    /** This bench as JSON in the original form, with the sizes; whole-ms times print as integers. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        if (simTimeMs == Math.rint(simTimeMs)) {
            root.put("simTime", (long) simTimeMs);
        } else {
            root.put("simTime", simTimeMs);
        }
        root.put("cueSize", cueSize());
        root.put("contSize", contSize());
        put(root.putArray("cue"), cue);
        put(root.putArray("cont"), cont);
        return root.toString();
    }

    private static void put(ArrayNode arr, List<double[]> lists) {
        for (double[] t : lists) {
            ArrayNode a = arr.addArray();
            for (double x : t) {
                if (x == Math.rint(x)) {
                    a.add((long) x);
                } else {
                    a.add(x);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TestBench b) || b.simTimeMs != simTimeMs || b.cue.size() != cue.size()
                || b.cont.size() != cont.size()) {
            return false;
        }
        for (int i = 0; i < cue.size(); i++) {
            if (!Arrays.equals(cue.get(i), b.cue.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < cont.size(); i++) {
            if (!Arrays.equals(cont.get(i), b.cont.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(simTimeMs);
        for (double[] t : cue) {
            h = 31 * h + Arrays.hashCode(t);
        }
        for (double[] t : cont) {
            h = 31 * h + Arrays.hashCode(t);
        }
        return h;
    }
}
