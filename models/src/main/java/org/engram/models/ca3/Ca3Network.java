package org.engram.models.ca3;

import static org.engram.models.ca3.Ca3Population.ContCond;
import static org.engram.models.ca3.Ca3Population.ContCondInt;
import static org.engram.models.ca3.Ca3Population.ContCont;
import static org.engram.models.ca3.Ca3Population.ContCue;
import static org.engram.models.ca3.Ca3Population.CueCont;
import static org.engram.models.ca3.Ca3Population.CueCue;
import static org.engram.models.ca3.Ca3Population.IN_cont;
import static org.engram.models.ca3.Ca3Population.IN_cue;
import static org.engram.models.ca3.Ca3Population.MergeCont;
import static org.engram.models.ca3.Ca3Population.MergeCue;
import static org.engram.models.ca3.Ca3Population.OUT_cont;
import static org.engram.models.ca3.Ca3Population.OUT_cue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.SynapseType;

/**
 * Builds the CA3 content-addressable memory for C memories and N content bits as an ordinary
 * network of the simulator: the twelve populations of {@link Ca3Population} and the projections
 * below (weights in nA, delays in ms; w_exc = 6, all static unless marked STDP).
 *
 * <pre>
 *   label                      pre -> post              connector          weight   delay receptor
 *   IN_cue->CueCue             IN_cue -> CueCue         one-to-one         6        1     exc
 *   IN_cont->ContCue           IN_cont -> ContCue       one-to-one         6        1     exc
 *   CueCue->CueCont            CueCue -> CueCont        one-to-one         6        2     exc
 *   CueCue->CueCont-inh        CueCue -> CueCont        all i != j         6 N      3     inh
 *   CueCue->ContCond-inh       CueCue -> ContCond       all-to-all         6        2     inh
 *   ContCue->ContCond          ContCue -> ContCond      one-to-one         9        1     exc
 *   ContCue->ContCondInt       ContCue -> ContCondInt   all-to-one         6        1     exc
 *   ContCondInt->ContCond      ContCondInt -> ContCond  one-to-all         2        1     exc
 *   ContCond->ContCont         ContCond -> ContCont     one-to-one         6        1     exc
 *   CueCue->ContCue            CueCue -> ContCue        all-to-all         STDP 0   1     exc
 *   ContCont->CueCont          ContCont -> CueCont      all-to-all         STDP 0   1     exc
 *   CueCont->CueCont-inh       CueCont -> CueCont       all, no self       6 N      2     inh
 *   CueCue->MergeCue           CueCue -> MergeCue       one-to-one         6        3     exc
 *   CueCont->MergeCue          CueCont -> MergeCue      one-to-one         6        1     exc
 *   ContCue->MergeCont         ContCue -> MergeCont     one-to-one         6        3     exc
 *   ContCont->MergeCont        ContCont -> MergeCont    one-to-one         6        1     exc
 *   MergeCue->OUT_cue          MergeCue -> OUT_cue      one-to-one         6        1     exc
 *   MergeCont->OUT_cont        MergeCont -> OUT_cont    one-to-one         6        1     exc
 * </pre>
 *
 * The memory proper (CueCue .. MergeCont) has 3C + 4N + 1 neurons and 3C + 2C(C-1) + 3CN + 6N
 * synapses, 2CN of them plastic; the input and output halves add 2(C+N) neurons and 2(C+N)
 * synapses. The cue-to-cue lateral inhibition CueCue->CueCont joins two different populations, so
 * "no self" (i != j) is written as an explicit list: PyNN's {@code allow_self_connections} only
 * applies within one population.
 *
 * <p>Every population records spikes. The network's timestep is 1 ms, what the hardware ran.
 */
public final class Ca3Network {
    /** The plastic cue-to-content projection (learns which bits belong to a cue). */
    public static final String CUE_TO_CONTENT = "CueCue->ContCue";
    /** The plastic content-to-cue projection (learns which cues a bit belongs to). */
    public static final String CONTENT_TO_CUE = "ContCont->CueCont";
    /** The network's timestep: the 1 ms grid the circuit was designed for. */
    public static final double TIMESTEP_MS = 1.0;

    private Ca3Network() {}

    /** A builder for C memories and N content bits, with the original parameters and no input. */
    public static Builder builder(int cueSize, int contSize) {
        return new Builder(cueSize, contSize);
    }

    /** The memory driven by a test bench, to run for the bench's {@code simTime}. */
    public static Network of(TestBench bench) {
        return builder(bench.cueSize(), bench.contSize()).inputs(bench).build();
    }

    /** The number of memories (cue neurons) of a CA3 network built here. */
    public static int cueSize(Network network) {
        return network.population(IN_cue.label()).size();
    }

    /** The number of content bits of a CA3 network built here. */
    public static int contSize(Network network) {
        return network.population(IN_cont.label()).size();
    }

    /** Collects sizes, parameters and input spikes, then makes the network. */
    public static final class Builder {
        private final int cueSize;
        private final int contSize;
        private Ca3Parameters parameters = Ca3Parameters.ORIGINAL;
        private double[][] cueSpikes;
        private double[][] contSpikes;
        private double runMs;
        private long seed = 1;

        private Builder(int cueSize, int contSize) {
            if (cueSize < 1 || contSize < 1) {
                throw new InvalidNetworkException("CA3 memory: cueSize " + cueSize + " and contSize " + contSize
                        + "; expected at least one memory and one content bit");
            }
            this.cueSize = cueSize;
            this.contSize = contSize;
            cueSpikes = new double[cueSize][0];
            contSpikes = new double[contSize][0];
        }

        public Builder parameters(Ca3Parameters p) {
            parameters = p;
            return this;
        }

        /** Spike times (ms) of each cue input neuron: {@code cueSize} lists. */
        public Builder cueSpikes(double[][] times) {
            cueSpikes = checked("cue", times, cueSize);
            return this;
        }

        /** Spike times (ms) of each content input neuron: {@code contSize} lists. */
        public Builder contentSpikes(double[][] times) {
            contSpikes = checked("cont", times, contSize);
            return this;
        }

        /** The bench's input spikes and run length; its sizes must match the builder's. */
        public Builder inputs(TestBench bench) {
            cueSpikes(bench.cueTimes());
            contentSpikes(bench.contTimes());
            runMs = bench.simTimeMs();
            return this;
        }

        /** The default run length stored in the network (its {@code run_ms}). */
        public Builder runMs(double t) {
            runMs = t;
            return this;
        }

        /** The network's seed (nothing in the memory is random; kept for a saved network). */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        private static double[][] checked(String what, double[][] times, int size) {
            if (times.length != size) {
                throw new InvalidNetworkException("CA3 memory: " + what + " input has " + times.length
                        + " spike lists; expected " + size);
            }
            double[][] copy = new double[size][];
            for (int i = 0; i < size; i++) {
                copy[i] = times[i].clone();
            }
            return copy;
        }

        public Network build() {
            int n = contSize;
            Ca3Parameters p = parameters;
            Network.Builder b = Network.builder().seed(seed).timestepMs(TIMESTEP_MS).runMs(runMs);
            Map<Ca3Population, Population> pop = new EnumMap<>(Ca3Population.class);
            for (Ca3Population kind : Ca3Population.values()) {
                int size = kind.size(cueSize, contSize);
                Population made;
                if (kind == IN_cue || kind == IN_cont) {
                    made = new Population(kind.label(), size,
                            SpikeSourceArray.of(kind == IN_cue ? cueSpikes : contSpikes));
                } else {
                    made = new Population(kind.label(), size, p.cellOf(kind)).initialize("v", p.vInitMv());
                }
                pop.put(kind, b.add(made.recordingSpikes()));
            }
            double w = p.weightNa();
            double lateral = p.lateralInhibitionPerBitNa() * n;
            List<FromList.Connection> otherCues = new ArrayList<>();
            for (int i = 0; i < cueSize; i++) {
                for (int j = 0; j < cueSize; j++) {
                    if (i != j) {
                        otherCues.add(new FromList.Connection(i, j));
                    }
                }
            }
            STDPMechanism stdp = new STDPMechanism(p.stdpRule(), p.stdpBounds(), p.stdpInitialWeightNa(), 1.0);
            Connector oneToOne = new OneToOne();
            Connector all = new AllToAll(true);

            link(b, pop, IN_cue, CueCue, "", oneToOne, w, 1, Receptor.excitatory);
            link(b, pop, IN_cont, ContCue, "", oneToOne, w, 1, Receptor.excitatory);
            link(b, pop, CueCue, CueCont, "", oneToOne, w, 2, Receptor.excitatory);
            if (cueSize > 1) {
                link(b, pop, CueCue, CueCont, "-inh", new FromList(otherCues), lateral, 3, Receptor.inhibitory);
            }
            link(b, pop, CueCue, ContCond, "-inh", all, w, 2, Receptor.inhibitory);
            link(b, pop, ContCue, ContCond, "", oneToOne, p.gateWeightNa(), 1, Receptor.excitatory);
            link(b, pop, ContCue, ContCondInt, "", all, w, 1, Receptor.excitatory);
            link(b, pop, ContCondInt, ContCond, "", all, p.interneuronWeightNa(), 1, Receptor.excitatory);
            link(b, pop, ContCond, ContCont, "", oneToOne, w, 1, Receptor.excitatory);
            b.add(new Projection(CUE_TO_CONTENT, pop.get(CueCue), pop.get(ContCue), all, stdp, Receptor.excitatory, null));
            b.add(new Projection(CONTENT_TO_CUE, pop.get(ContCont), pop.get(CueCont), all, stdp, Receptor.excitatory, null));
            if (cueSize > 1) {
                link(b, pop, CueCont, CueCont, "-inh", new AllToAll(false), lateral, 2, Receptor.inhibitory);
            }
            link(b, pop, CueCue, MergeCue, "", oneToOne, w, 3, Receptor.excitatory);
            link(b, pop, CueCont, MergeCue, "", oneToOne, w, 1, Receptor.excitatory);
            link(b, pop, ContCue, MergeCont, "", oneToOne, w, 3, Receptor.excitatory);
            link(b, pop, ContCont, MergeCont, "", oneToOne, w, 1, Receptor.excitatory);
            link(b, pop, MergeCue, OUT_cue, "", oneToOne, w, 1, Receptor.excitatory);
            link(b, pop, MergeCont, OUT_cont, "", oneToOne, w, 1, Receptor.excitatory);
            return b.build();
        }

        private static void link(Network.Builder b, Map<Ca3Population, Population> pop, Ca3Population pre,
                Ca3Population post, String suffix, Connector c, double weight, double delay, Receptor r) {
            SynapseType s = new StaticSynapse(weight, delay);
            b.add(new Projection(pre.label() + "->" + post.label() + suffix, pop.get(pre), pop.get(post), c, s, r,
                    null));
        }
    }
}
