package org.engram.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;

/**
 * Independent Poisson inputs for the reference tests: each target neuron has its own
 * {@code excInputs} excitatory and {@code inhInputs} inhibitory sources, so that neurons do not
 * interact and each can be checked alone against a reference.
 */
final class RandomInput {
    private final int perNeuron;
    private final int excInputs;
    private final double wExc;
    private final double wInh;
    private final double delay;
    private final double[][] trains;

    RandomInput(long seed, int neurons, int excInputs, double excHz, int inhInputs, double inhHz, double wExc,
            double wInh, double delay, double untilMs) {
        this.perNeuron = excInputs + inhInputs;
        this.excInputs = excInputs;
        this.wExc = wExc;
        this.wInh = wInh;
        this.delay = delay;
        Random rng = new Random(seed);
        trains = new double[neurons * perNeuron][];
        for (int src = 0; src < trains.length; src++) {
            trains[src] = Nets.poisson(rng, src % perNeuron < excInputs ? excHz : inhHz, untilMs - delay);
        }
    }

    /** Adds the sources and their projections onto {@code target}. */
    void connect(Network.Builder b, Population target) {
        List<FromList.Connection> exc = new ArrayList<>();
        List<FromList.Connection> inh = new ArrayList<>();
        for (int src = 0; src < trains.length; src++) {
            boolean excitatory = src % perNeuron < excInputs;
            (excitatory ? exc : inh).add(new FromList.Connection(src, src / perNeuron, excitatory ? wExc : wInh, delay));
        }
        Nets.sourcesOnto(b, target, trains, exc, inh, delay);
    }

    /** Target j's inputs in time order, as {arrival, signed weight} (inhibitory ones negative). */
    List<double[]> arrivals(int j) {
        List<double[]> inputs = new ArrayList<>();
        for (int k = 0; k < perNeuron; k++) {
            double w = k < excInputs ? wExc : -wInh;
            for (double t : trains[j * perNeuron + k]) {
                inputs.add(new double[] {t + delay, w});
            }
        }
        inputs.sort((x, y) -> Double.compare(x[0], y[0]));
        return inputs;
    }
}
