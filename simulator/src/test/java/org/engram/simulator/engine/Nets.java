package org.engram.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.synapse.StaticSynapse;

/** Small networks shared by the engine tests. */
final class Nets {
    private Nets() {}

    /** One neuron of {@code cell} (initial v {@code v0}, recording spikes and v every {@code vEvery} ms). */
    static Population neuron(CellType cell, double v0, double vEvery) {
        return new Population("n", 1, cell).initialize("v", v0).recording(true, true, vEvery);
    }

    /** A network of one population. */
    static Network alone(Population p) {
        Network.Builder b = Network.builder().seed(7);
        b.add(p);
        return b.build();
    }

    /** A source with the given times driving {@code target} one-to-one. */
    static Network driven(Population target, double weight, double delay, Receptor receptor, double... times) {
        Network.Builder b = Network.builder().seed(7);
        Population src = b.add(new Population("src", 1, SpikeSourceArray.of(times)).recordingSpikes());
        b.add(target);
        b.add(new Projection(src, target, new OneToOne(), new StaticSynapse(weight, delay), receptor));
        return b.build();
    }

    /** Poisson spike times at {@code hz} in [0, untilMs), drawn from {@code rng}. */
    static double[] poisson(Random rng, double hz, double untilMs) {
        List<Double> t = new ArrayList<>();
        double x = 0;
        while ((x += -Math.log(1 - rng.nextDouble()) * 1000 / hz) < untilMs) {
            t.add(x);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Adds sources with these spike trains ("src") and their connections onto {@code targets}:
     * an excitatory and an inhibitory projection ("exc", "inh") from lists of connections.
     */
    static void sourcesOnto(Network.Builder b, Population targets, double[][] trains, List<FromList.Connection> exc,
            List<FromList.Connection> inh, double delay) {
        Population sources = b.add(new Population("src", trains.length, SpikeSourceArray.of(trains)));
        b.add(new Projection(sources, targets, new FromList(exc), new StaticSynapse(0.0, delay), Receptor.excitatory)
                .withLabel("exc"));
        b.add(new Projection(sources, targets, new FromList(inh), new StaticSynapse(0.0, delay), Receptor.inhibitory)
                .withLabel("inh"));
    }
}
