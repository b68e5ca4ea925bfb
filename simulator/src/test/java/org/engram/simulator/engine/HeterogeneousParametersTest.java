package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.Param;
import org.engram.simulator.neuron.StandardCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Neurons that differ in v_thresh, v_rest, v_reset and i_offset, and some in tau_m: the event
 * engine reads those per neuron, and the factors per class of equal time constants, where
 * neurons that all share them are read once per class (and a network of one class reads no
 * neuron's class). Each neuron of a heterogeneous population must spike as it does alone, in a
 * population of its own parameters, under the same inputs.
 */
class HeterogeneousParametersTest {
    private static final int NEURONS = 6;
    private static final int EXC_INPUTS = 8;
    private static final int INH_INPUTS = 4;
    private static final double UNTIL = 800;
    private static final double DELAY = 1.0;
    private static final double[] THRESH = {-50, -52, -48, -51, -49.5, -50.5};
    private static final double[] REST = {-49, -60, -55, -49, -65, -52};
    private static final double[] RESET = {-60, -58, -62, -60, -59, -61};
    private static final double[] OFFSET = {0, 0.2, 0.1, 0, 0.35, 0.05};
    /** Three classes of scaled neurons (25 ms: tau_m not a multiple of tau_syn_I). */
    private static final double[] TAU_M = {20, 20, 30, 20, 25, 30};

    @ParameterizedTest
    @ValueSource(strings = {"IF_curr_exp", "IF_curr_delta"})
    void eachNeuronSpikesAsItDoesAlone(String model) {
        boolean delta = model.equals("IF_curr_delta");
        double[][][] trains = new double[NEURONS][][];
        Random rng = new Random(11);
        for (int j = 0; j < NEURONS; j++) {
            trains[j] = new double[EXC_INPUTS + INH_INPUTS][];
            for (int k = 0; k < trains[j].length; k++) {
                trains[j][k] = Nets.poisson(rng, k < EXC_INPUTS ? 40 : 20, UNTIL - DELAY);
            }
        }
        int[] all = {0, 1, 2, 3, 4, 5};
        var together = Simulator.run(network(delta, trains, all), Mode.event, Double.NaN, UNTIL).spikes("n");
        int total = 0;
        for (int j = 0; j < NEURONS; j++) {
            double[] alone = Simulator.run(network(delta, trains, new int[] {j}), Mode.event, Double.NaN, UNTIL)
                    .spikes("n").timesOf(0);
            assertArrayEquals(alone, together.timesOf(j), 1e-12, "neuron " + j);
            total += alone.length;
        }
        assertTrue(total > 10 * NEURONS, "the neurons fire: " + total);
    }

    /** The given neurons (indices into the parameter tables), each with its own sources. */
    private static Network network(boolean delta, double[][][] trains, int[] neurons) {
        StandardCell cell = (delta ? IF_curr_delta : IF_curr_exp).with("cm", 0.2, "tau_refrac", 2.0)
                .with("tau_m", Param.perNeuron(pick(TAU_M, neurons)))
                .with("v_thresh", Param.perNeuron(pick(THRESH, neurons)))
                .with("v_rest", Param.perNeuron(pick(REST, neurons)))
                .with("v_reset", Param.perNeuron(pick(RESET, neurons)))
                .with("i_offset", Param.perNeuron(pick(OFFSET, neurons)));
        if (!delta) {
            cell = cell.with("tau_syn_E", 5.0).with("tau_syn_I", 10.0);
        }
        Network.Builder b = Network.builder().seed(1);
        Population targets = b.add(new Population("n", neurons.length, cell).initialize("v", -57.0)
                .recordingSpikes());
        List<double[]> sourceTrains = new ArrayList<>();
        List<FromList.Connection> exc = new ArrayList<>();
        List<FromList.Connection> inh = new ArrayList<>();
        for (int q = 0; q < neurons.length; q++) {
            for (int k = 0; k < EXC_INPUTS + INH_INPUTS; k++) {
                boolean excitatory = k < EXC_INPUTS;
                double w = excitatory ? (delta ? 0.8 : 0.06) : (delta ? 1.5 : 0.1);
                (excitatory ? exc : inh).add(new FromList.Connection(sourceTrains.size(), q, w, DELAY));
                sourceTrains.add(trains[neurons[q]][k]);
            }
        }
        Nets.sourcesOnto(b, targets, sourceTrains.toArray(new double[0][]), exc, inh, DELAY);
        return b.build();
    }

    private static double[] pick(double[] values, int[] neurons) {
        double[] picked = new double[neurons.length];
        for (int q = 0; q < neurons.length; q++) {
            picked[q] = values[neurons[q]];
        }
        return picked;
    }
}
