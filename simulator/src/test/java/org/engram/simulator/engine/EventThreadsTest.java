package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_cond_exp;
import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.engram.simulator.neuron.StandardModel.SpikeSourcePoisson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.network.DCSource;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.StepCurrentSource;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.random.Value;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.WeightTrace;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.WeightDependence.AdditiveWeightDependence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event mode gives the same bytes on any number of threads: random networks of every kind of
 * neuron the engine keeps apart (scaled IF_curr_exp and IF_curr_delta, exact IF_cond_exp and
 * subtractive IF_curr_exp), Poisson sources, current sources, random delays, inhibition and STDP,
 * run on 1, 2, 3 and 8 threads, record the same spikes, v and weights.
 */
class EventThreadsTest {
    private static final String[] POPULATIONS = {"exc", "inh", "delta", "cond", "soft", "poisson"};

    private static Network network(long seed) {
        Network.Builder b = Network.builder().seed(seed);
        InitialValue v0 = InitialValue.of(new Value.Uniform(-65, -52));
        Population exc = b.add(new Population("exc", 120, IF_curr_exp.with("tau_refrac", 2.0)).initialize("v", v0)
                .recording(true, true, 0.5));
        Population inh = b.add(new Population("inh", 40, IF_curr_exp.with("tau_refrac", 1.0)).initialize("v", v0)
                .recordingSpikes());
        Population delta = b.add(new Population("delta", 40, IF_curr_delta.with("tau_refrac", 1.0))
                .initialize("v", v0).recording(true, true, 0.7));
        Population cond = b.add(new Population("cond", 30, IF_cond_exp.with("tau_refrac", 1.0)).initialize("v", v0).recording(true, true, 1.0));
        Population soft = b.add(new Population("soft", 20, IF_curr_exp.with("tau_refrac", 0.0)
                .withReset(Reset.SUBTRACT)).initialize("v", v0).recording(true, true, 0.5));
        Population poisson = b.add(new Population("poisson", 60, SpikeSourcePoisson.with("rate", 60.0))
                .recordingSpikes());
        b.add(new DCSource(0.3, 20.0, 90.0).injectInto(cond));
        b.add(new StepCurrentSource(new double[] {10, 40.3, 80}, new double[] {0.5, -0.2, 0.1})
                .injectInto(exc.slice(0, 30)));
        Value delays = new Value.Uniform(0.3, 2.5);
        Population[] targets = {exc, inh, delta, cond, soft};
        double[] drive = {0.6, 0.6, 3.0, 0.012, 0.6};
        double[] excitation = {0.25, 0.25, 1.0, 0.004, 0.25};
        for (int k = 0; k < targets.length; k++) {
            Population t = targets[k];
            b.add(new Projection(poisson, t, new FixedProbability(0.15),
                    new StaticSynapse(Value.of(drive[k]), delays), Receptor.excitatory).withLabel("drive-" + t.label()));
            b.add(new Projection(exc, t, new FixedProbability(0.08),
                    new StaticSynapse(new Value.Uniform(0, excitation[k]), delays), Receptor.excitatory)
                    .withLabel("exc-" + t.label()));
            b.add(new Projection(inh, t, new FixedProbability(0.1),
                    new StaticSynapse(Value.of(4 * excitation[k]), delays), Receptor.inhibitory)
                    .withLabel("inh-" + t.label()));
        }
        STDPMechanism stdp = new STDPMechanism(new SpikePairRule(16.8, 33.7, 0.01, 0.012),
                new AdditiveWeightDependence(0.0, 0.5), 0.2, 0.8);
        b.add(new Projection("plastic", exc, exc, new FixedProbability(0.1), stdp, Receptor.excitatory, null)
                .recordingWeights(Projection.WeightRecording.every(5.0)));
        b.add(new Projection("plastic-delta", poisson, delta, new FixedProbability(0.1), stdp, Receptor.excitatory,
                null).recordingWeights(Projection.WeightRecording.every(7.5)));
        return b.build();
    }

    /** Runs in two parts, so that a run's end (an interval's end of its own) is crossed too. */
    private static Simulation run(Network net, int threads) {
        Simulation sim = Simulator.event(net, Threads.of(threads));
        assertEquals(threads, sim.threads());
        sim.run(70.3);
        sim.run(49.7);
        return sim;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void spikesVoltagesAndWeightsAreTheSameBytesOnOneTwoThreeAndEightThreads(long seed) {
        Network net = network(seed);
        Simulation one = run(net, 1);
        Recording expected = one.recording();
        for (String p : POPULATIONS) {
            assertTrue(expected.spikes(p).count() > 20, p + " spikes: the network is active");
        }
        for (int threads : new int[] {2, 3, 8}) {
            Simulation sim = run(net, threads);
            Recording got = sim.recording();
            for (String p : POPULATIONS) {
                PopulationSpikes e = expected.spikes(p);
                PopulationSpikes g = got.spikes(p);
                assertArrayEquals(e.neurons(), g.neurons(), p + " on " + threads + " threads");
                assertArrayEquals(e.timesMs(), g.timesMs(), p + " on " + threads + " threads");
            }
            for (String p : new String[] {"exc", "delta", "cond", "soft"}) {
                MembraneTrace e = expected.membrane(p);
                MembraneTrace g = got.membrane(p);
                assertArrayEquals(e.timesMs(), g.timesMs(), p + " on " + threads + " threads");
                assertArrayEquals(e.values(), g.values(), p + " v on " + threads + " threads");
            }
            for (String w : new String[] {"plastic", "plastic-delta"}) {
                WeightTrace e = expected.weights(w);
                WeightTrace g = got.weights(w);
                assertArrayEquals(e.timesMs(), g.timesMs(), w + " on " + threads + " threads");
                assertArrayEquals(e.weights(), g.weights(), w + " on " + threads + " threads");
                assertArrayEquals(one.weights(w), sim.weights(w), w + " at the end on " + threads + " threads");
            }
        }
    }
}
