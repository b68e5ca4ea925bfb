package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The subtractive reset ({@link Reset#SUBTRACT}) in grid and event mode against hand-computed
 * values and against references written here from the rule: {@code u[t] = beta u[t-1] + I[t]},
 * a spike where {@code u >= theta}, then {@code u -= theta} (with v_rest = v_reset = 0).
 */
class SoftResetTest {
    /** The discrete-time neuron of a network trained with a soft reset: theta = 1, beta = exp(-1/20) at dt = 1 ms. */
    private static final StandardCell SOFT = IF_curr_delta.with("v_rest", 0.0, "v_reset", 0.0, "v_thresh", 1.0,
            "tau_m", 20.0, "tau_refrac", 0.0).withReset(Reset.SUBTRACT);
    private static final double BETA = Math.exp(-1.0 / 20.0);

    /**
     * A jump to 2.5 theta spikes once in its step and leaves v = 1.5 theta, which decays to
     * 1.5 beta = 1.43 theta and spikes again at the next step, leaving 1.5 beta - 1; a set reset
     * spikes once. (Grid arithmetic is that of this reference to the last bit but for the order
     * of a product, so 1e-15.)
     */
    @Test
    void gridJumpAboveTwoThresholdsSpikesInTwoStepsKeepingTheRest() {
        Recording r = Simulator.run(Nets.driven(Nets.neuron(SOFT, 0.0, 1.0), 2.5, 1.0, Receptor.excitatory, 0.0),
                Mode.grid, 1.0, 5.0);
        assertArrayEquals(new double[] {1.0, 2.0}, r.spikes("n").timesOf(0));
        double[] v = r.membrane("n").trace(0);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, r.membrane("n").timesMs());
        assertEquals(0.0, v[0], 0.0);
        assertEquals(1.5, v[1], 1e-15);
        assertEquals(1.5 * BETA - 1, v[2], 1e-15);
        assertEquals((1.5 * BETA - 1) * BETA, v[3], 1e-15);
        Recording set = Simulator.run(Nets.driven(Nets.neuron(SOFT.withReset(Reset.SET), 0.0, 1.0), 2.5, 1.0,
                Receptor.excitatory, 0.0), Mode.grid, 1.0, 5.0);
        assertArrayEquals(new double[] {1.0}, set.spikes("n").timesOf(0));
        assertEquals(0.0, set.membrane("n").trace(0)[2], 0.0);
    }

    /**
     * Fixed mode (S16.15) makes the same two spikes; its v differs from grid mode's by the
     * rounding of exp(-1/20) to 15 bits and of each product, under 1e-4 mV here.
     */
    @Test
    void fixedJumpAboveTwoThresholdsSpikesInTwoStepsAsGridMode() {
        Network net = Nets.driven(Nets.neuron(SOFT, 0.0, 1.0), 2.5, 1.0, Receptor.excitatory, 0.0);
        Recording r = Simulator.run(net, Mode.fixed, 1.0, 5.0);
        assertArrayEquals(new double[] {1.0, 2.0}, r.spikes("n").timesOf(0));
        assertArrayEquals(Simulator.run(net, Mode.grid, 1.0, 5.0).membrane("n").trace(0), r.membrane("n").trace(0),
                1e-4);
        assertEquals(1.5, r.membrane("n").trace(0)[1], 0.0);
    }

    /**
     * In event mode the same jump fires twice at its arrival (tau_refrac = 0): 2.5 - 1 = 1.5 is
     * still at threshold or above, 1.5 - 1 = 0.5 is not; then v decays from 0.5 exactly
     * (1e-12: the closed form's rounding).
     */
    @Test
    void eventJumpAboveThresholdFiresAgainAtTheSameInstantUntilBelow() {
        Recording r = Simulator.run(Nets.driven(Nets.neuron(SOFT, 0.0, 0.5), 2.5, 1.0, Receptor.excitatory, 0.0),
                Mode.event, Double.NaN, 5.0);
        assertArrayEquals(new double[] {1.0, 1.0}, r.spikes("n").timesOf(0));
        double[] t = r.membrane("n").timesMs();
        double[] v = r.membrane("n").trace(0);
        for (int s = 0; s < t.length; s++) {
            double expected = t[s] < 1.0 ? 0.0 : 0.5 * Math.exp(-(t[s] - 1.0) / 20.0);
            assertEquals(expected, v[s], 1e-12, "v at " + t[s] + " ms");
        }
        // a jump to exactly 3 theta: v = 3, 2 and 1 are all at threshold or above, so three spikes and v = 0
        Recording three = Simulator.run(Nets.driven(Nets.neuron(SOFT, 0.0, 0.5), 3.0, 1.0, Receptor.excitatory, 0.0),
                Mode.event, Double.NaN, 3.0);
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, three.spikes("n").timesOf(0));
        assertEquals(0.0, three.membrane("n").trace(0)[2], 0.0);
    }

    /**
     * With PyNN's potentials (v_rest -65, v_reset -70, v_thresh -50: each spike takes 20 mV) a
     * jump of 60 mV from rest reaches -5 mV: event mode fires at -5, -25 and -45 mV, all at the
     * arrival, leaving -65 mV; grid mode fires once per step: -5 leaves -25, which decays to
     * -65 + 40 beta (spikes, leaves 20 less), then -65 + (40 beta - 20) beta (spikes), then falls
     * below threshold.
     */
    @Test
    void eachSpikeTakesThresholdLessResetInBothModes() {
        StandardCell cell = IF_curr_delta.with("v_rest", -65.0, "v_reset", -70.0, "v_thresh", -50.0, "tau_refrac", 0.0)
                .withReset(Reset.SUBTRACT);
        Network net = Nets.driven(Nets.neuron(cell, -65.0, 1.0), 60.0, 1.0, Receptor.excitatory, 0.0);
        Recording event = Simulator.run(net, Mode.event, Double.NaN, 4.0);
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, event.spikes("n").timesOf(0));
        assertEquals(-65.0, event.membrane("n").trace(0)[3], 1e-12);
        Recording grid = Simulator.run(net, Mode.grid, 1.0, 5.0);
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, grid.spikes("n").timesOf(0));
        double afterSecond = -65 + 40 * BETA - 20;
        double third = -65 + (afterSecond + 65) * BETA;
        assertEquals(-25.0, grid.membrane("n").trace(0)[1], 1e-12);
        assertEquals(afterSecond, grid.membrane("n").trace(0)[2], 1e-12);
        assertEquals(third - 20, grid.membrane("n").trace(0)[3], 1e-12);
        assertEquals(-65 + (third - 20 + 65) * BETA, grid.membrane("n").trace(0)[4], 1e-12);
    }

    /**
     * While refractory the neuron holds the value the reset left: a jump to 2.5 theta at 1 ms with
     * tau_refrac = 2 ms fires at 1 ms, holds 1.5 until 3 ms and fires there in event mode (v is
     * still above threshold when it is free), holds 0.5 until 5 ms and then decays. Grid mode
     * skips ceil(2/1) = 2 steps and fires at the step after (4 ms), from 1.5 beta.
     */
    @Test
    void refractoryPeriodHoldsTheRest() {
        StandardCell cell = SOFT.with("tau_refrac", 2.0);
        Network net = Nets.driven(Nets.neuron(cell, 0.0, 1.0), 2.5, 1.0, Receptor.excitatory, 0.0);
        Recording event = Simulator.run(net, Mode.event, Double.NaN, 8.0);
        assertArrayEquals(new double[] {1.0, 3.0}, event.spikes("n").timesOf(0));
        double[] v = event.membrane("n").trace(0);
        assertEquals(1.5, v[2], 0.0);
        assertEquals(0.5, v[4], 1e-15);
        assertEquals(0.5 * Math.exp(-2.0 / 20.0), v[7], 1e-12);
        Recording grid = Simulator.run(net, Mode.grid, 1.0, 8.0);
        assertArrayEquals(new double[] {1.0, 4.0}, grid.spikes("n").timesOf(0));
        double[] g = grid.membrane("n").trace(0);
        assertEquals(1.5, g[3], 0.0);
        assertEquals(1.5 * BETA - 1, g[4], 1e-15);
    }

    /**
     * Random input (each source spike of a step adds 0.45 theta, several spikes in a step add up)
     * in both modes against references written from the rule: grid mode updates, adds the step's
     * input, fires at most once and subtracts; event mode decays exactly between arrivals, adds
     * them and fires until below threshold. Spike times exactly, v to 1e-9.
     */
    @ParameterizedTest(name = "v_rest {0}, v_reset {1}, v_thresh {2}")
    @CsvSource({"0, 0, 1", "-65, -70, -50", "-60, -60, -59.5"})
    void randomInputMatchesTheRule(double vRest, double vReset, double vThresh) {
        double drop = vThresh - vReset;
        double w = 0.45 * (vThresh - vRest) + 0.2 * drop;
        int steps = 400;
        Random rng = new Random(11);
        List<Double> times = new ArrayList<>();
        int[] arrivals = new int[steps + 1];
        for (int s = 0; s < steps - 1; s++) {
            int count = rng.nextInt(10) < 6 ? 0 : 1 + rng.nextInt(3);
            for (int c = 0; c < count; c++) {
                times.add((double) s);
            }
            arrivals[s + 1] = count; // delay 1 ms
        }
        StandardCell cell = IF_curr_delta.with("v_rest", vRest, "v_reset", vReset, "v_thresh", vThresh,
                "tau_m", 20.0, "tau_refrac", 0.0).withReset(Reset.SUBTRACT);
        Network net = Nets.driven(Nets.neuron(cell, vRest, 1.0), w, 1.0, Receptor.excitatory,
                times.stream().mapToDouble(Double::doubleValue).toArray());

        List<Double> gridSpikes = new ArrayList<>();
        List<Double> eventSpikes = new ArrayList<>();
        double[] gridV = new double[steps];
        double[] eventV = new double[steps];
        double u = vRest;
        double e = vRest;
        for (int s = 0; s < steps; s++) {
            u = vRest + (u - vRest) * BETA;
            e = vRest + (e - vRest) * BETA;
            for (int c = 0; c < arrivals[s]; c++) {
                u += w;
                e += w;
            }
            if (u >= vThresh) {
                gridSpikes.add((double) s);
                u -= drop;
            }
            while (e >= vThresh) {
                eventSpikes.add((double) s);
                e -= drop;
            }
            gridV[s] = u;
            eventV[s] = e;
        }
        Recording grid = Simulator.run(net, Mode.grid, 1.0, steps);
        Recording event = Simulator.run(net, Mode.event, Double.NaN, steps);
        assertArrayEquals(gridSpikes.stream().mapToDouble(Double::doubleValue).toArray(), grid.spikes("n").timesOf(0));
        assertArrayEquals(eventSpikes.stream().mapToDouble(Double::doubleValue).toArray(),
                event.spikes("n").timesOf(0));
        assertArrayEquals(gridV, grid.membrane("n").trace(0), 1e-9);
        assertArrayEquals(eventV, event.membrane("n").trace(0), 1e-9);
        // the references fire more than once in some step, so the modes differ and the test sees both rules
        assertTrue(eventSpikes.size() > new HashSet<>(eventSpikes).size());
    }

    /**
     * A DC-driven neuron in grid mode (no synaptic input, so every model's step is
     * {@code v <- alpha - beta (alpha - v)}, alpha = v_rest + R i_offset) overshoots threshold
     * by a different amount each time; a subtractive reset keeps the overshoot, a set reset does
     * not: both against the recurrence.
     */
    @ParameterizedTest
    @EnumSource(value = StandardModel.class, names = {"IF_curr_exp", "IF_curr_delta", "IF_cond_exp"})
    void gridDcDrivenNeuronKeepsTheOvershoot(StandardModel model) {
        StandardCell cell = model.with("cm", 0.25, "tau_m", 10.0, "v_rest", 0.0, "v_reset", -2.0, "v_thresh", 15.0,
                "i_offset", 1.0, "tau_refrac", 0.0);
        double dt = 0.5;
        double beta = Math.exp(-dt / 10.0);
        double alpha = 10.0 / 0.25 * 1.0;
        for (Reset reset : Reset.values()) {
            Recording r = Simulator.run(Nets.alone(Nets.neuron(cell.withReset(reset), 0.0, dt)), Mode.grid, dt, 40.0);
            List<Double> spikes = new ArrayList<>();
            double v = 0;
            double[] trace = new double[80];
            for (int s = 0; s < 80; s++) {
                v = alpha - beta * (alpha - v);
                if (v >= 15.0) {
                    spikes.add(s * dt);
                    v = reset == Reset.SUBTRACT ? v - 17.0 : -2.0;
                }
                trace[s] = v;
            }
            assertArrayEquals(spikes.stream().mapToDouble(Double::doubleValue).toArray(), r.spikes("n").timesOf(0),
                    1e-12, reset.name());
            assertArrayEquals(trace, r.membrane("n").trace(0), 1e-9, reset.name());
        }
    }

    /**
     * In event mode a continuous membrane reaches threshold exactly, so a subtractive reset puts
     * v at v_reset as a set one does: the spike times of a DC-driven neuron are those of the
     * closed form {@code k (T + tau_refrac) + T}, with {@code T = tau_m ln(40 / 25)} (1e-9 ms).
     */
    @ParameterizedTest
    @EnumSource(value = StandardModel.class, names = {"IF_curr_exp", "IF_cond_exp"})
    void eventCrossingOfAContinuousMembraneResetsToReset(StandardModel model) {
        StandardCell cell = model.with("cm", 0.25, "tau_m", 10.0, "v_rest", 0.0, "v_reset", 0.0, "i_offset", 1.0,
                "v_thresh", 15.0, "tau_refrac", 2.5).withReset(Reset.SUBTRACT);
        double[] spikes = Simulator.run(Nets.alone(Nets.neuron(cell, 0.0, 1.0)), Mode.event, Double.NaN, 20.0)
                .spikes("n").timesOf(0);
        double charge = 10.0 * Math.log(40.0 / 25.0);
        assertEquals(3, spikes.length);
        for (int k = 0; k < spikes.length; k++) {
            assertEquals(k * (charge + 2.5) + charge, spikes[k], 1e-9);
        }
    }

    /**
     * tau_refrac = 0 clamps nothing: an input of 20 mV each millisecond (from rest to 5 mV above
     * threshold) fires a set-reset neuron at every arrival in every mode, where
     * PyNN's 0.1 ms (one grid step at dt = 1 ms) drops every other input in grid mode.
     */
    @Test
    void zeroRefractoryPeriodClampsNothing() {
        double[] times = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] arrivals = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        StandardCell free = IF_curr_delta.with("tau_refrac", 0.0);
        for (Mode mode : Mode.values()) {
            Network net = Nets.driven(Nets.neuron(free, -65.0, 1.0), 20.0, 1.0, Receptor.excitatory, times);
            double dt = mode == Mode.event ? Double.NaN : 1.0;
            assertArrayEquals(arrivals, Simulator.run(net, mode, dt, 12.0).spikes("n").timesOf(0), mode.name());
        }
        Network pynn = Nets.driven(Nets.neuron(IF_curr_delta.defaults(), -65.0, 1.0), 20.0, 1.0, Receptor.excitatory,
                times);
        assertArrayEquals(new double[] {1, 3, 5, 7, 9}, Simulator.run(pynn, Mode.grid, 1.0, 12.0).spikes("n")
                .timesOf(0));
    }
}
