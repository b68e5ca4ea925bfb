package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.engram.simulator.neuron.StandardModel.SpikeSourcePoisson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.engram.simulator.connector.FixedNumberPre;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.StaticSynapse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SourcesAndModesTest {

    private static Network poissonNet(long seed, double rate) {
        Network.Builder b = Network.builder().seed(seed);
        b.add(new Population("p", 200, SpikeSourcePoisson.with("rate", rate, "start", 100.0, "duration", 5000.0))
                .recordingSpikes());
        return b.build();
    }

    @Test
    void poissonRateIsWithinThreeStandardErrors() {
        PopulationSpikes s = Simulator.run(poissonNet(11, 20.0), Mode.event, Double.NaN, 6000).spikes("p");
        double expected = 200 * 20.0 * 5.0; // neurons x Hz x s
        assertEquals(expected, s.count(), 3 * Math.sqrt(expected));
        assertTrue(Arrays.stream(s.timesMs()).allMatch(t -> t >= 100.0 && t < 5100.0), "within [start, start + duration)");
    }

    @Test
    void poissonIntervalsHaveUnitCoefficientOfVariation() {
        PopulationSpikes s = Simulator.run(poissonNet(12, 50.0), Mode.event, Double.NaN, 6000).spikes("p");
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < 200; i++) {
            double[] t = s.timesOf(i);
            for (int k = 1; k < t.length; k++) {
                double isi = t[k] - t[k - 1];
                sum += isi;
                sumSq += isi * isi;
                n++;
            }
        }
        double mean = sum / n;
        double cv = Math.sqrt(sumSq / n - mean * mean) / mean;
        assertEquals(1.0, cv, 0.03, "CV of " + n + " exponential intervals");
        assertEquals(20.0, mean, 0.3, "mean interval of a 50 Hz source");
    }

    @Test
    void sameSeedGivesSameTrainsAndOtherSeedsDiffer() {
        double[] a = Simulator.run(poissonNet(5, 20.0), Mode.event, Double.NaN, 2000).spikes("p").timesMs();
        double[] b = Simulator.run(poissonNet(5, 20.0), Mode.event, Double.NaN, 2000).spikes("p").timesMs();
        double[] c = Simulator.run(poissonNet(6, 20.0), Mode.event, Double.NaN, 2000).spikes("p").timesMs();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    /** A small recurrent network with random initial values and connections, in either mode. */
    private static Network recurrent(long seed) {
        Network.Builder b = Network.builder().seed(seed);
        Population in = b.add(new Population("in", 20, SpikeSourcePoisson.with("rate", 40.0)));
        Population exc = b.add(new Population("exc", 50, IF_curr_exp.with("tau_refrac", 2.0))
                .initialize("v", InitialValue.of(new Value.Uniform(-65, -55))).recording(true, true, 1.0));
        b.add(new Projection(in, exc, new FixedNumberPre(5), new StaticSynapse(Value.of(1.5),
                new Value.Uniform(0.5, 2.0)), Receptor.excitatory));
        b.add(new Projection(exc, exc, new FixedNumberPre(5, false), new StaticSynapse(0.3, 1.0),
                Receptor.inhibitory));
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void equalSeedsGiveIdenticalRecordings(Mode mode) {
        Recording a = Simulator.run(recurrent(9), mode, 0.1, 300);
        Recording b = Simulator.run(recurrent(9), mode, 0.1, 300);
        assertTrue(a.spikes("exc").count() > 50, "the network is active");
        assertArrayEquals(a.spikes("exc").timesMs(), b.spikes("exc").timesMs());
        assertArrayEquals(a.spikes("exc").neurons(), b.spikes("exc").neurons());
        assertArrayEquals(a.membrane("exc").trace(3), b.membrane("exc").trace(3));
    }

    @Test
    void gridModeConvergesToEventModeAsTheStepShrinks() {
        // one neuron driven by grid-aligned inputs of growing weight, far enough apart that each
        // response starts from rest: each grid spike lies within about a step of the exact one
        double[] inputs = new double[20];
        Arrays.setAll(inputs, k -> 5.0 + 80.0 * k + (k % 3) * 0.3);
        Network.Builder b = Network.builder().seed(1);
        Population src = b.add(new Population("src", 1, SpikeSourceArray.of(inputs)));
        Population n = b.add(new Population("n", 1, IF_curr_exp.with("tau_refrac", 5.0, "cm", 0.25)).initialize("v", -65)
                .recordingSpikes());
        b.add(new Projection(src, n, new OneToOne(), new StaticSynapse(1.3, 1.0), Receptor.excitatory));
        Network net = b.build();
        double[] exact = Simulator.run(net, Mode.event, Double.NaN, 1700).spikes("n").timesOf(0);
        assertEquals(inputs.length, exact.length, "each input makes the neuron fire once");
        double[] worst = new double[2]; // per step size, the largest |grid - exact|
        double[] steps = {0.1, 0.01};
        for (int m = 0; m < steps.length; m++) {
            double dt = steps[m];
            double[] grid = Simulator.run(net, Mode.grid, dt, 1700).spikes("n").timesOf(0);
            assertEquals(exact.length, grid.length, "dt " + dt);
            for (int k = 0; k < exact.length; k++) {
                worst[m] = Math.max(worst[m], Math.abs(grid[k] - exact[k]));
            }
            assertTrue(worst[m] <= dt + 1e-9, "dt " + dt + ": worst spike-time difference " + worst[m]);
        }
    }

    @Test
    void staticWeightsAreReadableAndReproducible() {
        Network.Builder b = Network.builder().seed(21);
        Population a = b.add(new Population("a", 30, SpikeSourcePoisson.defaults()));
        Population c = b.add(new Population("c", 40, IF_curr_exp.defaults()));
        b.add(new Projection("p", a, c, new org.engram.simulator.connector.FixedProbability(0.2),
                new StaticSynapse(new Value.Uniform(0.1, 0.3), Value.of(1.0)), Receptor.inhibitory, null));
        Network net = b.build();
        Simulation s1 = Simulator.event(net);
        Simulation s2 = Simulator.grid(net, 0.1);
        double[] w = s1.weights("p");
        int[][] conn = s1.connections("p");
        assertEquals(conn[0].length, w.length);
        assertEquals(30 * 40 * 0.2, w.length, 3 * Math.sqrt(30 * 40 * 0.2 * 0.8), "about p of all pairs");
        assertTrue(Arrays.stream(w).allMatch(x -> x >= 0.1 && x < 0.3), "inhibitory weights stay positive, as in PyNN");
        assertArrayEquals(w, s2.weights("p"), "both engines build the same connections");
        assertTrue(Arrays.stream(conn[0]).allMatch(i -> i >= 0 && i < 30) && Arrays.stream(conn[1]).allMatch(j -> j >= 0 && j < 40));
    }
}
