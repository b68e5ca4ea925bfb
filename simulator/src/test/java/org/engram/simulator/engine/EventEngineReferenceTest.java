package org.engram.simulator.engine;

import static org.engram.simulator.neuron.StandardModel.IF_curr_delta;
import static org.engram.simulator.neuron.StandardModel.IF_curr_exp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.StandardCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event mode against a reference written here from the model equations: neurons with CUBA's
 * parameters (v_inf above threshold, so they fire on their own and every input matters) under
 * random excitatory and inhibitory inputs, each neuron's v evaluated in closed form on a 5 us
 * grid between its inputs and every crossing refined by bisection. The engine's bound, check and
 * window machinery must find exactly the same spikes.
 */
class EventEngineReferenceTest {
    private static final int NEURONS = 30;
    private static final int EXC_INPUTS = 10;
    private static final int INH_INPUTS = 5;
    private static final double EXC_HZ = 40;
    private static final double INH_HZ = 20;
    private static final double DELAY = 1.0;
    private static final double UNTIL = 1000;
    private static final double TAU_M = 20;
    private static final double TAU_E = 5;
    private static final double TAU_I = 10;
    private static final double CM = 0.2;
    private static final double V_REST = -49;
    private static final double V_THRESH = -50;
    private static final double V_RESET = -60;
    private static final double TAU_REFRAC = 5;
    private static final double V0 = -55;
    private static final double SCAN_MS = 0.005;

    @ParameterizedTest
    @ValueSource(strings = {"IF_curr_exp", "IF_curr_delta"})
    void spikesAgreeWithTheClosedFormUnderRandomInput(String model) {
        boolean delta = model.equals("IF_curr_delta");
        double wExc = delta ? 0.5 : 0.05; // mV, or nA
        double wInh = delta ? 2.0 : 0.15;
        RandomInput input = new RandomInput(42, NEURONS, EXC_INPUTS, EXC_HZ, INH_INPUTS, INH_HZ, wExc, wInh, DELAY,
                UNTIL);
        StandardCell cell = (delta ? IF_curr_delta : IF_curr_exp).with("cm", CM, "tau_m", TAU_M, "v_rest", V_REST,
                "v_thresh", V_THRESH, "v_reset", V_RESET, "tau_refrac", TAU_REFRAC);
        if (!delta) {
            cell = cell.with("tau_syn_E", TAU_E).with("tau_syn_I", TAU_I);
        }
        Network.Builder b = Network.builder().seed(5);
        Population target = b.add(new Population("n", NEURONS, cell).initialize("v", V0).recordingSpikes());
        input.connect(b, target);
        var spikes = Simulator.run(b.build(), Mode.event, Double.NaN, UNTIL).spikes("n");
        int total = 0;
        for (int j = 0; j < NEURONS; j++) {
            List<double[]> inputs = input.arrivals(j);
            double[] expected = reference(inputs, delta);
            double[] actual = spikes.timesOf(j);
            assertEquals(expected.length, actual.length, "neuron " + j + ": " + Arrays.toString(expected) + " vs "
                    + Arrays.toString(actual));
            for (int s = 0; s < expected.length; s++) {
                assertEquals(expected[s], actual[s], 1e-9, "neuron " + j + ", spike " + s);
            }
            total += expected.length;
        }
        assertTrue(total > 10 * NEURONS, "the neurons fire often enough to test the search: " + total);
    }

    /** The spike times of one neuron receiving these inputs, from the model's closed form. */
    private static double[] reference(List<double[]> inputs, boolean delta) {
        double kE = delta ? 0 : TAU_M * TAU_E / (CM * (TAU_M - TAU_E));
        double kI = delta ? 0 : TAU_M * TAU_I / (CM * (TAU_M - TAU_I));
        List<Double> out = new ArrayList<>();
        double t0 = 0;
        double v = V0;
        double e = 0;
        double i = 0;
        double freeFrom = 0; // end of the refractory period
        for (int k = 0; k <= inputs.size(); k++) {
            double next = k < inputs.size() ? inputs.get(k)[0] : UNTIL;
            // free evolution from max(t0, freeFrom) to next, with v's closed form
            while (true) {
                double start = Math.max(t0, freeFrom);
                if (start >= next) {
                    break;
                }
                if (start > t0) { // the refractory period ended after t0: v = v_reset, currents decayed
                    e *= Math.exp(-(start - t0) / TAU_E);
                    i *= Math.exp(-(start - t0) / TAU_I);
                    v = V_RESET;
                    t0 = start;
                }
                double crossing = firstCrossing(v, e, i, kE, kI, next - t0);
                if (Double.isNaN(crossing)) {
                    v = vAt(v, e, i, kE, kI, next - t0);
                    e *= Math.exp(-(next - t0) / TAU_E);
                    i *= Math.exp(-(next - t0) / TAU_I);
                    t0 = next;
                    break;
                }
                double ts = t0 + crossing;
                out.add(ts);
                e *= Math.exp(-crossing / TAU_E);
                i *= Math.exp(-crossing / TAU_I);
                v = V_RESET;
                t0 = ts;
                freeFrom = ts + TAU_REFRAC;
            }
            if (k == inputs.size()) {
                break;
            }
            // the input at next
            if (t0 < next) {
                double s = next - t0;
                e *= Math.exp(-s / TAU_E);
                i *= Math.exp(-s / TAU_I);
                t0 = next;
            }
            double w = inputs.get(k)[1];
            if (delta) {
                if (next >= freeFrom) {
                    v += w;
                    if (v >= V_THRESH) {
                        out.add(next);
                        v = V_RESET;
                        freeFrom = next + TAU_REFRAC;
                    }
                }
            } else if (w >= 0) {
                e += w;
            } else {
                i -= w;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double vAt(double v0, double e0, double i0, double kE, double kI, double s) {
        double a = v0 - V_REST + kE * e0 - kI * i0;
        return V_REST + a * Math.exp(-s / TAU_M) - kE * e0 * Math.exp(-s / TAU_E) + kI * i0 * Math.exp(-s / TAU_I);
    }

    /** The first s in (0, span] where v reaches threshold, NaN if none: a scan, then bisection. */
    private static double firstCrossing(double v0, double e0, double i0, double kE, double kI, double span) {
        if (v0 >= V_THRESH) {
            return 0;
        }
        double lo = 0;
        while (lo < span) {
            double hi = Math.min(span, lo + SCAN_MS);
            if (vAt(v0, e0, i0, kE, kI, hi) >= V_THRESH) {
                for (int it = 0; it < 100 && hi - lo > 1e-13; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (vAt(v0, e0, i0, kE, kI, mid) >= V_THRESH) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            }
            lo = hi;
        }
        return Double.NaN;
    }
}
