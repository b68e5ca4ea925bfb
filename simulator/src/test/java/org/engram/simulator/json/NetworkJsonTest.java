package org.engram.simulator.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.network.DCSource;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.StepCurrentSource;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.record.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkJsonTest {
    /** The README's example network. */
    static final String EXAMPLE = """
            {"run_ms": 100, "timestep_ms": 0.1, "seed": 42,
             "populations": [
               {"label": "stim", "size": 1, "model": "SpikeSourceArray", "params": {"spike_times": [[10.0, 20.0]]}},
               {"label": "exc", "size": 2, "model": "IF_curr_exp", "params": {"tau_m": 20.0}, "initial": {"v": -65.0}, "record": ["spikes", "v"]}],
             "projections": [
               {"pre": "stim", "post": "exc[0:1]", "connector": {"type": "OneToOne"},
                "synapse": {"type": "StaticSynapse", "weight": 2.0, "delay": 1.0}, "receptor": "excitatory"}]}
            """;

    @Test
    void readsTheExampleAndRunsIt() {
        Network net = NetworkJson.parse(EXAMPLE, "example.json");
        assertEquals(42, net.seed());
        assertEquals(100, net.runMs());
        Recording r = Simulator.run(net, Mode.event, Double.NaN, net.runMs());
        // 2 nA into cm = 1 nF from -65 mV: a PSP peak of a few mV, no spike; v of exc[0] rises after 11 ms
        double[] v = r.membrane("exc").trace(0);
        assertEquals(-65.0, v[105], 0.0);
        assertTrue(v[115] > -64.9);
        assertEquals(-65.0, r.membrane("exc").trace(1)[115], 0.0, "exc[1] receives nothing");
    }

    @Test
    void writingAndReadingGivesTheSameNetwork() {
        String full = """
                {"seed": 3, "populations": [
                  {"label": "in", "size": 4, "model": "SpikeSourcePoisson", "params": {"rate": [1, 2, 3, 4]}},
                  {"label": "e", "size": 4, "model": "IF_cond_exp", "initial": {"v": {"distribution": "uniform", "low": -70, "high": -60}}, "record": ["v"], "record_interval_ms": 0.5},
                  {"label": "d", "size": 3, "model": "IF_curr_delta", "params": {"v_thresh": -55}, "reset": "subtract"}],
                 "projections": [
                  {"label": "p1", "pre": "in", "post": "e", "connector": {"type": "FixedProbability", "p_connect": 0.5},
                   "synapse": {"type": "StaticSynapse", "weight": {"distribution": "normal_clipped", "mu": 0.01, "sigma": 0.002, "low": 0, "high": 1}, "delay": {"distribution": "uniform", "low": 0.5, "high": 1.5}}},
                  {"label": "p2", "pre": {"population": "e", "indices": [0, 2]}, "post": "d[1:3]", "connector": {"type": "AllToAll", "allow_self_connections": false},
                   "synapse": {"type": "STDPMechanism", "timing_dependence": {"type": "SpikePairRule", "tau_plus": 10, "tau_minus": 12, "A_plus": 0.1, "A_minus": 0.2},
                    "weight_dependence": {"type": "MultiplicativeWeightDependence", "w_min": 0, "w_max": 5}, "weight": 1, "delay": 1},
                   "receptor": "inhibitory", "record_weights": {"interval_ms": 10}},
                  {"label": "p3", "pre": "d", "post": "d", "connector": {"type": "FromList", "connections": [[0, 1, 2.0, 1.5], [2, 0]]},
                   "synapse": {"type": "StaticSynapse", "weight": 1.0}},
                  {"label": "p4", "pre": "in", "post": "d", "connector": {"type": "FixedNumberPre", "n": 2}, "synapse": {"type": "StaticSynapse", "weight": 1.0, "delay": 2}}]}
                """;
        Network a = NetworkJson.parse(full, "full.json");
        Network b = NetworkJson.parse(NetworkJson.write(a), "written.json");
        assertEquals(a, b);
        assertEquals(NetworkJson.write(a), NetworkJson.write(b));
    }

    @Test
    void currentSourcesAreReadAndWritten() {
        String json = """
                {"populations": [
                  {"label": "e", "size": 4, "model": "IF_curr_exp", "record": ["spikes"]},
                  {"label": "c", "size": 2, "model": "IF_cond_exp"}],
                 "current_sources": [
                  {"type": "DCSource", "amplitude": 0.5, "start": 10, "stop": 50, "inject_into": "e"},
                  {"type": "DCSource", "inject_into": "e[1:3]"},
                  {"type": "StepCurrentSource", "times": [5, 20.5], "amplitudes": [0.4, -0.1],
                   "inject_into": {"population": "e", "indices": [3, 0]}},
                  {"type": "StepCurrentSource", "times": [], "amplitudes": [], "inject_into": "c"}]}
                """;
        Network a = NetworkJson.parse(json, "currents.json");
        assertEquals(List.of(new DCSource(0.5, 10, 50).injectInto(a.population("e")),
                new DCSource(1.0, 0, Double.POSITIVE_INFINITY).injectInto(a.population("e").slice(1, 3)),
                new StepCurrentSource(new double[] {5, 20.5}, new double[] {0.4, -0.1})
                        .injectInto(a.population("e").view(3, 0)),
                new StepCurrentSource(new double[0], new double[0]).injectInto(a.population("c"))), a.currentSources());
        String written = NetworkJson.write(a);
        assertTrue(written.contains("\"current_sources\""), written);
        assertFalse(written.contains("Infinity"), "a DC source without stop is written without it: " + written);
        Network b = NetworkJson.parse(written, "written.json");
        assertEquals(a, b);
        assertEquals(written, NetworkJson.write(b));
        assertFalse(NetworkJson.write(new Network(1, 0.1, 0, a.populations(), List.of())).contains("current_sources"),
                "a network without current sources writes no field for them");
    }

    /** Each class of bad input gives a message naming the file, the JSON path and the expectation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown model|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_foo\"}]}|bad.json: $.populations[0].model: unknown model 'IF_foo'; expected one of IF_curr_exp",
        "unknown parameter|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"tau_n\": 1}}]}|bad.json: $.populations[0].params.tau_n: unknown parameter of IF_curr_exp; expected one of cm, tau_m",
        "unknown connector|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"Magic\"}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].connector.type: unknown connector 'Magic'",
        "zero size|{\"populations\": [{\"label\": \"a\", \"size\": 0, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[0].size: size is 0; expected a positive number",
        "negative size|{\"populations\": [{\"label\": \"a\", \"size\": -3, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[0].size: size is -3",
        "FromList index out of range|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"FromList\", \"connections\": [[0, 5]]}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0]: projection a->a: FromList: connection 0 (0, 5) is out of range",
        "view index out of range|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a[0:5]\", \"post\": \"a\", \"connector\": {\"type\": \"AllToAll\"}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].pre: a[0:5]: slice out of range",
        "view index list out of range|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": {\"population\": \"a\", \"indices\": [7]}, \"post\": \"a\", \"connector\": {\"type\": \"AllToAll\"}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].pre: a: view index 7 out of range",
        "p outside [0, 1]|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"FixedProbability\", \"p_connect\": 1.5}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].connector.p_connect: 1.5 is not a probability",
        "non-positive delay|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"OneToOne\"}, \"synapse\": {\"type\": \"StaticSynapse\", \"delay\": 0}}]}|bad.json: $.projections[0].synapse.delay: delay must be > 0 ms",
        "NaN|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"tau_m\": \"NaN\"}}]}|bad.json: $.populations[0].params.tau_m: NaN is not a number this format accepts; expected a finite number",
        "infinite value|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"cm\": 1e999}}]}|bad.json: $.populations[0].params.cm: Infinity is not a number this format accepts; expected a finite number",
        "duplicate label|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}, {\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[1].label: duplicate label 'a'",
        "missing population|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"b\", \"post\": \"a\", \"connector\": {\"type\": \"OneToOne\"}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].pre: no population 'b'; expected one of [a]",
        "v_reset above threshold|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"v_reset\": -40}}]}|bad.json: $.populations[0]: IF_curr_exp: v_reset (-40.0 mV) must be below v_thresh (-50.0 mV)",
        "bare NaN|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"tau_m\": NaN}}]}|bad.json: $.populations[0].params.tau_m: NaN is not a number this format accepts; expected a finite number",
        "bare -Infinity|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\", \"params\": {\"tau_m\": -Infinity}}]}|bad.json: $.populations[0].params.tau_m: -Infinity is not a number this format accepts",
        "NaN as a size|{\"populations\": [{\"label\": \"a\", \"size\": NaN, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[0].size: expected an integer; got NaN",
        "size beyond an int|{\"populations\": [{\"label\": \"a\", \"size\": 3000000000, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[0].size: size is 3000000000; expected a positive number of neurons, at most 2147483639",
        "size beyond a long|{\"populations\": [{\"label\": \"a\", \"size\": 30000000000000000000, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[0].size: 30000000000000000000 is too large; expected an integer from",
        "sizes that add up beyond an int|{\"populations\": [{\"label\": \"a\", \"size\": 5, \"model\": \"IF_curr_exp\"}, {\"label\": \"b\", \"size\": 2147483639, \"model\": \"IF_curr_exp\"}]}|bad.json: $.populations[1].size: the populations up to this one hold 2147483644 neurons; a network holds at most 2147483639",
        "FixedNumberPre n beyond an int|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"FixedNumberPre\", \"n\": 4294967297}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].connector.n: 4294967297 is too large; expected an integer from -2147483648 to 2147483647",
        "FromList index beyond an int|{\"populations\": [{\"label\": \"a\", \"size\": 2, \"model\": \"IF_curr_exp\"}], \"projections\": [{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"FromList\", \"connections\": [[4294967296, 0]]}, \"synapse\": {\"type\": \"StaticSynapse\"}}]}|bad.json: $.projections[0].connector.connections[0][0]: 4294967296 is too large",
        "newer format|{\"format\": \"engram-network/2\", \"populations\": []}|bad.json: $.format: engram-network/2 is newer than this Engram (unknown) reads; it reads engram-network/1",
        "not a format|{\"format\": \"brian2\", \"populations\": []}|bad.json: $.format: expected \"engram-network/1\"; got \"brian2\"",
        "truncated inside an object|{\"run_ms\": 10,\\n \"populations\": [{\"label\": \"a\"|bad.json: line 2, column 31: not valid JSON: the file ends inside an object (opened at line 2, column 18)",
        "truncated inside an array|{\"populations\": [|bad.json: line 1, column 18: not valid JSON: the file ends inside an array (opened at line 1, column 17)",
        "truncated inside a string|{\"populations\": [{\"label\": \"a|bad.json: line 1, column 30: not valid JSON: the file ends inside a string",
        "empty file|''|bad.json: $: the file is empty; expected a JSON object",
        "unknown word|{\"run_ms\": nan, \"populations\": []}|bad.json: line 1, column 15: not valid JSON: 'nan' is not a JSON value; expected a number",
        "trailing comma|{\"run_ms\": 1, }|bad.json: line 1, column 15: not valid JSON: unexpected '}'; expected a field name in double quotes",
        "missing comma|{\"run_ms\": 1 \"seed\": 2}|bad.json: line 1, column 14: not valid JSON: unexpected '\"'; expected ',' or '}' after a field",
        "unknown reset|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_delta\", \"reset\": \"soft\"}]}|bad.json: $.populations[0].reset: unknown reset 'soft'; expected one of set, subtract",
        "reset not a string|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_delta\", \"reset\": 1}]}|bad.json: $.populations[0].reset: expected a string",
        "reset of a SpikeSourceArray|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"SpikeSourceArray\", \"params\": {\"spike_times\": [1]}, \"reset\": \"subtract\"}]}|bad.json: $.populations[0].reset: a SpikeSourceArray has no membrane to reset",
        "subtractive reset of a Poisson source|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"SpikeSourcePoisson\", \"reset\": \"subtract\"}]}|bad.json: $.populations[0].reset: SpikeSourcePoisson: reset subtract applies to neurons with a membrane",
        "unknown current source|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"ACSource\", \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].type: unknown current source 'ACSource'; expected DCSource or StepCurrentSource",
        "current source field unknown|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"DCSource\", \"frequency\": 1, \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].frequency: unknown field; expected one of [amplitude, inject_into, start, stop, type]",
        "current source without cells|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"DCSource\"}]}|bad.json: $.current_sources[0].inject_into: missing",
        "current into a spike source|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"SpikeSourcePoisson\"}], \"current_sources\": [{\"type\": \"DCSource\", \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].inject_into: DCSource injected into a: population a is a SpikeSourcePoisson, which has no membrane to take current; expected IF_curr_exp, IF_curr_delta or IF_cond_exp",
        "current into an unknown population|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"DCSource\", \"inject_into\": \"b[0:1]\"}]}|bad.json: $.current_sources[0].inject_into: no population 'b'; expected one of [a]",
        "step times and amplitudes of different lengths|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"StepCurrentSource\", \"times\": [1, 2], \"amplitudes\": [0.1], \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0]: StepCurrentSource: 2 times and 1 amplitudes; expected as many amplitudes as times",
        "step times not increasing|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"StepCurrentSource\", \"times\": [5, 2], \"amplitudes\": [0.1, 0.2], \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0]: StepCurrentSource: times[1] (2.0 ms) is not after times[0] (5.0 ms); expected strictly increasing times",
        "step amplitude not a number|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"StepCurrentSource\", \"times\": [5], \"amplitudes\": [\"big\"], \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].amplitudes[0]: expected a number; got \"big\"",
        "step times missing|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"StepCurrentSource\", \"amplitudes\": [0.1], \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].times: missing",
        "DC stop before start|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"DCSource\", \"start\": 10, \"stop\": 5, \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0]: DCSource: stop (5.0 ms) must be after start (10.0 ms)",
        "DC amplitude infinite|{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_exp\"}], \"current_sources\": [{\"type\": \"DCSource\", \"amplitude\": 1e999, \"inject_into\": \"a\"}]}|bad.json: $.current_sources[0].amplitude: Infinity is not a number this format accepts; expected a finite number",
        "current sources not an array|{\"populations\": [], \"current_sources\": {}}|bad.json: $.current_sources: expected a JSON array",
        "text after the network|{\"populations\": []} []|bad.json: line 1, column 21: not valid JSON: text after the end of the network's object",
    })
    void badInputNamesFilePathAndExpectation(String what, String json, String expected) {
        NetworkFormatException e = assertThrows(NetworkFormatException.class,
                () -> NetworkJson.parse(json.replace("\\n", "\n"), "bad.json"));
        assertTrue(e.getMessage().startsWith(expected), what + ": got '" + e.getMessage() + "'");
        for (String parserWords : List.of("JsonReadFeature", "StreamReadFeature", "[Source:", "REDACTED", "enable `",
                "code 1", "(JSON String")) {
            assertFalse(e.getMessage().contains(parserWords), what + " speaks the parser's language: " + e.getMessage());
        }
    }

    /** The reset is written only where it is not PyNN's, and "set" reads as the default. */
    @Test
    void resetIsWrittenOnlyWhenItSubtracts() {
        String plain = "{\"populations\": [{\"label\": \"a\", \"size\": 1, \"model\": \"IF_curr_delta\"}]}";
        Network set = NetworkJson.parse(plain, "plain.json");
        assertFalse(NetworkJson.write(set).contains("reset"));
        assertEquals(set, NetworkJson.parse(plain.replace("}]}", ", \"reset\": \"set\"}]}"), "set.json"));
        Network subtract = NetworkJson.parse(plain.replace("}]}", ", \"reset\": \"subtract\"}]}"), "sub.json");
        assertEquals(Reset.SUBTRACT, ((StandardCell) subtract.populations().get(0).cellType()).reset());
        assertTrue(NetworkJson.write(subtract).contains("\"reset\" : \"subtract\""), NetworkJson.write(subtract));
        assertFalse(set.equals(subtract));
    }

    @Test
    void writtenFilesNameTheFormatAndFilesWithoutItReadAsVersionOne() {
        Network net = NetworkJson.parse(EXAMPLE, "example.json");
        String written = NetworkJson.write(net);
        assertTrue(written.startsWith("{\n  \"format\" : \"engram-network/1\","), written);
        assertEquals(net, NetworkJson.parse(written, "written.json"));
        assertEquals(net, NetworkJson.parse(EXAMPLE.replaceFirst("\\{", "{\"format\": \"engram-network/1\", "),
                "explicit.json"));
    }
}
