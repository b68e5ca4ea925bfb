package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.StaticSynapse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Event mode against closed-form membrane solutions. */
class MembraneTest {

    private static final StandardCell DC = IF_curr_exp.with("cm", 0.25, "tau_m", 10.0, "v_rest", 0.0,
            "v_reset", 0.0, "i_offset", 1.0, "v_thresh", 15.0);

    @Test
    void firstSpikeOfDcDrivenNeuronMatchesClosedForm() {
        Network net = Nets.alone(Nets.neuron(DC, 0.0, 1.0));
        Recording r = Simulator.run(net, Mode.event, Double.NaN, 6.0);
        // v(t) = R i (1 - exp(-t/tau_m)) = 15  =>  t = tau_m ln(40/25) = 4.70003629 ms
        double expected = 10.0 * Math.log(40.0 / 25.0);
        assertEquals(4.70003629, expected, 1e-8);
        double[] spikes = r.spikes("n").timesOf(0);
        assertEquals(1, spikes.length);
        assertEquals(expected, spikes[0], 1e-9);
    }

    @Test
    void membraneWithoutThresholdMatchesClosedForm() {
        Network net = Nets.alone(Nets.neuron(DC.with("v_thresh", 100.0), 0.0, 0.5));
        Recording r = Simulator.run(net, Mode.event, Double.NaN, 6.0);
        MembraneTrace m = r.membrane("n");
        double[] t = m.timesMs();
        double[] v = m.trace(0);
        assertEquals(5.0, t[10], 1e-12);
        assertEquals(15.7387736, v[10], 1e-7);
        for (int s = 0; s < t.length; s++) {
            assertEquals(40.0 * (1 - Math.exp(-t[s] / 10.0)), v[s], 1e-9, "v at " + t[s] + " ms");
        }
    }

    /** Sweeps tau_syn around tau_m: the kernel's stable form must agree with the textbook one. */
    @ParameterizedTest
    @ValueSource(doubles = {5.0, 19.9, 20.0 - 1e-7, 20.0 + 1e-7, 20.5, 40.0})
    void pspMatchesDifferenceOfExponentials(double tauSyn) {
        double w = 0.5;
        double cm = 0.2;
        double tauM = 20.0;
        StandardCell cell = IF_curr_exp.with("cm", cm, "tau_m", tauM, "tau_syn_E", tauSyn, "v_rest", -65.0,
                "v_thresh", 0.0);
        Population target = Nets.neuron(cell, -65.0, 0.5);
        Network net = Nets.driven(target, w, 1.0, Receptor.excitatory, 2.0);
        Recording r = Simulator.run(net, Mode.event, Double.NaN, 60.0);
        MembraneTrace m = r.membrane("n");
        double[] t = m.timesMs();
        double[] v = m.trace(0);
        for (int s = 0; s < t.length; s++) {
            double u = t[s] - 3.0; // arrival at 2 + 1 ms
            double expected = -65.0;
            if (u > 0) {
                expected += Math.abs(tauSyn - tauM) < 1e-6
                        ? w / cm * u * Math.exp(-u / tauM) // the limit tau_syn = tau_m
                        : w / cm * tauM * tauSyn / (tauSyn - tauM) * (Math.exp(-u / tauSyn) - Math.exp(-u / tauM));
            }
            // the textbook form loses ~1e-9 relative near tau_syn = tau_m; the limit form is O(|tau_syn - tau_m|)
            assertEquals(expected, v[s], Math.abs(tauSyn - tauM) < 1e-6 ? 1e-5 : 1e-9, "v at " + t[s] + " ms");
        }
    }

    @Test
    void deltaSynapseJumpsByTheWeight() {
        Population target = Nets.neuron(IF_curr_delta.defaults(), -65.0, 0.25);
        Network net = Nets.driven(target, 2.0, 1.0, Receptor.excitatory, 4.0);
        Recording r = Simulator.run(net, Mode.event, Double.NaN, 20.0);
        MembraneTrace m = r.membrane("n");
        double[] t = m.timesMs();
        double[] v = m.trace(0);
        for (int s = 0; s < t.length; s++) {
            double expected = t[s] < 5.0 ? -65.0 : -65.0 + 2.0 * Math.exp(-(t[s] - 5.0) / 20.0);
            assertEquals(expected, v[s], 1e-12, "v at " + t[s] + " ms");
        }
        // exactly the weight at the arrival sample
        assertEquals(-63.0, v[20], 0.0);
    }

    @Test
    void inhibitoryDeltaSynapseJumpsDown() {
        Population target = Nets.neuron(IF_curr_delta.defaults(), -65.0, 1.0);
        Recording r = Simulator.run(Nets.driven(target, 3.0, 1.0, Receptor.inhibitory, 1.0), Mode.event,
                Double.NaN, 4.0);
        assertEquals(-68.0, r.membrane("n").trace(0)[2], 0.0);
    }

    @Test
    void deltaNeuronFiresAtTheExactArrivalTime() {
        Population target = Nets.neuron(IF_curr_delta.defaults(), -65.0, 1.0);
        Recording r = Simulator.run(Nets.driven(target, 20.0, 1.37, Receptor.excitatory, 10.0), Mode.event,
                Double.NaN, 20.0);
        assertEquals(10.0 + 1.37, r.spikes("n").timesOf(0)[0], 0.0); // exact: the sum as doubles
    }

    /**
     * An input that brings a neuron at rest exactly to threshold (15 mV from v_rest = -65 mV to
     * v_thresh = -50 mV) fires it at its arrival, whatever the arrival time: the reference is the
     * model's rule (v jumps by w and v >= v_thresh is a spike), so every neuron spikes once, at
     * its source's time plus the delay. Arrivals spread over seconds, across the times where the
     * engine rescales its state.
     */
    @Test
    void inputReachingThresholdExactlyFiresAtEveryArrivalTime() {
        int neurons = 200;
        double delay = 1.0;
        double[][] trains = new double[neurons][];
        for (int k = 0; k < neurons; k++) {
            trains[k] = new double[] {0.1 * (k + 1) + 23.7 * k};
        }
        Network.Builder b = Network.builder().seed(7);
        Population src = b.add(new Population("src", neurons, SpikeSourceArray.of(trains)));
        Population target = b.add(new Population("n", neurons, IF_curr_delta.defaults()).recordingSpikes());
        b.add(new Projection(src, target, new OneToOne(), new StaticSynapse(15.0, delay), Receptor.excitatory));
        var spikes = Simulator.run(b.build(), Mode.event, Double.NaN, 24.0 * neurons).spikes("n");
        int missed = 0;
        for (int k = 0; k < neurons; k++) {
            double[] times = spikes.timesOf(k);
            if (times.length != 1 || times[0] != trains[k][0] + delay) {
                missed++;
            }
        }
        assertEquals(0, missed, "neurons not firing once at the arrival, of " + neurons);
    }

    /**
     * The deliveries of one spike are all made before any re-plan: two synapses from one source
     * to one neuron, neither enough alone, fire it exactly when one synapse of their summed weight
     * does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"IF_curr_delta", "IF_curr_exp"})
    void twoSynapsesOfOneSpikeActAsTheirSum(String model) {
        boolean delta = model.equals("IF_curr_delta");
        StandardCell cell = delta ? IF_curr_delta.defaults() : IF_curr_exp.defaults();
        double w = delta ? 10.0 : 3.0; // mV jumps; nA: about 9.4 mV at the PSP's peak
        double[] twice = spikesOfDoubleDrive(cell, w, 2);
        double[] once = spikesOfDoubleDrive(cell, 2 * w, 1);
        assertEquals(0, spikesOfDoubleDrive(cell, w, 1).length, "one synapse alone stays below threshold");
        assertEquals(1, once.length);
        assertEquals(once.length, twice.length);
        assertEquals(once[0], twice[0], 1e-9);
        if (delta) {
            assertEquals(10.0 + 1.37, twice[0], 0.0);
        }
    }

    /** Spike times of a neuron at rest that one source spike at 10 ms reaches through {@code synapses} equal synapses. */
    private static double[] spikesOfDoubleDrive(StandardCell cell, double weight, int synapses) {
        Network.Builder b = Network.builder().seed(7);
        Population src = b.add(new Population("src", 1, SpikeSourceArray.of(new double[] {10.0})));
        Population target = b.add(Nets.neuron(cell, -65.0, 1.0));
        for (int k = 0; k < synapses; k++) {
            b.add(new Projection(src, target, new OneToOne(), new StaticSynapse(weight, 1.37), Receptor.excitatory)
                    .withLabel("drive" + k));
        }
        return Simulator.run(b.build(), Mode.event, Double.NaN, 60.0).spikes("n").timesOf(0);
    }

    @Test
    void refractoryPeriodIsExact() {
        StandardCell cell = DC.with("tau_refrac", 2.5);
        Network net = Nets.alone(Nets.neuron(cell, 0.0, 1.0));
        double[] spikes = Simulator.run(net, Mode.event, Double.NaN, 20.0).spikes("n").timesOf(0);
        double charge = 10.0 * Math.log(40.0 / 25.0); // from v_reset = 0 to threshold
        assertTrue(spikes.length >= 2);
        for (int k = 0; k < spikes.length; k++) {
            assertEquals(k * (charge + 2.5) + charge, spikes[k], 1e-9);
        }
    }

    @Test
    void gridModeRoundsDelaysAndRefractoryAsDocumented() {
        // delay 1.37 ms at dt 0.1 is 14 steps; the input at 10.0 arrives at step 114 and fires there
        Population target = Nets.neuron(IF_curr_delta.defaults(), -65.0, 1.0);
        Recording r = Simulator.run(Nets.driven(target, 20.0, 1.37, Receptor.excitatory, 10.0), Mode.grid, 0.1,
                20.0);
        assertEquals(11.4, r.spikes("n").timesOf(0)[0], 1e-9);
        // tau_refrac 2.5 ms at dt 1 is ceil(2.5) = 3 skipped steps
        StandardCell cell = IF_curr_exp.with("cm", 0.25, "tau_m", 10.0, "v_rest", 0.0, "v_reset", 0.0,
                "i_offset", 10.0, "v_thresh", 15.0, "tau_refrac", 2.5);
        Network net = Nets.alone(Nets.neuron(cell, 0.0, 1.0));
        double[] spikes = Simulator.run(net, Mode.grid, 1.0, 12.0).spikes("n").timesOf(0);
        // v_inf = 400 mV: one step from 0 reaches 38 mV >= 15, so it fires every 1 + 3 steps
        assertEquals(0.0, spikes[0], 0.0);
        assertEquals(4.0, spikes[1], 0.0);
        assertEquals(8.0, spikes[2], 0.0);
    }
}
