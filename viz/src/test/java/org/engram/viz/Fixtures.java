package org.engram.viz;

import java.util.List;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RunStats;
import org.engram.simulator.record.WeightTrace;

/** Small recordings whose every spike, sample and weight is known. */
public final class Fixtures {
    private Fixtures() {}

    /** exc: 8 neurons, 6 spikes; inh: 2 neurons, 3 spikes; 100 ms. */
    public static PopulationSpikes exc() {
        return new PopulationSpikes("exc", 8, new int[] {0, 7, 3, 5, 1, 6}, new double[] {10, 20, 35.5, 50, 70, 90});
    }

    public static PopulationSpikes inh() {
        return new PopulationSpikes("inh", 2, new int[] {1, 0, 1}, new double[] {25, 60, 80});
    }

    /** v of exc neurons 0 and 3: a ramp from -65 mV to -52 mV and a constant -60 mV; threshold -50 mV. */
    public static MembraneTrace membrane() {
        double[] t = new double[101];
        double[] ramp = new double[101];
        double[] flat = new double[101];
        for (int s = 0; s <= 100; s++) {
            t[s] = s;
            ramp[s] = -65 + 13 * s / 100.0;
            flat[s] = -60;
        }
        return new MembraneTrace("exc", new int[] {0, 3}, new double[] {-50, -50}, t, new double[][] {ramp, flat});
    }

    /** inh->exc, 2 by 8, connections (0,0), (0,5), (1,7); sampled at 0, 50 and 100 ms. */
    public static WeightTrace weights() {
        return new WeightTrace("inh->exc", "inh", "exc", new int[] {0, 0, 1}, new int[] {0, 5, 7},
                new double[] {0, 50, 100}, new double[][] {{0.1, 0.5, 1.0}, {0.2, 0.5, 0.9}, {0.3, 0.5, 0.8}});
    }

    public static Recording recording() {
        return new Recording(List.of(exc(), inh()), List.of(membrane()), List.of(weights()),
                new RunStats("event", 0, 100, 0.01, 10, 3, 9, 40, 12));
    }
}
