package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Value;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.WeightDependence.AdditiveWeightDependence;
import org.junit.jupiter.api.Test;

/**
 * The cores of a busy network (Poisson and array sources, a plastic recurrent population over
 * two cores, delta-synapse interneurons, delays of 1 to 5 steps) give the same spikes, step by
 * step, whatever the order in which the keys of a step are delivered, and whether every key is
 * broadcast to every core (which drop the keys they do not listen to) or routed as the engine does;
 * and cores made again from copies of their regions, as an image decoder makes them, run alike.
 */
class DeliveryOrderTest {
    static final int STEPS = 400;

    static Network busy() {
        Network.Builder b = Network.builder().seed(21);
        Population noise = b.add(new Population("noise", 100, StandardModel.SpikeSourcePoisson.with("rate", 20.0)));
        Population cue = b.add(new Population("cue", 20, SpikeSourceArray.of(new double[] {50, 100, 150, 151})));
        Population exc = b.add(new Population("exc", 300, StandardModel.IF_curr_exp.with("tau_refrac", 2.0))
                .recordingSpikes());
        Population inh = b.add(new Population("inh", 60, StandardModel.IF_curr_delta.with("tau_refrac", 2.0))
                .recordingSpikes());
        b.add(new Projection("noise_exc", noise, exc, new FixedProbability(0.1), new StaticSynapse(2.0, 1.0),
                Receptor.excitatory, null));
        b.add(new Projection("cue_exc", cue, exc, new AllToAll(), new StaticSynapse(1.0, 1.0), Receptor.excitatory,
                null));
        b.add(new Projection("exc_exc", exc, exc, new FixedProbability(0.05), new STDPMechanism(
                new SpikePairRule(15, 25, 0.05, 0.06), new AdditiveWeightDependence(0, 1.5), Value.of(0.5),
                new Value.Uniform(1, 5)), Receptor.excitatory, null));
        b.add(new Projection("exc_inh", exc, inh, new FixedProbability(0.1), new StaticSynapse(1.0, 1.0),
                Receptor.excitatory, null));
        b.add(new Projection("inh_exc", inh, exc, new FixedProbability(0.2), new StaticSynapse(1.0, 2.0),
                Receptor.inhibitory, null));
        return b.build();
    }

    /**
     * Runs fresh cores, every key of a step broadcast to every core in an order {@code shuffle} may
     * change; returns the spike bits by step and core.
     */
    static int[][][] run(Random shuffle) {
        return run(FixedNetwork.build(busy(), 1.0, FixedOptions.DEFAULT).cores(), shuffle);
    }

    static int[][][] run(List<Core> cores, Random shuffle) {
        int[][][] bits = new int[STEPS][cores.size()][];
        for (int t = 0; t < STEPS; t++) {
            List<Integer> keys = new ArrayList<>();
            for (int c = 0; c < cores.size(); c++) {
                Core core = cores.get(c);
                int sent = core.step();
                bits[t][c] = core.spikeBits().clone();
                for (int k = 0; k < sent; k++) {
                    keys.add(core.emitted()[k]);
                }
            }
            List<Core> order = new ArrayList<>(cores);
            if (shuffle != null) {
                Collections.shuffle(keys, shuffle);
                Collections.shuffle(order, shuffle);
            }
            for (Core core : order) {
                for (int key : keys) {
                    core.receive(key);
                }
            }
        }
        return bits;
    }

    @Test
    void theOrderOfAStepsKeysChangesNothing() {
        int[][][] straight = run(null);
        int total = 0;
        for (int[][] step : straight) {
            for (int[] core : step) {
                for (int w : core) {
                    total += Integer.bitCount(w);
                }
            }
        }
        assertTrue(total > 2000, "the network is busy: " + total + " spikes");
        for (long seed = 1; seed <= 3; seed++) {
            int[][][] shuffled = run(new Random(seed));
            for (int t = 0; t < STEPS; t++) {
                for (int c = 0; c < straight[t].length; c++) {
                    assertArrayEquals(straight[t][c], shuffled[t][c], "step " + t + ", core " + c + ", seed " + seed);
                }
            }
        }
    }

    /** A copy of a core made from copies of its regions, as an image decoder makes one, before it runs. */
    static Core decoded(Core core) {
        if (core instanceof SpikeArrayCore a) {
            SpikeTimes t = a.times();
            return new SpikeArrayCore(a.firstKey(), new SpikeTimes(t.size, t.ticks.clone(), t.first.clone(),
                    t.neurons.clone()));
        }
        if (core instanceof PoissonCore p) {
            PoissonParameters r = p.parameters();
            PoissonParameters copy = new PoissonParameters(r.size(), r.seed.clone());
            System.arraycopy(r.expMinusLambda, 0, copy.expMinusLambda, 0, r.size());
            System.arraycopy(r.startTick, 0, copy.startTick, 0, r.size());
            System.arraycopy(r.endTick, 0, copy.endTick, 0, r.size());
            return new PoissonCore(p.firstKey(), copy);
        }
        NeuronCore n = (NeuronCore) core;
        LifParameters l = n.parameters();
        LifParameters lc = new LifParameters(l.model, l.reset, l.timeStep, l.size());
        int[][] from = {l.vInit, l.vRest, l.cm, l.tauM, l.iOffset, l.vReset, l.tauRefrac, l.refractInit, l.vThresh,
            l.tauSynE, l.isynE, l.tauSynI, l.isynI};
        int[][] to = {lc.vInit, lc.vRest, lc.cm, lc.tauM, lc.iOffset, lc.vReset, lc.tauRefrac, lc.refractInit,
            lc.vThresh, lc.tauSynE, lc.isynE, lc.tauSynI, lc.isynI};
        for (int k = 0; k < from.length; k++) {
            System.arraycopy(from[k], 0, to[k], 0, l.size());
        }
        SynapticMatrix m = n.matrix();
        SynapticMatrix mc = new SynapticMatrix(l.size(), m.indexBits, m.delayBits, m.shift.clone(), m.entryKey.clone(),
                m.entryMask.clone(), m.entryFirstRow.clone(), m.entryRows.clone(), m.staticRowStart.clone(),
                m.staticWords.clone(), m.plasticRowStart.clone(), m.plasticControl.clone(), m.plasticWeight.clone(),
                m.preTime.clone(), m.preTrace.clone());
        StdpParameters s = n.stdp();
        StdpParameters sc = null;
        if (s != null) {
            sc = new StdpParameters(s.lutPlus.clone(), s.lutMinus.clone(), s.multiplicative);
            for (int[][] pair : new int[][][] {{s.wMin, sc.wMin}, {s.wMax, sc.wMax}, {s.aPlus, sc.aPlus},
                {s.aMinus, sc.aMinus}}) {
                System.arraycopy(pair[0], 0, pair[1], 0, 2);
            }
        }
        return new NeuronCore(n.firstKey(), lc, mc, sc);
    }

    @Test
    void coresRebuiltFromCopiesOfTheirRegionsRunAlike() {
        List<Core> built = FixedNetwork.build(busy(), 1.0, FixedOptions.DEFAULT).cores();
        List<Core> copies = built.stream().map(DeliveryOrderTest::decoded).toList();
        int[][][] original = run(built, null);
        int[][][] copied = run(copies, null);
        for (int t = 0; t < STEPS; t++) {
            for (int c = 0; c < original[t].length; c++) {
                assertArrayEquals(original[t][c], copied[t][c], "step " + t + ", core " + c);
            }
        }
        NeuronCore a = (NeuronCore) built.get(2);
        NeuronCore b = (NeuronCore) copies.get(2);
        assertArrayEquals(a.v(), b.v());
        assertArrayEquals(a.matrix().plasticWeight, b.matrix().plasticWeight);
    }

    @Test
    void routingAsTheEngineDoesGivesTheBroadcastSpikes() {
        int[][][] straight = run(null);
        FixedEngine engine = new FixedEngine(busy(), 1.0, FixedOptions.DEFAULT);
        engine.run(STEPS);
        Recording rec = engine.recording();
        // exc is on cores 2 (neurons 0-254) and 3 (255-299); inh on core 4
        int[] excNeurons = rec.spikes("exc").neurons();
        double[] excTimes = rec.spikes("exc").timesMs();
        int k = 0;
        for (int t = 0; t < STEPS; t++) {
            for (int c = 2; c <= 3; c++) {
                int[] bits = straight[t][c];
                for (int i = 0; i < 32 * bits.length; i++) {
                    if ((bits[i >>> 5] >>> (i & 31) & 1) == 1) {
                        assertEquals(t, excTimes[k], "spike " + k);
                        assertEquals((c - 2) * FixedOptions.DEFAULT.neuronsPerCore() + i, excNeurons[k++], "spike at " + t);
                    }
                }
            }
        }
        assertEquals(excNeurons.length, k);
        assertTrue(rec.spikes("inh").count() > 0, "the interneurons fire");
        double[] w = engine.weights("exc_exc");
        assertTrue(Arrays.stream(w).filter(x -> x != 0.5).count() > w.length / 4, "the plastic weights moved");
    }
}
