package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.Param;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.record.PopulationSpikes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A delivery group whose synapses all carry one weight is delivered without reading the weights
 * ({@link BuiltNetwork#groupWeight}). The same inputs sent once through groups whose weights
 * differ per target, and once through one-synapse groups (one weight each), must give the same
 * spikes: a fault in either path would make them differ.
 */
class SharedWeightTest {
    private static final int SOURCES = 24;
    private static final int EXCITATORY = 18;
    private static final int TARGETS = 12;
    private static final double UNTIL = 600;
    private static final double DELAY = 1.0;

    @ParameterizedTest
    @CsvSource({"IF_curr_exp, event, 1", "IF_curr_delta, event, 1", "IF_curr_exp, grid, 1", "IF_curr_delta, grid, 1",
        "IF_curr_exp, event, 2", "IF_curr_delta, event, 2"})
    void groupsOfOneWeightGiveTheSpikesOfGroupsOfManyWeights(String model, Mode mode, int classes) {
        boolean delta = model.equals("IF_curr_delta");
        double[][] trains = trains();
        Network mixed = network(delta, classes, trains, false);
        Network single = network(delta, classes, trains, true);
        assertTrue(Arrays.stream(BuiltNetwork.build(mixed).groupWeight).allMatch(Double::isNaN),
                "every group of the first network has several weights");
        assertTrue(Arrays.stream(BuiltNetwork.build(single).groupWeight).noneMatch(Double::isNaN),
                "every group of the second network has one weight");
        PopulationSpikes a = Simulator.run(mixed, mode, 0.1, UNTIL).spikes("n");
        PopulationSpikes b = Simulator.run(single, mode, 0.1, UNTIL).spikes("n");
        assertTrue(a.count() > 5 * TARGETS, "the targets fire: " + a.count());
        for (int j = 0; j < TARGETS; j++) {
            assertArrayEquals(a.timesOf(j), b.timesOf(j), 1e-12, "target " + j);
        }
        assertEquals(a.count(), b.count());
    }

    /** Poisson trains of the sources, 30 Hz. */
    private static double[][] trains() {
        Random rng = new Random(7);
        double[][] trains = new double[SOURCES][];
        for (int k = 0; k < SOURCES; k++) {
            trains[k] = Nets.poisson(rng, 30, UNTIL - DELAY);
        }
        return trains;
    }

    /**
     * Every source reaches every target, with a weight that depends on the target: through one
     * source per train ({@code copies} false: groups of TARGETS synapses, weights differing), or
     * through a copy of each train per target (groups of one synapse). With two classes, every
     * other target has tau_m 30 ms instead of 20 (the engine then delivers neuron by neuron).
     */
    private static Network network(boolean delta, int classes, double[][] trains, boolean copies) {
        double[] tauM = new double[TARGETS];
        for (int j = 0; j < TARGETS; j++) {
            tauM[j] = classes == 2 && j % 2 == 1 ? 30 : 20;
        }
        StandardCell cell = (delta ? IF_curr_delta : IF_curr_exp).with("cm", 0.2, "v_rest", -49.0,
                "v_thresh", -50.0, "v_reset", -60.0, "tau_refrac", 2.0).with("tau_m", Param.perNeuron(tauM));
        if (!delta) {
            cell = cell.with("tau_syn_E", 5.0).with("tau_syn_I", 10.0);
        }
        Network.Builder b = Network.builder().seed(3);
        Population targets = b.add(new Population("n", TARGETS, cell).initialize("v", -58.0).recordingSpikes());
        double[][] sourceTrains = new double[copies ? SOURCES * TARGETS : SOURCES][];
        List<FromList.Connection> exc = new ArrayList<>();
        List<FromList.Connection> inh = new ArrayList<>();
        for (int k = 0; k < SOURCES; k++) {
            for (int j = 0; j < TARGETS; j++) {
                int source = copies ? k * TARGETS + j : k;
                sourceTrains[source] = trains[k];
                boolean excitatory = k < EXCITATORY;
                double base = excitatory ? (delta ? 0.4 : 0.05) : (delta ? 1.2 : 0.06);
                double w = base * (1 + 0.05 * j);
                (excitatory ? exc : inh).add(new FromList.Connection(source, j, w, DELAY));
            }
        }
        Nets.sourcesOnto(b, targets, sourceTrains, exc, inh, DELAY);
        return b.build();
    }
}
