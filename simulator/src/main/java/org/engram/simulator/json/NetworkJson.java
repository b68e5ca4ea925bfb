package org.engram.simulator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.engram.simulator.EngramVersion;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.connector.FixedNumberPre;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.CurrentInjection;
import org.engram.simulator.network.CurrentSource;
import org.engram.simulator.network.DCSource;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.PopulationView;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.Selection;
import org.engram.simulator.network.StepCurrentSource;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.Param;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.SynapseType;
import org.engram.simulator.synapse.WeightDependence;

/**
 * Reads and writes networks as JSON (the format is documented in the README). Every error names
 * the file, and the JSON path or the line and column, and what was expected, in the format's own
 * terms; reading either returns a complete, validated {@link Network} or throws
 * {@link NetworkFormatException}.
 *
 * <p>A file names its version in {@code "format": "engram-network/N"}; {@link #write} always does,
 * and a file without it is read as version 1. A newer version is refused, naming the one this
 * Engram reads.
 */
public final class NetworkJson {
    /** The version of the format this Engram reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The value of the {@code format} field, less its version. */
    public static final String FORMAT_NAME = "engram-network/";
    public static final String FORMAT = FORMAT_NAME + FORMAT_VERSION;

    /**
     * NaN and Infinity are parsed as numbers so that the reader can reject them at their JSON path
     * ({@link Reader#number}); text after the network is an error, not ignored.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern SLICE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\-]*)\\[(-?\\d+):(-?\\d+)]");
    private static final Pattern VERSIONED = Pattern.compile(Pattern.quote(FORMAT_NAME) + "([0-9]{1,9})");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\):? ?(.*)",
            Pattern.DOTALL);
    private static final Set<String> TOP = Set.of("format", "run_ms", "timestep_ms", "seed", "populations",
            "projections", "current_sources");
    private static final Set<String> POPULATION = Set.of("label", "size", "model", "params", "reset", "initial",
            "record", "record_interval_ms");
    private static final Set<String> PROJECTION = Set.of("label", "pre", "post", "connector", "synapse", "receptor",
            "record_weights");

    private static final Set<String> DC_SOURCE = Set.of("type", "amplitude", "start", "stop", "inject_into");
    private static final Set<String> STEP_CURRENT_SOURCE = Set.of("type", "times", "amplitudes", "inject_into");

    private NetworkJson() {}

    /** Reads a network file. */
    public static Network read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NetworkFormatException(file.toString(), "$", "no such file");
        } catch (IOException e) {
            throw new NetworkFormatException(file.toString(), "$", "cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses a network from JSON text; {@code source} names it in messages. */
    public static Network parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new NetworkFormatException(source, where, "not valid JSON: " + syntaxError(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new NetworkFormatException(source, "$", "the file is empty; expected a JSON object");
        }
        return new Reader(source).network(root);
    }

    /**
     * Reads a network from a JSON tree already parsed (a network inside a larger message);
     * {@code source} names it in messages.
     */
    public static Network read(JsonNode root, String source) {
        return new Reader(source).network(root);
    }

    /** What is wrong with the text, in JSON's terms rather than the parser's. */
    static String syntaxError(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonStreamContext context = e.getProcessor() instanceof JsonParser p ? p.getParsingContext() : null;
        if (e instanceof JsonEOFException eof) {
            if (eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING || original.contains("closing quote")) {
                return "the file ends inside a string";
            }
            if (context != null && (context.inObject() || context.inArray())) {
                // the context of an unfinished field or element is the object or array holding it
                var start = context.startLocation(null);
                return "the file ends inside " + (context.inObject() ? "an object" : "an array")
                        + (start == null || start.getLineNr() < 1 ? ""
                                : " (opened at line " + start.getLineNr() + ", column " + start.getColumnNr() + ")");
            }
            return "the file ends early";
        }
        Matcher m = UNRECOGNIZED.matcher(original);
        if (m.matches()) {
            return "'" + m.group(1) + "' is not a JSON value; expected a number, a string in double quotes, true, "
                    + "false, null, an object or an array";
        }
        m = UNEXPECTED.matcher(original);
        if (m.matches()) {
            String rest = m.group(2);
            String expected = rest.contains("double-quote to start field name") ? "a field name in double quotes"
                    : rest.contains("comma to separate Object entries") ? "',' or '}' after a field"
                    : rest.contains("comma to separate Array entries") ? "',' or ']' after an element"
                    : rest.contains("colon to separate field name and value") ? "':' after a field name"
                    : rest.contains("valid value") ? "a value"
                    : "valid JSON";
            return "unexpected '" + m.group(1) + "'; expected " + expected;
        }
        if (original.startsWith("Trailing token")) {
            return "text after the end of the network's object; expected nothing more";
        }
        if (original.contains("Leading zeroes")) {
            return "a number starts with 0; write it without leading zeroes";
        }
        // anything else: the parser's first clause, without its advice on parser settings
        String first = original.lines().findFirst().orElse("").replaceAll(" *\\(?[Ee]nable `.*", "")
                .replaceAll(" *\\(?[Ss]tart marker.*", "").replaceAll(" *\\[?Source:.*", "");
        return first.isEmpty() ? "malformed JSON" : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /** Writes a network as JSON text. */
    public static String write(Network net) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("run_ms", net.runMs());
        root.put("timestep_ms", net.timestepMs());
        root.put("seed", net.seed());
        ArrayNode pops = root.putArray("populations");
        for (Population p : net.populations()) {
            ObjectNode o = pops.addObject();
            o.put("label", p.label());
            o.put("size", p.size());
            o.put("model", p.cellType().modelName());
            ObjectNode params = o.putObject("params");
            if (p.cellType() instanceof SpikeSourceArray a) {
                ArrayNode lists = params.putArray("spike_times");
                a.spikeTimes().forEach(t -> {
                    ArrayNode l = lists.addArray();
                    for (double x : t) {
                        l.add(x);
                    }
                });
            } else {
                StandardCell cell = (StandardCell) p.cellType();
                cell.params().forEach((k, v) -> putParam(params, k, v));
                if (cell.reset() != Reset.SET) {
                    o.put("reset", cell.reset().jsonName());
                }
            }
            if (!p.initial().isEmpty()) {
                ObjectNode init = o.putObject("initial");
                p.initial().forEach((k, v) -> {
                    if (v.fixed() != null) {
                        putParam(init, k, v.fixed());
                    } else {
                        init.set(k, value(v.random()));
                    }
                });
            }
            ArrayNode rec = o.putArray("record");
            if (p.record().spikes()) {
                rec.add("spikes");
            }
            if (p.record().v()) {
                rec.add("v");
                if (p.record().vIntervalMs() > 0) {
                    o.put("record_interval_ms", p.record().vIntervalMs());
                }
            }
        }
        ArrayNode projs = root.putArray("projections");
        for (Projection pr : net.projections()) {
            ObjectNode o = projs.addObject();
            o.put("label", pr.label());
            o.set("pre", selection(pr.pre()));
            o.set("post", selection(pr.post()));
            o.set("connector", connector(pr.connector()));
            o.set("synapse", synapse(pr.synapse()));
            o.put("receptor", pr.receptor().name());
            if (pr.recordWeights() != null) {
                ObjectNode w = o.putObject("record_weights");
                if (pr.recordWeights().timesMs() != null) {
                    ArrayNode t = w.putArray("times");
                    for (double x : pr.recordWeights().timesMs()) {
                        t.add(x);
                    }
                } else {
                    w.put("interval_ms", pr.recordWeights().intervalMs());
                }
            }
        }
        if (!net.currentSources().isEmpty()) {
            ArrayNode currents = root.putArray("current_sources");
            for (CurrentInjection c : net.currentSources()) {
                currents.add(currentSource(c));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putParam(ObjectNode o, String name, Param p) {
        if (p.isHomogeneous()) {
            o.put(name, p.at(0));
        } else {
            ArrayNode a = o.putArray(name);
            for (double x : p.values()) {
                a.add(x);
            }
        }
    }

    private static JsonNode selection(Selection s) {
        if (s instanceof Population p) {
            return JSON.getNodeFactory().textNode(p.label());
        }
        PopulationView v = (PopulationView) s;
        if (v.isSlice()) {
            return JSON.getNodeFactory().textNode(v.describe());
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("population", v.parent().label());
        ArrayNode idx = o.putArray("indices");
        for (int i : v.indices()) {
            idx.add(i);
        }
        return o;
    }

    private static JsonNode currentSource(CurrentInjection c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", c.source().typeName());
        if (c.source() instanceof DCSource dc) {
            o.put("amplitude", dc.amplitude());
            o.put("start", dc.start());
            if (dc.stop() != Double.POSITIVE_INFINITY) {
                o.put("stop", dc.stop());
            }
        } else {
            StepCurrentSource step = (StepCurrentSource) c.source();
            ArrayNode times = o.putArray("times");
            ArrayNode amplitudes = o.putArray("amplitudes");
            for (int i = 0; i < step.times().length; i++) {
                times.add(step.times()[i]);
                amplitudes.add(step.amplitudes()[i]);
            }
        }
        o.set("inject_into", selection(c.cells()));
        return o;
    }

    private static JsonNode connector(Connector c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", c.typeName());
        if (c instanceof AllToAll a) {
            o.put("allow_self_connections", a.allowSelfConnections());
        } else if (c instanceof FixedProbability f) {
            o.put("p_connect", f.p());
            o.put("allow_self_connections", f.allowSelfConnections());
        } else if (c instanceof FixedNumberPre f) {
            o.put("n", f.n());
            o.put("allow_self_connections", f.allowSelfConnections());
        } else if (c instanceof FromList l) {
            ArrayNode list = o.putArray("connections");
            for (FromList.Connection k : l.connections()) {
                ArrayNode row = list.addArray();
                row.add(k.pre());
                row.add(k.post());
                if (!Double.isNaN(k.weight()) || !Double.isNaN(k.delay())) {
                    addOrNull(row, k.weight());
                    addOrNull(row, k.delay());
                }
            }
        }
        return o;
    }

    private static JsonNode synapse(SynapseType s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", s.typeName());
        if (s instanceof STDPMechanism m) {
            ObjectNode t = o.putObject("timing_dependence");
            SpikePairRule r = m.timing_dependence();
            t.put("type", "SpikePairRule");
            t.put("tau_plus", r.tau_plus());
            t.put("tau_minus", r.tau_minus());
            t.put("A_plus", r.A_plus());
            t.put("A_minus", r.A_minus());
            ObjectNode w = o.putObject("weight_dependence");
            w.put("type", m.weight_dependence().typeName());
            w.put("w_min", m.weight_dependence().w_min());
            w.put("w_max", m.weight_dependence().w_max());
        }
        o.set("weight", value(s.weight()));
        if (s.delay() != null) {
            o.set("delay", value(s.delay()));
        }
        return o;
    }

    private static JsonNode value(Value v) {
        if (v instanceof Value.Constant c) {
            return JSON.getNodeFactory().numberNode(c.value());
        }
        ObjectNode o = JSON.createObjectNode();
        if (v instanceof Value.Uniform u) {
            o.put("distribution", "uniform");
            o.put("low", u.low());
            o.put("high", u.high());
        } else if (v instanceof Value.Normal n) {
            o.put("distribution", "normal");
            o.put("mu", n.mu());
            o.put("sigma", n.sigma());
        } else if (v instanceof Value.NormalClipped n) {
            o.put("distribution", "normal_clipped");
            o.put("mu", n.mu());
            o.put("sigma", n.sigma());
            o.put("low", n.low());
            o.put("high", n.high());
        }
        return o;
    }

    private static void addOrNull(ArrayNode row, double x) {
        if (Double.isNaN(x)) {
            row.addNull();
        } else {
            row.add(x);
        }
    }

    /** Reads the tree, tracking the JSON path for messages. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        private NetworkFormatException error(String path, String message) {
            return new NetworkFormatException(source, path, message);
        }

        Network network(JsonNode root) {
            object(root, "$");
            if (root.has("format")) {
                format(root.get("format"), "$.format");
            }
            keys(root, "$", TOP);
            long seed = root.has("seed") ? integer(root.get("seed"), "$.seed") : 1;
            double dt = root.has("timestep_ms") ? positive(root.get("timestep_ms"), "$.timestep_ms")
                    : Network.DEFAULT_TIMESTEP_MS;
            double run = root.has("run_ms") ? nonNegative(root.get("run_ms"), "$.run_ms") : 0;
            JsonNode popsNode = required(root, "populations", "$");
            array(popsNode, "$.populations");
            Map<String, Population> pops = new LinkedHashMap<>();
            long neurons = 0;
            for (int k = 0; k < popsNode.size(); k++) {
                String path = "$.populations[" + k + "]";
                Population p = population(popsNode.get(k), path);
                if (pops.put(p.label(), p) != null) {
                    throw error(path + ".label", "duplicate label '" + p.label() + "'; labels must be unique");
                }
                neurons += p.size();
                if (neurons > Network.MAX_NEURONS) {
                    throw error(path + ".size", "the populations up to this one hold " + neurons
                            + " neurons; a network holds at most " + Network.MAX_NEURONS);
                }
            }
            List<Projection> projections = new ArrayList<>();
            JsonNode projNode = root.get("projections");
            if (projNode != null) {
                array(projNode, "$.projections");
                for (int k = 0; k < projNode.size(); k++) {
                    projections.add(projection(projNode.get(k), "$.projections[" + k + "]", pops));
                }
            }
            List<CurrentInjection> currents = new ArrayList<>();
            JsonNode currentsNode = root.get("current_sources");
            if (currentsNode != null) {
                array(currentsNode, "$.current_sources");
                for (int k = 0; k < currentsNode.size(); k++) {
                    currents.add(currentSource(currentsNode.get(k), "$.current_sources[" + k + "]", pops));
                }
            }
            try {
                return new Network(seed, dt, run, new ArrayList<>(pops.values()), projections, currents);
            } catch (InvalidNetworkException e) {
                throw error("$", e.getMessage());
            }
        }

        private Population population(JsonNode n, String path) {
            object(n, path);
            keys(n, path, POPULATION);
            String label = text(required(n, "label", path), path + ".label");
            long size = integer(required(n, "size", path), path + ".size");
            if (size <= 0 || size > Network.MAX_NEURONS) {
                throw error(path + ".size", "size is " + size + "; expected a positive number of neurons"
                        + (size > 0 ? ", at most " + Network.MAX_NEURONS : ""));
            }
            String model = text(required(n, "model", path), path + ".model");
            JsonNode params = n.get("params");
            CellType cell;
            try {
                if (model.equals("SpikeSourceArray")) {
                    cell = spikeSourceArray(params, path + ".params");
                    if (n.has("reset")) {
                        throw error(path + ".reset", "a SpikeSourceArray has no membrane to reset; remove the field");
                    }
                } else {
                    StandardModel m;
                    try {
                        m = StandardModel.byName(model);
                    } catch (InvalidNetworkException e) {
                        throw error(path + ".model", e.getMessage());
                    }
                    Map<String, Param> values = new LinkedHashMap<>();
                    if (params != null) {
                        object(params, path + ".params");
                        for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
                            String name = it.next();
                            String ppath = path + ".params." + name;
                            if (!m.parameters().containsKey(name)) {
                                throw error(ppath, "unknown parameter of " + model + "; expected one of "
                                        + String.join(", ", m.parameters().keySet()));
                            }
                            values.put(name, param(params.get(name), ppath));
                        }
                    }
                    cell = withReset(new StandardCell(m, values), n.get("reset"), path + ".reset");
                }
                Population p = new Population(label, (int) size, cell);
                JsonNode init = n.get("initial");
                if (init != null) {
                    object(init, path + ".initial");
                    for (Iterator<String> it = init.fieldNames(); it.hasNext();) {
                        String name = it.next();
                        String ipath = path + ".initial." + name;
                        if (!(cell instanceof StandardCell sc) || !sc.model().initialValues().containsKey(name)) {
                            throw error(ipath, "unknown initial value of " + model + "; expected one of "
                                    + (cell instanceof StandardCell sc2 && !sc2.model().initialValues().isEmpty()
                                            ? String.join(", ", sc2.model().initialValues().keySet())
                                            : "(none: a spike source has no state)"));
                        }
                        JsonNode v = init.get(name);
                        p = p.initialize(name, v.isObject() ? InitialValue.of(value(v, ipath))
                                : InitialValue.of(param(v, ipath)));
                    }
                }
                boolean spikes = false;
                boolean vrec = false;
                JsonNode rec = n.get("record");
                if (rec != null) {
                    array(rec, path + ".record");
                    for (int k = 0; k < rec.size(); k++) {
                        String what = text(rec.get(k), path + ".record[" + k + "]");
                        switch (what) {
                            case "spikes" -> spikes = true;
                            case "v" -> vrec = true;
                            default -> throw error(path + ".record[" + k + "]", "unknown recordable '" + what
                                    + "'; expected spikes or v");
                        }
                    }
                }
                double interval = n.has("record_interval_ms")
                        ? positive(n.get("record_interval_ms"), path + ".record_interval_ms") : 0;
                return p.recording(spikes, vrec, interval);
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

        /** The cell with the population's reset: {@code "set"} (also when absent) or {@code "subtract"}. */
        private StandardCell withReset(StandardCell cell, JsonNode n, String path) {
            if (n == null) {
                return cell;
            }
            String name = text(n, path);
            try {
                return cell.withReset(Reset.byJsonName(name));
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

                private SpikeSourceArray spikeSourceArray(JsonNode params, String path) {
            if (params == null) {
                throw error(path, "SpikeSourceArray needs params.spike_times");
            }
            object(params, path);
            keys(params, path, Set.of("spike_times"));
            JsonNode st = required(params, "spike_times", path);
            String spath = path + ".spike_times";
            array(st, spath);
            List<double[]> lists = new ArrayList<>();
            if (st.size() > 0 && st.get(0).isArray()) {
                for (int k = 0; k < st.size(); k++) {
                    lists.add(times(st.get(k), spath + "[" + k + "]"));
                }
            } else {
                lists.add(times(st, spath));
            }
            return new SpikeSourceArray(lists);
        }

        private double[] times(JsonNode n, String path) {
            array(n, path);
            double[] t = new double[n.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = nonNegative(n.get(k), path + "[" + k + "]");
            }
            return t;
        }

        /** A DCSource or StepCurrentSource and the cells it goes into ({@code inject_into}). */
        private CurrentInjection currentSource(JsonNode n, String path, Map<String, Population> pops) {
            object(n, path);
            String type = text(required(n, "type", path), path + ".type");
            CurrentSource source;
            try {
                switch (type) {
                    case "DCSource" -> {
                        keys(n, path, DC_SOURCE);
                        double stop = n.has("stop") && !n.get("stop").isNull() ? number(n.get("stop"), path + ".stop")
                                : DCSource.DEFAULT_STOP;
                        source = new DCSource(opt(n, "amplitude", DCSource.DEFAULT_AMPLITUDE, path),
                                opt(n, "start", DCSource.DEFAULT_START, path), stop);
                    }
                    case "StepCurrentSource" -> {
                        keys(n, path, STEP_CURRENT_SOURCE);
                        double[] times = numbers(required(n, "times", path), path + ".times");
                        double[] amplitudes = numbers(required(n, "amplitudes", path), path + ".amplitudes");
                        source = new StepCurrentSource(times, amplitudes);
                    }
                    default -> throw error(path + ".type", "unknown current source '" + type
                            + "'; expected DCSource or StepCurrentSource");
                }
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
            Selection cells = selection(required(n, "inject_into", path), path + ".inject_into", pops);
            try {
                return source.injectInto(cells);
            } catch (InvalidNetworkException e) {
                throw error(path + ".inject_into", e.getMessage());
            }
        }

        private double[] numbers(JsonNode n, String path) {
            array(n, path);
            double[] v = new double[n.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = number(n.get(k), path + "[" + k + "]");
            }
            return v;
        }

        private Projection projection(JsonNode n, String path, Map<String, Population> pops) {
            object(n, path);
            keys(n, path, PROJECTION);
            Selection pre = selection(required(n, "pre", path), path + ".pre", pops);
            Selection post = selection(required(n, "post", path), path + ".post", pops);
            Connector connector = connector(required(n, "connector", path), path + ".connector");
            SynapseType synapse = synapse(required(n, "synapse", path), path + ".synapse");
            Receptor receptor = Receptor.excitatory;
            if (n.has("receptor")) {
                try {
                    receptor = Receptor.byName(text(n.get("receptor"), path + ".receptor"));
                } catch (InvalidNetworkException e) {
                    throw error(path + ".receptor", e.getMessage());
                }
            }
            Projection.WeightRecording rw = null;
            if (n.has("record_weights")) {
                JsonNode w = n.get("record_weights");
                String wpath = path + ".record_weights";
                object(w, wpath);
                keys(w, wpath, Set.of("interval_ms", "times"));
                rw = w.has("times") ? Projection.WeightRecording.at(times(w.get("times"), wpath + ".times"))
                        : Projection.WeightRecording.every(positive(required(w, "interval_ms", wpath), wpath + ".interval_ms"));
            }
            String label = n.has("label") ? text(n.get("label"), path + ".label") : null;
            try {
                return new Projection(label, pre, post, connector, synapse, receptor, rw);
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

        private Selection selection(JsonNode n, String path, Map<String, Population> pops) {
            try {
                if (n.isTextual()) {
                    String s = n.asText();
                    Matcher m = SLICE.matcher(s);
                    if (m.matches()) {
                        return population(m.group(1), path, pops).slice(Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                    }
                    return population(s, path, pops);
                }
                if (n.isObject()) {
                    keys(n, path, Set.of("population", "indices"));
                    Population p = population(text(required(n, "population", path), path + ".population"), path, pops);
                    JsonNode idx = required(n, "indices", path);
                    array(idx, path + ".indices");
                    int[] indices = new int[idx.size()];
                    for (int k = 0; k < indices.length; k++) {
                        indices[k] = int32(idx.get(k), path + ".indices[" + k + "]");
                    }
                    return p.view(indices);
                }
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
            throw error(path, "expected a population label, 'label[start:stop]' or {\"population\": label, \"indices\": [...]}");
        }

        private Population population(String label, String path, Map<String, Population> pops) {
            Population p = pops.get(label);
            if (p == null) {
                throw error(path, "no population '" + label + "'; expected one of " + pops.keySet());
            }
            return p;
        }

        private Connector connector(JsonNode n, String path) {
            object(n, path);
            String type = text(required(n, "type", path), path + ".type");
            boolean self = !n.has("allow_self_connections") || bool(n.get("allow_self_connections"),
                    path + ".allow_self_connections");
            try {
                switch (type) {
                    case "OneToOne" -> {
                        keys(n, path, Set.of("type"));
                        return new OneToOne();
                    }
                    case "AllToAll" -> {
                        keys(n, path, Set.of("type", "allow_self_connections"));
                        return new AllToAll(self);
                    }
                    case "FixedProbability" -> {
                        keys(n, path, Set.of("type", "p_connect", "allow_self_connections"));
                        double p = number(required(n, "p_connect", path), path + ".p_connect");
                        if (!(p >= 0 && p <= 1)) {
                            throw error(path + ".p_connect", p + " is not a probability; expected a value in [0, 1]");
                        }
                        return new FixedProbability(p, self);
                    }
                    case "FixedNumberPre" -> {
                        keys(n, path, Set.of("type", "n", "allow_self_connections"));
                        return new FixedNumberPre(int32(required(n, "n", path), path + ".n"), self);
                    }
                    case "FromList" -> {
                        keys(n, path, Set.of("type", "connections"));
                        JsonNode list = required(n, "connections", path);
                        array(list, path + ".connections");
                        List<FromList.Connection> conns = new ArrayList<>();
                        for (int k = 0; k < list.size(); k++) {
                            String cpath = path + ".connections[" + k + "]";
                            JsonNode row = list.get(k);
                            array(row, cpath);
                            if (row.size() != 2 && row.size() != 4) {
                                throw error(cpath, "expected [i, j] or [i, j, weight, delay]");
                            }
                            double w = row.size() == 4 && !row.get(2).isNull() ? number(row.get(2), cpath + "[2]") : Double.NaN;
                            double d = row.size() == 4 && !row.get(3).isNull() ? number(row.get(3), cpath + "[3]") : Double.NaN;
                            if (!Double.isNaN(d) && !(d > 0)) {
                                throw error(cpath + "[3]", "delay " + d + " ms; expected a delay > 0");
                            }
                            if (!Double.isNaN(w) && w < 0) {
                                throw error(cpath + "[2]", "weight " + w + "; expected >= 0 (use receptor inhibitory)");
                            }
                            conns.add(new FromList.Connection(int32(row.get(0), cpath + "[0]"),
                                    int32(row.get(1), cpath + "[1]"), w, d));
                        }
                        return new FromList(conns);
                    }
                    default -> throw error(path + ".type", "unknown connector '" + type
                            + "'; expected one of OneToOne, AllToAll, FixedProbability, FixedNumberPre, FromList");
                }
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

        private SynapseType synapse(JsonNode n, String path) {
            object(n, path);
            String type = text(required(n, "type", path), path + ".type");
            Value weight = n.has("weight") ? value(n.get("weight"), path + ".weight") : Value.of(0.0);
            Value delay = n.has("delay") ? value(n.get("delay"), path + ".delay") : null;
            if (delay != null && delay.lowerBound() <= 0 && !(delay instanceof Value.Normal)) {
                throw error(path + ".delay", "delay must be > 0 ms; got " + delay);
            }
            try {
                switch (type) {
                    case "StaticSynapse" -> {
                        keys(n, path, Set.of("type", "weight", "delay"));
                        return new StaticSynapse(weight, delay);
                    }
                    case "STDPMechanism" -> {
                        keys(n, path, Set.of("type", "weight", "delay", "timing_dependence", "weight_dependence"));
                        JsonNode t = required(n, "timing_dependence", path);
                        String tpath = path + ".timing_dependence";
                        object(t, tpath);
                        keys(t, tpath, Set.of("type", "tau_plus", "tau_minus", "A_plus", "A_minus"));
                        String tt = t.has("type") ? text(t.get("type"), tpath + ".type") : "SpikePairRule";
                        if (!tt.equals("SpikePairRule")) {
                            throw error(tpath + ".type", "unknown timing dependence '" + tt + "'; expected SpikePairRule");
                        }
                        SpikePairRule d = new SpikePairRule();
                        SpikePairRule rule = new SpikePairRule(opt(t, "tau_plus", d.tau_plus(), tpath),
                                opt(t, "tau_minus", d.tau_minus(), tpath), opt(t, "A_plus", d.A_plus(), tpath),
                                opt(t, "A_minus", d.A_minus(), tpath));
                        JsonNode w = required(n, "weight_dependence", path);
                        String wpath = path + ".weight_dependence";
                        object(w, wpath);
                        keys(w, wpath, Set.of("type", "w_min", "w_max"));
                        String wt = text(required(w, "type", wpath), wpath + ".type");
                        double wMin = opt(w, "w_min", 0.0, wpath);
                        double wMax = opt(w, "w_max", 1.0, wpath);
                        WeightDependence dep = switch (wt) {
                            case "AdditiveWeightDependence" -> new WeightDependence.AdditiveWeightDependence(wMin, wMax);
                            case "MultiplicativeWeightDependence" ->
                                new WeightDependence.MultiplicativeWeightDependence(wMin, wMax);
                            default -> throw error(wpath + ".type", "unknown weight dependence '" + wt
                                    + "'; expected AdditiveWeightDependence or MultiplicativeWeightDependence");
                        };
                        return new STDPMechanism(rule, dep, weight, delay);
                    }
                    default -> throw error(path + ".type", "unknown synapse type '" + type
                            + "'; expected StaticSynapse or STDPMechanism");
                }
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

        private double opt(JsonNode n, String name, double dflt, String path) {
            return n.has(name) ? number(n.get(name), path + "." + name) : dflt;
        }

        private Param param(JsonNode n, String path) {
            if (n.isArray()) {
                double[] v = numbers(n, path);
                if (v.length == 0) {
                    throw error(path, "expected a number or a non-empty array of numbers");
                }
                return Param.perNeuron(v);
            }
            return Param.of(number(n, path));
        }

        private Value value(JsonNode n, String path) {
            if (!n.isObject()) {
                return Value.of(number(n, path));
            }
            String dist = text(required(n, "distribution", path), path + ".distribution");
            try {
                return switch (dist) {
                    case "uniform" -> {
                        keys(n, path, Set.of("distribution", "low", "high"));
                        yield new Value.Uniform(number(required(n, "low", path), path + ".low"),
                                number(required(n, "high", path), path + ".high"));
                    }
                    case "normal" -> {
                        keys(n, path, Set.of("distribution", "mu", "sigma"));
                        yield new Value.Normal(number(required(n, "mu", path), path + ".mu"),
                                number(required(n, "sigma", path), path + ".sigma"));
                    }
                    case "normal_clipped" -> {
                        keys(n, path, Set.of("distribution", "mu", "sigma", "low", "high"));
                        yield new Value.NormalClipped(number(required(n, "mu", path), path + ".mu"),
                                number(required(n, "sigma", path), path + ".sigma"),
                                number(required(n, "low", path), path + ".low"),
                                number(required(n, "high", path), path + ".high"));
                    }
                    default -> throw error(path + ".distribution", "unknown distribution '" + dist
                            + "'; expected uniform, normal or normal_clipped");
                };
            } catch (InvalidNetworkException e) {
                throw error(path, e.getMessage());
            }
        }

        private void keys(JsonNode n, String path, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw error(path + "." + k, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private JsonNode required(JsonNode n, String field, String path) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw error(path + "." + field, "missing");
            }
            return v;
        }

        private void object(JsonNode n, String path) {
            if (n == null || !n.isObject()) {
                throw error(path, "expected a JSON object");
            }
        }

        private void array(JsonNode n, String path) {
            if (!n.isArray()) {
                throw error(path, "expected a JSON array");
            }
        }

        private String text(JsonNode n, String path) {
            if (!n.isTextual()) {
                throw error(path, "expected a string; got " + n);
            }
            return n.asText();
        }

        private boolean bool(JsonNode n, String path) {
            if (!n.isBoolean()) {
                throw error(path, "expected true or false; got " + n);
            }
            return n.asBoolean();
        }

        private double number(JsonNode n, String path) {
            if (n.isTextual() && List.of("NaN", "Infinity", "-Infinity", "nan", "inf", "-inf").contains(n.asText())) {
                throw error(path, n.asText() + " is not a number this format accepts; expected a finite number");
            }
            if (!n.isNumber()) {
                throw error(path, "expected a number; got " + n);
            }
            double v = n.asDouble();
            if (!Double.isFinite(v)) {
                throw error(path, v + " is not a number this format accepts; expected a finite number");
            }
            return v;
        }

        /** A whole number, checked as written before it is narrowed to a long. */
        private long integer(JsonNode n, String path) {
            if (!n.isIntegralNumber()) {
                throw error(path, "expected an integer; got " + (n.isNumber() ? n.asText() : n.toString()));
            }
            if (!n.canConvertToLong()) {
                throw error(path, n + " is too large; expected an integer from " + Long.MIN_VALUE + " to "
                        + Long.MAX_VALUE);
            }
            return n.asLong();
        }

        /** A whole number that must fit an int: an index or a count. */
        private int int32(JsonNode n, String path) {
            long v = integer(n, path);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error(path, v + " is too large; expected an integer from " + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE);
            }
            return (int) v;
        }

        /** Checks the format's name and version: this Engram reads version 1 and older. */
        private void format(JsonNode n, String path) {
            Matcher m = n.isTextual() ? VERSIONED.matcher(n.asText()) : null;
            if (m == null || !m.matches()) {
                throw error(path, "expected \"" + FORMAT + "\"; got " + n);
            }
            int version = Integer.parseInt(m.group(1));
            if (version > FORMAT_VERSION) {
                throw error(path, n.asText() + " is newer than this Engram (" + EngramVersion.current()
                        + ") reads; it reads " + FORMAT + ". Use a newer Engram");
            }
            if (version < 1) {
                throw error(path, "expected \"" + FORMAT + "\"; got " + n);
            }
        }

        private double positive(JsonNode n, String path) {
            double v = number(n, path);
            if (!(v > 0)) {
                throw error(path, v + "; expected a positive number");
            }
            return v;
        }

        private double nonNegative(JsonNode n, String path) {
            double v = number(n, path);
            if (v < 0) {
                throw error(path, v + "; expected a number >= 0");
            }
            return v;
        }
    }
}
