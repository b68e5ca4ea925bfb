package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_cond_exp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.StandardCell;
import org.junit.jupiter.api.Test;

/**
 * IF_cond_exp in event mode against a reference written here: COBA-like neurons under random
 * excitatory and inhibitory conductance inputs, v integrated by the classical Runge-Kutta method
 * on a 1 us grid (the conductances decaying exactly) and each crossing placed by cubic Hermite
 * interpolation inside its step. The engine's long quadrature steps and its short crossing
 * search must give the same spikes.
 */
class CondExpReferenceTest {
    private static final int NEURONS = 20;
    private static final int EXC_INPUTS = 10;
    private static final int INH_INPUTS = 5;
    private static final double DELAY = 1.0;
    private static final double UNTIL = 500;
    private static final double CM = 0.2;
    private static final double TAU_M = 20;
    private static final double TAU_E = 5;
    private static final double TAU_I = 10;
    private static final double V_REST = -60;
    private static final double V_THRESH = -50;
    private static final double V_RESET = -60;
    private static final double TAU_REFRAC = 5;
    private static final double E_E = 0;
    private static final double E_I = -80;
    private static final double W_EXC = 0.012; // uS
    private static final double W_INH = 0.04;
    private static final double H = 0.001;

    @Test
    void spikesAgreeWithAFineIntegrationUnderRandomInput() {
        RandomInput input = new RandomInput(7, NEURONS, EXC_INPUTS, 60, INH_INPUTS, 20, W_EXC, W_INH, DELAY, UNTIL);
        StandardCell cell = IF_cond_exp.with("cm", CM, "tau_m", TAU_M, "tau_syn_E", TAU_E, "tau_syn_I", TAU_I)
                .with("v_rest", V_REST).with("v_thresh", V_THRESH).with("v_reset", V_RESET)
                .with("tau_refrac", TAU_REFRAC).with("e_rev_E", E_E).with("e_rev_I", E_I);
        Network.Builder b = Network.builder().seed(5);
        Population target = b.add(new Population("n", NEURONS, cell).initialize("v", V_REST).recordingSpikes());
        input.connect(b, target);
        var spikes = Simulator.run(b.build(), Mode.event, Double.NaN, UNTIL).spikes("n");
        int total = 0;
        for (int j = 0; j < NEURONS; j++) {
            List<double[]> inputs = input.arrivals(j);
            double[] expected = reference(inputs);
            double[] actual = spikes.timesOf(j);
            assertEquals(expected.length, actual.length, "neuron " + j + ": " + Arrays.toString(expected) + " vs "
                    + Arrays.toString(actual));
            for (int s = 0; s < expected.length; s++) {
                assertEquals(expected[s], actual[s], 1e-6, "neuron " + j + ", spike " + s);
            }
            total += expected.length;
        }
        assertTrue(total > 5 * NEURONS, "the neurons fire often enough: " + total);
    }

    private static double dv(double v, double gE, double gI) {
        return (V_REST - v) / TAU_M + (gE * (E_E - v) + gI * (E_I - v)) / CM;
    }

    /** Spike times of one neuron: RK4 on a grid of H between inputs, crossings by Hermite interpolation. */
    private static double[] reference(List<double[]> inputs) {
        List<Double> out = new ArrayList<>();
        double t = 0;
        double v = V_REST;
        double gE = 0;
        double gI = 0;
        double freeFrom = 0;
        for (int k = 0; k <= inputs.size(); k++) {
            double next = k < inputs.size() ? inputs.get(k)[0] : UNTIL;
            while (t < next) {
                double h = Math.min(H, next - t);
                double eE = Math.exp(-h / TAU_E);
                double eI = Math.exp(-h / TAU_I);
                if (t < freeFrom) { // refractory: v clamped, the conductances decay
                    h = Math.min(h, freeFrom - t);
                    gE *= Math.exp(-h / TAU_E);
                    gI *= Math.exp(-h / TAU_I);
                    t += h;
                    v = V_RESET;
                    continue;
                }
                double hE = Math.exp(-h / (2 * TAU_E));
                double hI = Math.exp(-h / (2 * TAU_I));
                double k1 = dv(v, gE, gI);
                double k2 = dv(v + h / 2 * k1, gE * hE, gI * hI);
                double k3 = dv(v + h / 2 * k2, gE * hE, gI * hI);
                double k4 = dv(v + h * k3, gE * eE, gI * eI);
                double v1 = v + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                if (v1 >= V_THRESH) {
                    double ts = t + hermiteCrossing(v, k1, v1, dv(v1, gE * eE, gI * eI), h);
                    out.add(ts);
                    gE *= Math.exp(-(ts - t) / TAU_E);
                    gI *= Math.exp(-(ts - t) / TAU_I);
                    t = ts;
                    v = V_RESET;
                    freeFrom = ts + TAU_REFRAC;
                    continue;
                }
                v = v1;
                gE *= eE;
                gI *= eI;
                t += h;
            }
            if (k < inputs.size()) {
                double w = inputs.get(k)[1];
                if (w >= 0) {
                    gE += w;
                } else {
                    gI -= w;
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Where the cubic Hermite interpolant of (v0, d0) and (v1, d1) over [0, h] reaches threshold, by bisection. */
    private static double hermiteCrossing(double v0, double d0, double v1, double d1, double h) {
        double lo = 0;
        double hi = h;
        for (int it = 0; it < 80; it++) {
            double mid = 0.5 * (lo + hi);
            double u = mid / h;
            double p = (2 * u * u * u - 3 * u * u + 1) * v0 + (u * u * u - 2 * u * u + u) * h * d0
                    + (-2 * u * u * u + 3 * u * u) * v1 + (u * u * u - u * u) * h * d1;
            if (p >= V_THRESH) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
