package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_cond_exp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.Recording;
import org.junit.jupiter.api.Test;

/** IF_cond_exp in event mode against an independent fine-step integration written here. */
class CondExpTest {
    private static final double CM = 0.2;
    private static final double TAU_M = 20;
    private static final double TAU_E = 5;
    private static final double V_REST = -65;
    private static final double E_E = 0;

    /** v(t) after one excitatory conductance jump g at t0, by Heun's method with a 1 us step. */
    private static double reference(double g, double t0, double t) {
        double v = V_REST;
        double h = 0.001;
        for (double s = t0; s < t - 1e-12; s += h) {
            double step = Math.min(h, t - s);
            double g0 = g * Math.exp(-(s - t0) / TAU_E);
            double g1 = g * Math.exp(-(s + step - t0) / TAU_E);
            double k1 = (V_REST - v) / TAU_M + g0 * (E_E - v) / CM;
            double vp = v + step * k1;
            double k2 = (V_REST - vp) / TAU_M + g1 * (E_E - vp) / CM;
            v += step / 2 * (k1 + k2);
        }
        return v;
    }

    @Test
    void conductanceTraceMatchesAFineIntegrationWithinTheStatedBound() {
        StandardCell cell = IF_cond_exp.with("cm", CM, "tau_m", TAU_M, "tau_syn_E", TAU_E, "v_rest", V_REST,
                "e_rev_E", E_E, "v_thresh", -40.0);
        Population target = Nets.neuron(cell, V_REST, 1.0);
        double g = 0.01; // uS
        Network net = Nets.driven(target, g, 1.0, Receptor.excitatory, 4.0);
        Recording r = Simulator.run(net, Mode.event, Double.NaN, 40.0);
        MembraneTrace m = r.membrane("n");
        double[] t = m.timesMs();
        double[] v = m.trace(0);
        double peak = V_REST;
        for (int s = 0; s < t.length; s++) {
            double expected = t[s] <= 5.0 ? V_REST : reference(g, 5.0, t[s]);
            // Heun at 1 us is accurate to ~1e-7 mV here; the engine's RK4 bound is 1e-6 mV
            assertEquals(expected, v[s], 2e-6, "v at " + t[s] + " ms");
            peak = Math.max(peak, v[s]);
        }
        assertTrue(peak > V_REST + 1.0, "the conductance drives a visible PSP: " + peak);
    }

    @Test
    void strongConductanceFiresAndGridModeAgreesWithinAStep() {
        StandardCell cell = IF_cond_exp.with("cm", CM, "tau_m", TAU_M, "tau_syn_E", TAU_E, "v_rest", V_REST,
                "e_rev_E", E_E, "tau_refrac", 2.0);
        Population target = Nets.neuron(cell, V_REST, 1.0);
        Network net = Nets.driven(target, 0.05, 1.0, Receptor.excitatory, 4.0, 60.0, 120.0);
        double[] exact = Simulator.run(net, Mode.event, Double.NaN, 200.0).spikes("n").timesOf(0);
        double[] grid = Simulator.run(net, Mode.grid, 0.01, 200.0).spikes("n").timesOf(0);
        assertTrue(exact.length >= 3, "each input makes it fire: " + exact.length);
        assertEquals(exact.length, grid.length);
        for (int k = 0; k < exact.length; k++) {
            assertEquals(exact[k], grid[k], 0.011, "spike " + k);
        }
    }
}
