package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.engram.simulator.neuron.StandardModel.SpikeSourcePoisson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.StepCurrentSource;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The results do not depend on the number of threads: random recurrent networks (Poisson input,
 * varied delays, inhibition, STDP) give the same spikes, v and weights, bit for bit, on 1, 2, 3
 * and 8 threads, in grid and fixed mode.
 */
class ThreadsTest {
    private static final int[] THREADS = {1, 2, 3, 8};
    private static final double RUN_MS = 300;

    /**
     * Poisson sources onto excitatory neurons, with plastic recurrent synapses, and inhibitory
     * neurons feeding back; delays drawn in [minDelay, 3] ms, but the sources', all minDelay. The
     * sources are the first and the last neurons, so that a neuron's input of one step comes from
     * several threads' blocks, and sums in an order that must not depend on the threads. The
     * rows of the excitatory (plastic) and inhibitory (static, one delay) neurons reach the
     * inhibitory neurons first, then the excitatory ones: targets out of order, which a thread
     * must still find its share of. With {@code samples} every population records v and the
     * plastic projection "plastic" its weights; with {@code current} a step current reaches
     * excitatory neurons of several threads' blocks (fixed mode has no current sources).
     */
    private static Network random(long seed, double minDelay, boolean samples, boolean current) {
        Network.Builder b = Network.builder().seed(seed);
        Population in = b.add(new Population("in", 30, SpikeSourcePoisson.with("rate", 60.0)).recordingSpikes());
        Population exc = b.add(new Population("exc", 120, IF_curr_exp.with("tau_refrac", 2.0))
                .initialize("v", InitialValue.of(new Value.Uniform(-65, -52))).recording(true, samples, 1.0));
        Population inh = b.add(new Population("inh", 37, IF_curr_exp.with("tau_refrac", 1.0, "tau_m", 10.0))
                .initialize("v", InitialValue.of(new Value.Uniform(-65, -55))).recording(true, samples, 0.5));
        Population late = b.add(new Population("late", 30, SpikeSourcePoisson.with("rate", 60.0)));
        Value delay = new Value.Uniform(minDelay, 3.0);
        for (Population source : List.of(in, late)) {
            // one delay: the spikes of a step arrive together, and the order of their sum shows
            b.add(new Projection(source, exc, new FixedProbability(0.3), new StaticSynapse(new Value.Uniform(0.3, 1.1),
                    Value.of(minDelay)), Receptor.excitatory));
        }
        b.add(new Projection(in, inh, new FixedProbability(0.1), new StaticSynapse(new Value.Uniform(0.5, 1.5), delay),
                Receptor.excitatory));
        STDPMechanism stdp = new STDPMechanism(new SpikePairRule(16.8, 33.7, 0.02, 0.024),
                new AdditiveWeightDependence(0, 1.0), new Value.Uniform(0.1, 0.6), delay);
        b.add(new Projection(exc, inh, new FixedProbability(0.2), stdp, Receptor.excitatory).withLabel("plastic-inh"));
        Projection plastic = new Projection(exc, exc, new FixedProbability(0.1), stdp, Receptor.excitatory)
                .withLabel("plastic");
        b.add(samples ? plastic.recordingWeights(Projection.WeightRecording.every(10.0)) : plastic);
        b.add(new Projection(inh, inh, new FixedProbability(0.2), new StaticSynapse(Value.of(0.4), Value.of(1.0)),
                Receptor.inhibitory));
        b.add(new Projection(inh, exc, new FixedProbability(0.3), new StaticSynapse(Value.of(0.7), Value.of(1.0)),
                Receptor.inhibitory));
        if (current) {
            b.add(new StepCurrentSource(new double[] {50, 150}, new double[] {0.4, -0.1}).injectInto(exc.slice(40, 100)));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} mode, seed {1}, delays from {2} ms, samples {3}")
    @CsvSource({"grid, 11, 0.1, true", "grid, 12, 0.5, false", "grid, 13, 1.0, true", "fixed, 11, 0.1, true",
            "fixed, 14, 1.0, false"})
    void resultsAreTheSameBytesOnAnyNumberOfThreads(Mode mode, long seed, double minDelay, boolean samples) {
        Network net = random(seed, minDelay, samples, mode == Mode.grid);
        Simulation one = Simulator.create(net, mode, 0.1, Threads.of(1));
        one.run(RUN_MS / 2);
        one.run(RUN_MS / 2); // a run in two parts continues where the first stopped
        Recording expected = one.recording();
        assertTrue(expected.spikes("exc").count() > 200, "the network is active: " + expected.spikes("exc").count());
        for (int threads : THREADS) {
            Simulation sim = Simulator.create(net, mode, 0.1, Threads.of(threads));
            assertEquals(threads, sim.threads());
            sim.run(RUN_MS);
            Recording got = sim.recording();
            String on = mode + " mode on " + threads + " threads: ";
            for (String p : List.of("in", "exc", "inh")) {
                PopulationSpikes e = expected.spikes(p);
                PopulationSpikes g = got.spikes(p);
                assertArrayEquals(e.neurons(), g.neurons(), on + p + " spiking neurons");
                assertArrayEquals(e.timesMs(), g.timesMs(), on + p + " spike times");
            }
            if (samples) {
                for (String p : List.of("exc", "inh")) {
                    MembraneTrace e = expected.membrane(p);
                    MembraneTrace g = got.membrane(p);
                    assertArrayEquals(e.timesMs(), g.timesMs(), on + p + " v sample times");
                    for (int k = 0; k < e.neurons().length; k++) {
                        assertArrayEquals(e.trace(k), g.trace(k), on + p + " v of neuron " + k);
                    }
                }
                WeightTrace e = expected.weights("plastic");
                WeightTrace g = got.weights("plastic");
                assertArrayEquals(e.timesMs(), g.timesMs(), on + "weight sample times");
                for (int s = 0; s < e.timesMs().length; s++) {
                    assertArrayEquals(e.at(s), g.at(s), on + "weights at " + e.timesMs()[s] + " ms");
                }
            }
            for (String p : List.of("plastic", "plastic-inh")) {
                assertArrayEquals(one.weights(p), sim.weights(p), on + p + " final weights");
            }
        }
    }

    @Test
    void theWeightsChange() {
        Simulation sim = Simulator.grid(random(11, 0.1, false, true), 0.1, Threads.of(2));
        double[] before = sim.weights("plastic");
        sim.run(RUN_MS);
        double[] after = sim.weights("plastic");
        int changed = 0;
        for (int s = 0; s < before.length; s++) {
            changed += before[s] != after[s] ? 1 : 0;
        }
        assertTrue(changed > before.length / 2, changed + " of " + before.length + " plastic weights changed");
    }

    @Test
    void autoKeepsSmallNetworksOnOneThread() {
        Network net = random(11, 0.1, false, false);
        assertEquals(1, Simulator.grid(net, 0.1).threads());
        assertEquals(1, Simulator.fixed(net, 0.1).threads());
        assertEquals(1, Simulator.event(net).threads());
        assertEquals(4, Simulator.event(net, Threads.of(4)).threads());
    }

    @Test
    void threadCountsParseAndBadOnesAreRefused() {
        assertEquals(Threads.AUTO, Threads.parse("auto"));
        assertEquals(Threads.of(3), Threads.parse(" 3"));
        assertTrue(Threads.AUTO.auto());
        assertEquals(0, Threads.AUTO.requested());
        for (String bad : List.of("0", "-1", "x", "1.5", "")) {
            InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> Threads.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") || e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(InvalidNetworkException.class, () -> Threads.of(0));
    }
}
