package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.StaticSynapse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ca3NetworkTest {

    /** Connections of a projection, enumerated from its connector as the simulator's build step does. */
    private static int connections(Projection p) {
        int[] n = {0};
        boolean samePopulation = p.pre().population().equals(p.post().population());
        Connector.SameNeuron same = (i, j) -> samePopulation && p.pre().index(i) == p.post().index(j);
        p.connector().connect(p.pre().size(), p.post().size(), same, null, (i, j, w, d) -> n[0]++);
        return n[0];
    }

    private static boolean internal(Population p) {
        return !p.label().startsWith("IN_") && !p.label().startsWith("OUT_");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "5,10", "16,6", "7,1", "1,9", "100,100"})
    void countsMatchThePapersFormulas(int c, int n) {
        Network net = Ca3Network.builder(c, n).build();
        int internalNeurons = net.populations().stream().filter(Ca3NetworkTest::internal).mapToInt(Population::size).sum();
        int internalSynapses = 0;
        int plastic = 0;
        int outer = 0;
        for (Projection p : net.projections()) {
            int k = connections(p);
            if (internal(p.pre().population()) && internal(p.post().population())) {
                internalSynapses += k;
                plastic += p.synapse() instanceof STDPMechanism ? k : 0;
            } else {
                outer += k;
            }
        }
        assertEquals(3 * c + 4 * n + 1, internalNeurons, "internal neurons");
        assertEquals(3 * c + 2 * c * (c - 1) + 3 * c * n + 6 * n, internalSynapses, "internal synapses");
        assertEquals(2 * c * n, plastic, "plastic synapses");
        assertEquals(2 * (c + n), outer, "input and output synapses");
        assertEquals(3 * c + 4 * n + 1 + 2 * (c + n), net.neuronCount(), "all neurons");
    }

    @Test
    void theDocumentedExampleSizesGiveTheDocumentedCounts() {
        // ca3-cam.md §1: C=5, N=10: 56 internal neurons (71 with OL), 265 internal synapses, 100 plastic
        Network net = Ca3Network.builder(5, 10).build();
        int withOut = net.populations().stream().filter(p -> !p.label().startsWith("IN_")).mapToInt(Population::size).sum();
        assertEquals(71, withOut);
        int all = net.projections().stream().mapToInt(Ca3NetworkTest::connections).sum();
        assertEquals(295, all, "265 internal + 30 input/output synapses");
    }

    @Test
    void populationsAreNamedAndOrderedAsInTheReferenceTables() {
        Network net = Ca3Network.builder(3, 4).build();
        assertEquals(List.of("IN_cue", "IN_cont", "CueCue", "ContCue", "ContCond", "ContCondInt", "CueCont", "ContCont",
                "MergeCue", "MergeCont", "OUT_cue", "OUT_cont"), net.populations().stream().map(Population::label).toList());
        assertEquals(List.of(3, 4, 3, 4, 4, 1, 3, 4, 3, 4, 3, 4), net.populations().stream().map(Population::size).toList());
        assertTrue(net.populations().stream().allMatch(p -> p.record().spikes()), "every population records spikes");
        assertEquals(1.0, net.timestepMs());
    }

    @Test
    void parametersAndProjectionsMatchTheOriginalNetworkConfig() throws Exception {
        JsonNode cfg = new ObjectMapper().readTree(ReferenceFiles.text("network_config.json"));
        int n = 10;
        Network net = Ca3Network.builder(5, n).build();
        // neurons: every internal population's parameters and initial v
        for (Ca3Population kind : Ca3Population.values()) {
            if (kind.isInput() || kind == Ca3Population.OUT_cue || kind == Ca3Population.OUT_cont) {
                continue;
            }
            JsonNode params = cfg.path("neuronParameters").path(kind.originalName());
            assertTrue(params.isObject(), "config has " + kind.originalName());
            StandardCell cell = (StandardCell) net.population(kind.label()).cellType();
            params.fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(), cell.get(e.getKey()).at(0),
                    kind + "." + e.getKey()));
            assertEquals(cfg.path("initNeuronParameters").path(kind.originalName()).path("vInit").asDouble(),
                    net.population(kind.label()).initial().get("v").fixed().at(0), kind + " initial v");
        }
        // the output: slow cell with v_thresh -57.5 (the original sets it on OL)
        StandardCell out = (StandardCell) net.population("OUT_cue").cellType();
        assertEquals(-57.5, out.get("v_thresh").at(0));
        assertEquals(3.0, out.get("tau_m").at(0));
        // synapses: config key -> our projection label; lateral inhibitions weigh initWeight * N
        Map<String, String> labels = Map.ofEntries(
                Map.entry("IL-CA3cueCueRecallL", "IN_cue->CueCue"),
                Map.entry("IL-CA3contCueRecallL", "IN_cont->ContCue"),
                Map.entry("CA3cueCueRecallL-CA3cueContRecallL", "CueCue->CueCont"),
                Map.entry("CA3cueCueRecallL-CA3cueContRecallL-inh", "CueCue->CueCont-inh"),
                Map.entry("CA3contCueRecallL-CA3contCondL", "ContCue->ContCond"),
                Map.entry("CA3cueCueRecallL-CA3contCondL", "CueCue->ContCond-inh"),
                Map.entry("CA3contCondL-CA3contContRecallL", "ContCond->ContCont"),
                Map.entry("CA3contCueRecallL-CA3contCondIntL", "ContCue->ContCondInt"),
                Map.entry("CA3contCondIntL-CA3contCondL", "ContCondInt->ContCond"),
                Map.entry("CA3cueCueRecallL-CA3contCueRecallL", Ca3Network.CUE_TO_CONTENT),
                Map.entry("CA3contContRecallL-CA3cueContRecallL", Ca3Network.CONTENT_TO_CUE),
                Map.entry("CA3cueContRecallL-CA3cueContRecallL", "CueCont->CueCont-inh"),
                Map.entry("CA3cueCueRecallL-CA3mergeCueL", "CueCue->MergeCue"),
                Map.entry("CA3cueContRecallL-CA3mergeCueL", "CueCont->MergeCue"),
                Map.entry("CA3contCueRecallL-CA3mergeContL", "ContCue->MergeCont"),
                Map.entry("CA3contContRecallL-CA3mergeContL", "ContCont->MergeCont"),
                Map.entry("CA3mergeCueL-OL", "MergeCue->OUT_cue"),
                Map.entry("CA3mergeContL-OL", "MergeCont->OUT_cont"));
        assertEquals(cfg.path("synParameters").size(), labels.size(), "every configured synapse is mapped");
        labels.forEach((key, label) -> {
            JsonNode syn = cfg.path("synParameters").path(key);
            assertTrue(syn.isObject(), "config has " + key);
            Projection p = net.projection(label);
            String receptor = syn.path("receptor_type").asText();
            if (receptor.equals("STDP")) {
                STDPMechanism s = (STDPMechanism) p.synapse();
                assertEquals(syn.path("tau_plus").asDouble(), s.timing_dependence().tau_plus(), key);
                assertEquals(syn.path("tau_minus").asDouble(), s.timing_dependence().tau_minus(), key);
                assertEquals(syn.path("A_plus").asDouble(), s.timing_dependence().A_plus(), key);
                assertEquals(syn.path("A_minus").asDouble(), s.timing_dependence().A_minus(), key);
                assertEquals(syn.path("w_min").asDouble(), s.weight_dependence().w_min(), key);
                assertEquals(syn.path("w_max").asDouble(), s.weight_dependence().w_max(), key);
                assertEquals(Value.of(syn.path("initWeight").asDouble()), s.weight(), key);
                assertEquals(Value.of(syn.path("delay").asDouble()), s.delay(), key);
                assertEquals(Receptor.excitatory, p.receptor(), key);
            } else {
                StaticSynapse s = (StaticSynapse) p.synapse();
                double factor = label.endsWith("CueCont-inh") ? n : 1;
                assertEquals(Value.of(syn.path("initWeight").asDouble() * factor), s.weight(), key);
                assertEquals(Value.of(syn.path("delay").asDouble()), s.delay(), key);
                assertEquals(Receptor.byName(receptor), p.receptor(), key);
            }
        });
        assertEquals(labels.size(), net.projections().size(), "no projection beyond the configured ones");
    }

    @Test
    void crossCueInhibitionSkipsTheSameIndexAcrossPopulations() {
        Network net = Ca3Network.builder(4, 2).build();
        Projection p = net.projection("CueCue->CueCont-inh");
        int[] diagonal = {0};
        p.connector().connect(4, 4, (i, j) -> false, null, (i, j, w, d) -> diagonal[0] += i == j ? 1 : 0);
        assertEquals(0, diagonal[0], "CueCue i does not inhibit CueCont i");
        assertEquals(12, connections(p));
    }

    @Test
    void inputSpikesGoIntoTheTwoInputHalves() {
        Network net = Ca3Network.builder(2, 3).cueSpikes(new double[][] {{1, 2}, {}})
                .contentSpikes(new double[][] {{}, {5}, {}}).build();
        var cue = (org.engram.simulator.neuron.SpikeSourceArray) net.population("IN_cue").cellType();
        var cont = (org.engram.simulator.neuron.SpikeSourceArray) net.population("IN_cont").cellType();
        assertTrue(Arrays.equals(new double[] {1, 2}, cue.times(0)));
        assertEquals(0, cue.times(1).length);
        assertTrue(Arrays.equals(new double[] {5}, cont.times(1)));
    }

    @Test
    void badSizesAndInputShapesAreRejected() {
        assertThrows(InvalidNetworkException.class, () -> Ca3Network.builder(0, 3));
        assertThrows(InvalidNetworkException.class, () -> Ca3Network.builder(2, 0));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class,
                () -> Ca3Network.builder(2, 3).cueSpikes(new double[][] {{1}}));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
    }
}
