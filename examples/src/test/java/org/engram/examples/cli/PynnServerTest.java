package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line protocol of {@code engram pynn-server}: one reply line per request line, arrays as
 * base64 of little-endian values, refusals as {@code ok: false} that leave the server usable.
 */
class PynnServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Neuron 0 under 1 nA into PyNN's default cell, no input: its first spike at 20 ln 4 ms. */
    private static final String NETWORK = "{\"populations\":[{\"label\":\"a\",\"size\":2,\"model\":\"IF_curr_exp\","
            + "\"params\":{\"i_offset\":[1.0,0.0]},\"record\":[\"spikes\"]},{\"label\":\"s\",\"size\":1,"
            + "\"model\":\"SpikeSourceArray\",\"params\":{\"spike_times\":[[1.0]]}}],\"projections\":[{\"label\":\"p\","
            + "\"pre\":\"s\",\"post\":\"a\",\"connector\":{\"type\":\"FromList\",\"connections\":[[0,1,0.5,1.5],"
            + "[0,1,0.25,1.0]]},\"synapse\":{\"type\":\"StaticSynapse\"}}]}";

    private static List<JsonNode> serve(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PynnServer().serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<JsonNode> replies = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            replies.add(JSON.readTree(line));
        }
        return replies;
    }

    private static double[] doubles(JsonNode reply, String field) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(reply.get(field).asText())).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / Double.BYTES];
        b.asDoubleBuffer().get(v);
        return v;
    }

    private static int[] ints(JsonNode reply, String field) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(reply.get(field).asText())).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[b.remaining() / Integer.BYTES];
        b.asIntBuffer().get(v);
        return v;
    }

    @Test
    void buildRunsTwiceAndAnswersSpikesConnectionsAndWeightsAsLittleEndianArrays() throws Exception {
        List<JsonNode> r = serve("{\"op\":\"build\",\"mode\":\"event\",\"dt_ms\":0.1,\"network\":" + NETWORK + "}",
                "{\"op\":\"run\",\"ms\":20}", "{\"op\":\"run\",\"ms\":20}", "{\"op\":\"spikes\",\"population\":\"a\"}",
                "{\"op\":\"connections\",\"projection\":\"p\"}", "{\"op\":\"weights\",\"projection\":\"p\"}",
                "{\"op\":\"end\"}", "{\"op\":\"run\",\"ms\":20}");
        assertEquals(PynnServer.PROTOCOL, r.get(0).get("protocol").asInt());
        assertEquals(40.0, r.get(3).get("t_ms").asDouble());
        int[] neurons = ints(r.get(4), "neurons_i4");
        double[] times = doubles(r.get(4), "times_ms_f8");
        assertEquals(0, neurons[0]);
        assertEquals(20 * Math.log(4), times[0], 1e-9); // -65 + 20 (1 - e^{-t/20}) reaches -50
        assertArrayEquals(new int[] {0, 0}, ints(r.get(5), "pre_i4"));
        assertArrayEquals(new int[] {1, 1}, ints(r.get(5), "post_i4"));
        assertArrayEquals(new double[] {0.5, 0.25}, doubles(r.get(6), "weights_f8"));
        assertEquals(8, r.size()); // greeting and seven replies: nothing is read after end
    }

    @Test
    void refusalsNameTheProblemAndLeaveTheServerUsable() throws Exception {
        List<JsonNode> r = serve("{\"op\":\"run\",\"ms\":1}", "not json", "[1]", "{\"op\":\"fly\"}",
                "{\"op\":\"build\",\"mode\":\"event\",\"dt_ms\":0.1,\"network\":{\"populations\":[{\"label\":\"a\","
                        + "\"size\":0,\"model\":\"IF_curr_exp\"}]}}",
                "{\"op\":\"build\",\"mode\":\"exact\",\"dt_ms\":0.1,\"network\":" + NETWORK + "}",
                "{\"op\":\"build\",\"mode\":\"grid\",\"dt_ms\":0.1,\"network\":" + NETWORK + "}",
                "{\"op\":\"run\",\"ms\":-1}", "{\"op\":\"run\",\"ms\":5}");
        String[] expected = {"send build first", "line 2 is not a JSON object", "line 3 is not a JSON object",
            "unknown op 'fly'", "$.populations[0].size", "unknown mode 'exact'", null, "expected a number >= 0", null};
        for (int k = 0; k < expected.length; k++) {
            JsonNode reply = r.get(k + 1);
            if (expected[k] == null) {
                assertTrue(reply.get("ok").asBoolean(), reply::toString);
            } else {
                assertFalse(reply.get("ok").asBoolean(), reply::toString);
                assertEquals("user", reply.get("kind").asText());
                assertTrue(reply.get("error").asText().contains(expected[k]), reply::toString);
            }
        }
    }
}
