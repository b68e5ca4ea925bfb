package org.engram.spinnaker.image;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.WeightDependence;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.Mapper;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.mapping.MappingOptions;

/**
 * The network of the image and deployment tests: a spike array and a Poisson source drive an
 * excitatory population through static and STDP synapses; it drives an inhibitory population
 * (IF_curr_delta) that inhibits it back. Every projection crosses chips when mapped onto
 * {@link #machine()}.
 */
public final class SmallNetwork {
    public static final double DT_MS = 0.1;
    public static final double RUN_MS = 60;
    public static final int RUN_TICKS = 600;

    private SmallNetwork() {}

    public static Network network() {
        return network(Reset.SET);
    }

    /** The network with this reset for exc and inh. */
    public static Network network(Reset reset) {
        Network.Builder b = Network.builder().seed(17).timestepMs(DT_MS);
        Population stim = b.add(new Population("stim", 5, SpikeSourceArray.of(new double[] {1, 12.3, 30},
                new double[] {2, 2.05, 40.5}, new double[] {5, 25, 45}, new double[] {}, new double[] {0, 50, 55.5})));
        Population noise = b.add(new Population("noise", 8, StandardModel.SpikeSourcePoisson.with("rate", 150.0)));
        Population exc = b.add(new Population("exc", 12, StandardModel.IF_curr_exp.defaults().withReset(reset))
                .recording(true, true, 0));
        Population inh = b.add(new Population("inh", 6, StandardModel.IF_curr_delta.with("tau_refrac", 2.0)
                .withReset(reset)).recordingSpikes());
        b.add(new Projection("stim->exc", stim, exc.slice(0, 5), new OneToOne(), new StaticSynapse(6, 1.0),
                Receptor.excitatory, null));
        b.add(new Projection("noise->exc", noise, exc, new FixedProbability(0.6),
                new STDPMechanism(new SpikePairRule(16.7, 33.7, 0.05, 0.06),
                        new WeightDependence.AdditiveWeightDependence(0, 4), 2.5, 1.5), Receptor.excitatory, null));
        b.add(new Projection("exc->inh", exc, inh, new AllToAll(), new StaticSynapse(4, 0.4), Receptor.excitatory,
                null));
        b.add(new Projection("inh->exc", inh, exc, new FixedProbability(0.5), new StaticSynapse(1.5, 2.0),
                Receptor.inhibitory, null));
        return b.build();
    }

    /**
     * A SpiNN-5 board whose chip (0,0) has two application cores and (1,0) one, so that the
     * sources share (0,0), exc has (1,0) and inh goes further.
     */
    public static Machine machine() {
        List<Machine.Chip> chips = new ArrayList<>();
        for (Machine.Chip c : Machine.spinn5().chipDescriptions()) {
            if (c.location().equals(ChipLocation.ZERO)) {
                chips.add(c.withCores(3));
            } else {
                chips.add(c.location().equals(new ChipLocation(1, 0)) ? c.withCores(2) : c);
            }
        }
        return Machine.of(8, 8, chips);
    }

    public static Mapping mapping(Network network) {
        return Mapper.map(BuiltNetwork.build(network), machine(), MappingOptions.DEFAULT);
    }

    /** A population's spikes as "neuron@tick" lines, in tick then neuron order. */
    public static String spikeLines(PopulationSpikes s) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.count(); k++) {
            b.append(s.neuron(k)).append('@').append(Math.round(s.timeMs(k) / DT_MS)).append('\n');
        }
        return b.toString();
    }

    /** The same lines from the spike words per tick of every core (in image order) of a population. */
    public static String spikeLines(List<CoreImage> images, List<List<int[]>> spikes, String label) {
        TreeMap<Long, String> lines = new TreeMap<>();
        for (int k = 0; k < images.size(); k++) {
            CoreImage image = images.get(k);
            if (!image.label().equals(label)) {
                continue;
            }
            for (int t = 0; t < spikes.get(k).size(); t++) {
                int[] bits = spikes.get(k).get(t);
                for (int i = 0; i < image.size(); i++) {
                    if ((bits[i >>> 5] >>> (i & 31) & 1) != 0) {
                        lines.put((long) t << 32 | (image.first() + i), (image.first() + i) + "@" + t + "\n");
                    }
                }
            }
        }
        return String.join("", lines.values());
    }
}
