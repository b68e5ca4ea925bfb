package org.engram.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.engram.simulator.EngramVersion;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.error.UserError;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.transceiver.BoardAddress;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;

/**
 * One simulation driven by PyNN's {@code pyNN.engram} backend over the line protocol of
 * {@code engram pynn-server} (pynn/README.md documents it): one JSON object per request line, one
 * JSON object per reply line. Numeric arrays travel as base64 of little-endian values, their
 * format in the field's name ({@code times_ms_f8}: float64, {@code neurons_i4}: int32).
 *
 * <p>A request that fails is answered {@code {"ok": false, "kind": "user"|"internal", "error": ...}}
 * and leaves the server as it was; the server ends at {@code end} or at the end of the input.
 */
final class PynnServer {
    /** The protocol's version, sent in the greeting; the Python side refuses another. */
    static final int PROTOCOL = 1;
    /** The most characters of one request line: a network of a few million connections. */
    static final int MAX_LINE_CHARS = 1 << 30;

    /** A board's SCAMP and boot UDP ports, as {@code engram deploy} has them by default. */
    static final int SCAMP_PORT = 17893;
    static final int BOOT_PORT = 54321;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> OPS = Set.of("build", "run", "spikes", "v", "weights", "connections", "deploy",
            "end");

    /** The simulation of the last build; null before it, and on a board. */
    private Simulation simulation;
    /** The recording of a deployment: one run per setup there. */
    private Recording deployed;

    /** Serves requests from {@code in} until {@code end} or the end of the input. */
    void serve(BufferedReader in, PrintStream out) throws IOException {
        out.println(greeting());
        out.flush();
        int lineNumber = 0;
        for (String line; (line = in.readLine()) != null;) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode reply;
            boolean end = false;
            try {
                JsonNode request = parse(line, lineNumber);
                end = "end".equals(request.path("op").asText());
                reply = handle(request);
            } catch (RuntimeException e) {
                reply = failure(e);
            }
            out.println(reply.toString());
            out.flush();
            if (end) {
                return;
            }
        }
    }

    static String greeting() {
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", true);
        o.put("protocol", PROTOCOL);
        o.put("engram", EngramVersion.current());
        return o.toString();
    }

    private static JsonNode parse(String line, int lineNumber) {
        if (line.length() > MAX_LINE_CHARS) {
            throw new ProtocolException("line " + lineNumber + " holds " + line.length() + " characters; expected at most "
                    + MAX_LINE_CHARS);
        }
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("line " + lineNumber + " is not a JSON object: "
                    + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new ProtocolException("line " + lineNumber + " is not a JSON object; expected {\"op\": ...}");
        }
        return request;
    }

    /** Answers one request. */
    ObjectNode handle(JsonNode request) {
        String op = text(request, "op");
        if (!OPS.contains(op)) {
            throw new ProtocolException("unknown op '" + op + "'; expected one of " + new java.util.TreeSet<>(OPS));
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("ok", true);
        switch (op) {
            case "build" -> {
                Network net = network(request);
                Mode mode = Mode.byName(text(request, "mode"));
                simulation = Simulator.create(net, mode, positive(request, "dt_ms"));
                deployed = null;
                var warnings = reply.putArray("warnings");
                simulation.warnings().forEach(warnings::add);
            }
            case "run" -> {
                double ms = nonNegative(request, "ms");
                if (deployed != null) {
                    throw new ProtocolException("a deployed network runs once per setup(); call setup() again");
                }
                built().run(ms);
                reply.put("t_ms", built().timeMs());
            }
            case "deploy" -> {
                Network net = network(request);
                double ms = nonNegative(request, "ms");
                deployed = deploy(net, ms, positive(request, "dt_ms"), request.path("host").asText(null),
                        request.path("port").asInt(SCAMP_PORT));
                simulation = null;
                reply.put("t_ms", ms);
            }
            case "spikes" -> {
                PopulationSpikes s = recording().spikes(text(request, "population"));
                reply.put("neurons_i4", ints(s.neurons()));
                reply.put("times_ms_f8", doubles(s.timesMs()));
            }
            case "v" -> {
                MembraneTrace m = recording().membrane(text(request, "population"));
                double[][] values = m.values();
                double[] flat = new double[values.length * m.timesMs().length];
                for (int k = 0; k < values.length; k++) {
                    System.arraycopy(values[k], 0, flat, k * values[k].length, values[k].length);
                }
                reply.put("neurons_i4", ints(m.neurons()));
                reply.put("times_ms_f8", doubles(m.timesMs()));
                reply.put("values_mv_f8", doubles(flat));
            }
            case "weights" -> reply.put("weights_f8", doubles(built().weights(text(request, "projection"))));
            case "connections" -> {
                int[][] c = built().connections(text(request, "projection"));
                reply.put("pre_i4", ints(c[0]));
                reply.put("post_i4", ints(c[1]));
            }
            case "end" -> { }
            default -> throw new IllegalStateException(op);
        }
        return reply;
    }

    private Simulation built() {
        if (simulation == null) {
            throw new ProtocolException(deployed != null ? "a deployed network has no weights or connections to read"
                    : "no network yet; send build first");
        }
        return simulation;
    }

    private Recording recording() {
        if (deployed != null) {
            return deployed;
        }
        return built().recording();
    }

    /** Double the deployment's run time, and a minute more, before the run is given up. */
    private static Recording deploy(Network net, double ms, double dtMs, String host, int port) {
        Deployment.Options options = new Deployment.Options(Deployment.Options.defaults(dtMs).neuronsPerCore(), dtMs,
                Deployment.Options.DEFAULT_APP_ID, null, Duration.ofMillis((long) (2 * ms) + 60_000));
        try (BoardEmulator emulated = host == null ? BoardEmulator.start(EngramApplication.register(
                EmulatorOptions.ephemeral().withBoards(1)), line -> { }) : null) {
            List<BoardAddress> boards = emulated != null ? DeployCommand.addresses(emulated)
                    : List.of(new BoardAddress(ChipLocation.ZERO, host, port));
            try (Transceiver tx = Transceiver.connect(boards, BOOT_PORT, RetryPolicy.DEFAULT,
                    line -> { })) {
                Machine machine = Deployment.machineOf(tx.discoverMachine());
                Deployment.Plan plan = Deployment.plan(net, machine, options, ms);
                return Deployment.run(tx, plan, options, line -> { }).recording();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while deploying");
        }
    }

    private static Network network(JsonNode request) {
        JsonNode n = request.get("network");
        if (n == null || !n.isObject()) {
            throw new ProtocolException("field 'network' is missing or not an object; expected a JSON network");
        }
        return NetworkJson.read(n, "network");
    }

    static ObjectNode failure(Throwable e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", false);
        boolean user = ErrorReport.isUserError(e);
        o.put("kind", user ? "user" : "internal");
        o.put("error", user ? ErrorReport.messageOf(e) : e.getClass().getName() + ": " + e.getMessage());
        return o;
    }

    private static String text(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || !n.isTextual()) {
            throw new ProtocolException("field '" + field + "' is missing or not a string");
        }
        return n.asText();
    }

    private static double number(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new ProtocolException("field '" + field + "' is missing or not a finite number");
        }
        return n.asDouble();
    }

    private static double positive(JsonNode request, String field) {
        double v = number(request, field);
        if (!(v > 0)) {
            throw new ProtocolException("field '" + field + "' is " + v + "; expected a number > 0");
        }
        return v;
    }

    private static double nonNegative(JsonNode request, String field) {
        double v = number(request, field);
        if (v < 0) {
            throw new ProtocolException("field '" + field + "' is " + v + "; expected a number >= 0");
        }
        return v;
    }

    static String doubles(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** A request the protocol does not allow: the client's error, answered with kind "user". */
    static final class ProtocolException extends RuntimeException implements UserError {
        ProtocolException(String message) {
            super("pynn-server: " + message);
        }
    }
}
