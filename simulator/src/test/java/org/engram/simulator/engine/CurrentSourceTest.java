package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_cond_exp;
import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.CurrentSource;
import org.engram.simulator.network.DCSource;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.StepCurrentSource;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Current sources against the closed form of a LIF neuron under a piecewise-constant current:
 * between changes {@code v(t) = v_inf + (v0 - v_inf) exp(-(t - t0)/tau_m)} with
 * {@code v_inf = v_rest + (tau_m/cm) I}, and the first crossing of v_thresh at
 * {@code t* = t0 - tau_m ln((v_thresh - v_inf)/(v0 - v_inf))}.
 */
class CurrentSourceTest {
    private static final double CM = 0.5;
    private static final double TAU_M = 20.0;
    private static final double V_REST = -65.0;
    private static final double V_RESET = -70.0;
    private static final double V_THRESH = -50.0;
    private static final double TAU_REFRAC = 2.0;
    /** Event mode locates crossings to 1e-12 ms; the reference's own rounding is far below 1e-9 ms. */
    private static final double EXACT_MS = 1e-9;

    private static StandardCell cell(StandardModel model, double iOffset) {
        return model.with("cm", CM, "tau_m", TAU_M, "v_rest", V_REST, "v_reset", V_RESET, "v_thresh", V_THRESH,
                "tau_refrac", TAU_REFRAC, "i_offset", iOffset);
    }

    private static Population neurons(StandardModel model, int size, double iOffset, double vEvery) {
        return new Population("n", size, cell(model, iOffset)).initialize("v", V_REST).recording(true, true, vEvery);
    }

    private static Network network(Population p, CurrentSource... sources) {
        return network(p, List.of(sources), p);
    }

    private static Network network(Population p, List<CurrentSource> sources, org.engram.simulator.network.Selection into) {
        Network.Builder b = Network.builder().seed(3);
        b.add(p);
        for (CurrentSource s : sources) {
            b.add(s.injectInto(into));
        }
        return b.build();
    }

    /**
     * The reference, written from the closed form: spike times of one neuron whose bias current is
     * {@code bias[k]} from {@code changes[k]} on (changes[0] = 0), until {@code untilMs}.
     */
    static double[] referenceSpikes(double[] changes, double[] bias, double untilMs) {
        List<Double> spikes = new ArrayList<>();
        double t = 0;
        double v = V_REST;
        double free = 0; // end of the refractory period
        for (int k = 0; k < changes.length; k++) {
            double end = k + 1 < changes.length ? changes[k + 1] : untilMs;
            double vInf = V_REST + TAU_M / CM * bias[k];
            while (true) {
                if (free > t) {
                    if (free >= end) {
                        break; // v held at v_reset through the segment
                    }
                    t = free;
                    v = V_RESET;
                }
                double crossing = vInf > V_THRESH ? t - TAU_M * Math.log((V_THRESH - vInf) / (v - vInf))
                        : Double.POSITIVE_INFINITY;
                if (crossing >= end) {
                    v = vInf + (v - vInf) * Math.exp(-(end - t) / TAU_M);
                    t = end;
                    break;
                }
                spikes.add(crossing);
                t = crossing;
                v = V_RESET;
                free = crossing + TAU_REFRAC;
            }
        }
        return spikes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertTimes(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": spike count; expected " + java.util.Arrays.toString(expected)
                + ", got " + java.util.Arrays.toString(actual));
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tolerance, what + ": spike " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StandardModel.class, names = {"IF_curr_exp", "IF_curr_delta", "IF_cond_exp"})
    void stepCurrentGivesExactFirstSpikeAndPeriodicFiring(StandardModel model) {
        // 0.2 nA from 10 ms: v_inf = -65 + 40 * 0.2 = -57 mV, below threshold; 0.5 nA from 30 ms:
        // v_inf = -45 mV, so the neuron fires, then periodically with tau_refrac
        StepCurrentSource steps = new StepCurrentSource(new double[] {10, 30}, new double[] {0.2, 0.5});
        Recording r = Simulator.run(network(neurons(model, 1, 0, 1.0), steps), Mode.event, Double.NaN, 150);
        double v30 = -57 + (V_REST + 57) * Math.exp(-20 / TAU_M);
        double first = 30 - TAU_M * Math.log((V_THRESH + 45) / (v30 + 45));
        double period = TAU_REFRAC + TAU_M * Math.log((V_RESET + 45) / (V_THRESH + 45));
        double[] spikes = r.spikes("n").timesOf(0);
        // IF_cond_exp integrates v with a quadrature below 1e-9 mV, which moves a crossing by about
        // that over the slope (>= 0.25 mV/ms here)
        double tolerance = model == IF_cond_exp ? 1e-8 : EXACT_MS;
        assertEquals(first, spikes[0], tolerance, "first spike");
        for (int k = 1; k < spikes.length; k++) {
            assertEquals(period, spikes[k] - spikes[k - 1], tolerance, "interval " + k);
        }
        assertEquals((int) Math.floor((150 - first) / period) + 1, spikes.length);
        assertTimes(referenceSpikes(new double[] {0, 10, 30}, new double[] {0, 0.2, 0.5}, 150), spikes, tolerance,
                model.name());
    }

    @Test
    void membraneFollowsTheClosedFormAcrossChanges() {
        // no threshold in reach: v relaxes towards each step's v_inf
        StepCurrentSource steps = new StepCurrentSource(new double[] {5, 12.5, 20}, new double[] {0.3, -0.2, 0.1});
        Population p = new Population("n", 1, cell(IF_curr_exp, 0.05).with("v_thresh", 100.0)).initialize("v", V_REST)
                .recording(false, true, 0.5);
        Recording r = Simulator.run(network(p, steps), Mode.event, Double.NaN, 40);
        double[] changes = {0, 5, 12.5, 20};
        double[] bias = {0.05, 0.35, -0.15, 0.15};
        MembraneTrace m = r.membrane("n");
        double[] t = m.timesMs();
        for (int s = 0; s < t.length; s++) {
            assertEquals(closedFormV(changes, bias, t[s]), m.trace(0)[s], 1e-9, "v at " + t[s] + " ms");
        }
    }

    /** v at t of a neuron that never reaches threshold, from v_rest at 0, bias[k] from changes[k]. */
    private static double closedFormV(double[] changes, double[] bias, double t) {
        double v = V_REST;
        for (int k = 0; k < changes.length && changes[k] < t; k++) {
            double end = k + 1 < changes.length ? Math.min(t, changes[k + 1]) : t;
            double vInf = V_REST + TAU_M / CM * bias[k];
            v = vInf + (v - vInf) * Math.exp(-(end - changes[k]) / TAU_M);
        }
        return v;
    }

    @Test
    void dcSourceIsOnFromStartUntilStop() {
        DCSource dc = new DCSource(0.6, 15, 80);
        Recording r = Simulator.run(network(neurons(IF_curr_exp, 1, 0, 1.0), dc), Mode.event, Double.NaN, 150);
        double[] spikes = r.spikes("n").timesOf(0);
        assertTimes(referenceSpikes(new double[] {0, 15, 80}, new double[] {0, 0.6, 0}, 150), spikes, EXACT_MS, "DC");
        assertTrue(spikes[0] > 15 && spikes[spikes.length - 1] < 80, "spikes only while the current is on");
        // after stop, v relaxes from where it was at 80 ms towards v_rest
        MembraneTrace m = r.membrane("n");
        double v80 = m.trace(0)[80];
        for (int s = 81; s < m.timesMs().length; s++) {
            assertEquals(V_REST + (v80 - V_REST) * Math.exp(-(m.timesMs()[s] - 80) / TAU_M), m.trace(0)[s], 1e-9);
        }
    }

    @Test
    void sourcesOnOneNeuronAddUp() {
        // a DC of 0.3 from 0 and steps of 0.45 then 0.3: the same as one source of their sum
        DCSource dc = new DCSource(0.3);
        StepCurrentSource steps = new StepCurrentSource(new double[] {20, 60}, new double[] {0.45, 0.3});
        Recording two = Simulator.run(network(neurons(IF_curr_exp, 1, 0.05, 1.0), dc, steps), Mode.event, Double.NaN, 120);
        double[] expected = referenceSpikes(new double[] {0, 20, 60}, new double[] {0.35, 0.8, 0.65}, 120);
        assertTrue(expected.length > 3, "the test drives the neuron to fire");
        assertTimes(expected, two.spikes("n").timesOf(0), EXACT_MS, "two sources and i_offset");
        StepCurrentSource sum = new StepCurrentSource(new double[] {0, 20, 60}, new double[] {0.3, 0.75, 0.6});
        Recording one = Simulator.run(network(neurons(IF_curr_exp, 1, 0.05, 1.0), sum), Mode.event, Double.NaN, 120);
        assertTimes(one.spikes("n").timesOf(0), two.spikes("n").timesOf(0), 1e-12, "one source of the sum");
    }

    @Test
    void currentGoesOnlyIntoTheView() {
        Population p = neurons(IF_curr_exp, 4, 0, 1.0);
        DCSource dc = new DCSource(0.5, 10, Double.POSITIVE_INFINITY);
        Recording r = Simulator.run(network(p, List.of(dc), p.view(0, 2)), Mode.event, Double.NaN, 100);
        double[] expected = referenceSpikes(new double[] {0, 10}, new double[] {0, 0.5}, 100);
        assertTimes(expected, r.spikes("n").timesOf(0), EXACT_MS, "n[0]");
        assertTimes(expected, r.spikes("n").timesOf(2), EXACT_MS, "n[2]");
        for (int i : new int[] {1, 3}) {
            assertEquals(0, r.spikes("n").timesOf(i).length);
            for (double v : r.membrane("n").trace(i)) {
                assertEquals(V_REST, v, 0.0, "n[" + i + "] receives no current");
            }
        }
    }

    @Test
    void gridAppliesAChangeFromTheFirstStepStartingAtOrAfterIt() {
        double dt = 0.01;
        // 0.07 ms is on the grid: step 7, though 0.07/0.01 rounds to 7.000000000000001; 20.055 ms
        // is not: it takes effect from step 2006, which starts at 20.06 ms
        StepCurrentSource steps = new StepCurrentSource(new double[] {0.07, 20.055}, new double[] {0.3, -0.1});
        Population p = new Population("n", 1, cell(IF_curr_exp, 0).with("v_thresh", 100.0)).initialize("v", V_REST)
                .recording(false, true, dt);
        Recording r = Simulator.run(network(p, steps), Mode.grid, dt, 40);
        // step s updates v from s dt to (s + 1) dt with the current of step s, and v is sampled
        // after the step: the sample labelled s dt is the closed form at (s + 1) dt with the
        // changes moved to the starts of their steps, 7 dt and 2006 dt
        double[] changes = {0, 7 * dt, 2006 * dt};
        double[] bias = {0, 0.3, -0.1};
        MembraneTrace m = r.membrane("n");
        assertEquals(4000, m.timesMs().length);
        for (int s = 0; s < m.timesMs().length; s++) {
            // the grid's propagator exp(-dt/tau_m) applied step by step: rounding only
            assertEquals(closedFormV(changes, bias, (s + 1) * dt), m.trace(0)[s], 1e-9, "v after step " + s);
        }
        assertEquals(V_REST, m.trace(0)[6], 0.0, "no current before step 7");
        assertTrue(m.trace(0)[7] > V_REST, "the current is on in step 7");
        double v2005 = m.trace(0)[2005];
        assertTrue(m.trace(0)[2005] > m.trace(0)[2004] && m.trace(0)[2006] < v2005, "it turns in step 2006");
    }

    @Test
    void gridSpikesConvergeToEventSpikes() {
        StepCurrentSource steps = new StepCurrentSource(new double[] {10, 30}, new double[] {0.2, 0.5});
        double[] exact = Simulator.run(network(neurons(IF_curr_exp, 1, 0, 1.0), steps), Mode.event, Double.NaN, 150)
                .spikes("n").timesOf(0);
        double dt = 0.01;
        double[] grid = Simulator.run(network(neurons(IF_curr_exp, 1, 0, 1.0), steps), Mode.grid, dt, 150)
                .spikes("n").timesOf(0);
        // the grid fires at the step whose update crosses: within a step of the exact time, less
        // the refractory period's rounding to whole steps, which may add a step per spike
        assertEquals(exact.length, grid.length);
        for (int k = 0; k < exact.length; k++) {
            assertEquals(exact[k], grid[k], (k + 2) * dt, "spike " + k);
        }
    }

    @Test
    void gridNeuronsWithAndWithoutCurrentKeepTheirOwnParameters() {
        // neurons of one population with equal parameters form one run unless their sources differ
        Population p = neurons(IF_curr_delta, 3, 0, 0);
        Network net = network(p, List.of(new DCSource(0.5, 10, 60)), p.view(1));
        Recording r = Simulator.run(net, Mode.grid, 0.1, 100);
        assertEquals(0, r.spikes("n").timesOf(0).length);
        assertEquals(0, r.spikes("n").timesOf(2).length);
        assertTrue(r.spikes("n").timesOf(1).length > 0);
        assertArrayEquals(r.membrane("n").trace(0), r.membrane("n").trace(2));
    }

    @Test
    void refusesSpikeSourcesAndFixedMode() {
        Population src = new Population("src", 2, SpikeSourceArray.of(new double[] {1.0}));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class,
                () -> new DCSource(0.1).injectInto(src));
        assertTrue(e.getMessage().contains("src is a SpikeSourceArray, which has no membrane"), e.getMessage());
        Network net = network(neurons(IF_curr_exp, 1, 0, 1.0), new DCSource(0.1));
        e = assertThrows(InvalidNetworkException.class, () -> Simulator.run(net, Mode.fixed, 1.0, 10));
        assertTrue(e.getMessage().startsWith("fixed mode: current sources (DCSource, StepCurrentSource) are not "
                + "supported"), e.getMessage());
        assertTrue(e.getMessage().contains("run in event or grid mode"), e.getMessage());
    }

    @Test
    void sourcesValidateTheirValues() {
        assertMessage("StepCurrentSource: 2 times and 1 amplitudes",
                () -> new StepCurrentSource(new double[] {1, 2}, new double[] {0.1}));
        assertMessage("StepCurrentSource: times[1] (1.0 ms) is not after times[0] (1.0 ms)",
                () -> new StepCurrentSource(new double[] {1, 1}, new double[] {0.1, 0.2}));
        assertMessage("StepCurrentSource: amplitudes[0] is NaN; expected a finite number of nA",
                () -> new StepCurrentSource(new double[] {1}, new double[] {Double.NaN}));
        assertMessage("StepCurrentSource: times[0] is -1.0 ms; expected a time >= 0 ms",
                () -> new StepCurrentSource(new double[] {-1}, new double[] {0.1}));
        assertMessage("DCSource: stop (5.0 ms) must be after start (5.0 ms)", () -> new DCSource(1, 5, 5));
        assertMessage("DCSource: amplitude is Infinity", () -> new DCSource(Double.POSITIVE_INFINITY));
        Population other = neurons(IF_curr_exp, 1, 0, 1.0);
        Population elsewhere = new Population("m", 1, IF_curr_exp.defaults());
        assertMessage("DCSource injected into m: population 'm' is not part of this network",
                () -> network(other, List.of(new DCSource(1)), elsewhere));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable make) {
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, make);
        assertTrue(e.getMessage().startsWith(start), "got '" + e.getMessage() + "'");
    }

    @Test
    void footprintCountsTheSources() {
        Population p = neurons(IF_curr_exp, 1000, 0, 1.0);
        Network without = network(p);
        Network with = network(p, new StepCurrentSource(new double[] {1, 2, 3}, new double[] {0.1, 0.2, 0.3}));
        long base = Simulator.footprint(without, Mode.event, Double.NaN, 10).heapBytes();
        long more = Simulator.footprint(with, Mode.event, Double.NaN, 10).heapBytes();
        assertEquals(1000 * 8 + 3 * 16, more - base, 1.0);
    }
}
