package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.Selection;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.SynapseType;
import org.engram.simulator.synapse.WeightDependence;

/** Networks for the mapping's tests: random ones from a seed, and a few built for one purpose. */
final class Networks {
    private Networks() {}

    static Population neurons(String label, int size) {
        return new Population(label, size, StandardModel.IF_curr_exp.defaults());
    }

    static Population poisson(String label, int size) {
        return new Population(label, size, StandardModel.SpikeSourcePoisson.with("rate", 10.0));
    }

    static StaticSynapse synapse(double delayMs) {
        return new StaticSynapse(0.5, delayMs);
    }

    /** A Poisson source {@code stim} driving IF_curr_exp neurons {@code a} (at 0.1 ms). */
    static Network stimulus(int stimSize, int size, Connector c, double delayMs) {
        Network.Builder b = Network.builder().timestepMs(0.1);
        Population stim = b.add(poisson("stim", stimSize));
        Population a = b.add(neurons("a", size));
        b.add(new Projection("stim->a", stim, a, c, synapse(delayMs), Receptor.excitatory, null));
        return b.build();
    }

    /**
     * A source {@code stim} into {@code a}, and {@code a} and {@code c} into each other, at fixed
     * probabilities: slices placed late send back to those placed early, so routes run both ways.
     */
    static Network loop(long seed, int stimSize, int size, double pIn, double pLoop) {
        Network.Builder b = Network.builder().seed(seed).timestepMs(0.1);
        Population stim = b.add(poisson("stim", stimSize));
        Population a = b.add(neurons("a", size));
        Population c = b.add(neurons("c", size));
        b.add(new Projection("stim->a", stim, a, new FixedProbability(pIn), synapse(1), Receptor.excitatory, null));
        b.add(new Projection("a->c", a, c, new FixedProbability(pLoop), synapse(1), Receptor.excitatory, null));
        b.add(new Projection("c->a", c, a, new FixedProbability(pLoop), synapse(2), Receptor.inhibitory, null));
        return b.build();
    }

    /**
     * Two to five populations of every deployable model, three to seven projections between
     * them (one-to-one on views of equal size, all-to-all, fixed probability, from a list), static
     * or STDP with either weight dependence, random delays and receptors.
     */
    static Network random(long seed) {
        Random r = new Random(seed);
        Network.Builder b = Network.builder().seed(seed).timestepMs(0.1);
        List<Population> pops = new ArrayList<>();
        int count = 2 + r.nextInt(4);
        for (int k = 0; k < count; k++) {
            int size = 1 + r.nextInt(300);
            CellType type = switch (k == 0 ? 0 : r.nextInt(5)) {
                case 0 -> StandardModel.SpikeSourcePoisson.with("rate", 5.0);
                case 1 -> new SpikeSourceArray(List.of(new double[] {1, 2.5, 7}));
                case 2 -> StandardModel.IF_curr_delta.defaults();
                default -> StandardModel.IF_curr_exp.defaults();
            };
            pops.add(b.add(new Population("p" + k, size, type)));
        }
        List<Population> receivers = pops.stream().filter(p -> !p.cellType().isSource()).toList();
        if (receivers.isEmpty()) {
            receivers = List.of(b.add(neurons("p" + count, 1 + r.nextInt(300))));
            pops.add(receivers.get(0));
        }
        int projections = 3 + r.nextInt(5);
        for (int k = 0; k < projections; k++) {
            Population pre = pops.get(r.nextInt(pops.size()));
            Population post = receivers.get(r.nextInt(receivers.size()));
            Selection from = pre;
            Selection to = post;
            Connector c;
            switch (r.nextInt(4)) {
                case 0 -> {
                    int n = 1 + r.nextInt(Math.min(pre.size(), post.size()));
                    int a = r.nextInt(pre.size() - n + 1);
                    int z = r.nextInt(post.size() - n + 1);
                    from = pre.slice(a, a + n);
                    to = post.slice(z, z + n);
                    c = new OneToOne();
                }
                case 1 -> c = new AllToAll();
                case 2 -> c = new FixedProbability(0.01 + 0.2 * r.nextDouble());
                default -> {
                    List<FromList.Connection> list = new ArrayList<>();
                    for (int i = 0; i < 1 + r.nextInt(50); i++) {
                        list.add(new FromList.Connection(r.nextInt(pre.size()), r.nextInt(post.size())));
                    }
                    c = new FromList(list);
                }
            }
            Value delay = new Value.Uniform(0.1, 0.1 + 3 * r.nextDouble());
            SynapseType syn = switch (r.nextInt(3)) {
                case 0 -> new STDPMechanism(new SpikePairRule(), new WeightDependence.AdditiveWeightDependence(0, 1),
                        Value.of(0.5), delay);
                case 1 -> new STDPMechanism(new SpikePairRule(),
                        new WeightDependence.MultiplicativeWeightDependence(0, 1), Value.of(0.5), delay);
                default -> new StaticSynapse(Value.of(0.5), delay);
            };
            b.add(new Projection("q" + k, from, to, c, syn, r.nextBoolean() ? Receptor.excitatory : Receptor.inhibitory,
                    null));
        }
        return b.build();
    }
}
