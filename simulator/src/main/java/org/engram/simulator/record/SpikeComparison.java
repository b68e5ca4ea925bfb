package org.engram.simulator.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two spike tables agree, population by population: for desktop-against-board checks.
 * Each neuron's spikes are matched in time order, a spike of A with the first unmatched spike of B
 * within {@code toleranceMs} of it; what stays unmatched is "only in A" or "only in B".
 *
 * @param populations one row per population of A, then those only B has, in that order
 */
public record SpikeComparison(double toleranceMs, List<Row> populations) {
    /**
     * One population: spikes in A and in B, how many of each found no partner, and the largest
     * time difference of a matched pair (0 when none). {@code inA} or {@code inB} is false when the
     * table holds no such population.
     */
    public record Row(String population, boolean inA, boolean inB, long spikesA, long spikesB, long onlyA, long onlyB,
            double largestDifferenceMs) {
        public boolean agrees() {
            return inA && inB && onlyA == 0 && onlyB == 0;
        }
    }

    public SpikeComparison {
        populations = List.copyOf(populations);
    }

    /** True when every population is in both tables and every spike found its partner. */
    public boolean agrees() {
        return populations.stream().allMatch(Row::agrees);
    }

    /** Compares the spikes of two recordings. */
    public static SpikeComparison of(Recording a, Recording b, double toleranceMs) {
        if (!(toleranceMs >= 0) || Double.isInfinite(toleranceMs)) {
            throw new IllegalArgumentException("tolerance " + toleranceMs + " ms; expected a finite value >= 0");
        }
        Map<String, PopulationSpikes> bs = new LinkedHashMap<>();
        b.spikes().forEach(p -> bs.put(p.population(), p));
        List<Row> rows = new ArrayList<>();
        for (PopulationSpikes pa : a.spikes()) {
            PopulationSpikes pb = bs.remove(pa.population());
            rows.add(pb == null ? new Row(pa.population(), true, false, pa.count(), 0, pa.count(), 0, 0)
                    : compare(pa, pb, toleranceMs));
        }
        bs.values().forEach(pb -> rows.add(new Row(pb.population(), false, true, 0, pb.count(), 0, pb.count(), 0)));
        return new SpikeComparison(toleranceMs, rows);
    }

    private static Row compare(PopulationSpikes a, PopulationSpikes b, double tol) {
        double[][] ta = byNeuron(a);
        double[][] tb = byNeuron(b);
        long onlyA = 0;
        long onlyB = 0;
        double largest = 0;
        for (int n = 0; n < Math.max(ta.length, tb.length); n++) {
            double[] x = n < ta.length ? ta[n] : new double[0];
            double[] y = n < tb.length ? tb[n] : new double[0];
            int i = 0;
            int j = 0;
            while (i < x.length && j < y.length) {
                double d = x[i] - y[j];
                if (Math.abs(d) <= tol) {
                    largest = Math.max(largest, Math.abs(d));
                    i++;
                    j++;
                } else if (d < 0) {
                    onlyA++;
                    i++;
                } else {
                    onlyB++;
                    j++;
                }
            }
            onlyA += x.length - i;
            onlyB += y.length - j;
        }
        return new Row(a.population(), true, true, a.count(), b.count(), onlyA, onlyB, largest);
    }

    /** Each neuron's spike times, sorted. */
    private static double[][] byNeuron(PopulationSpikes p) {
        int neurons = 0;
        for (int k = 0; k < p.count(); k++) {
            neurons = Math.max(neurons, p.neuron(k) + 1);
        }
        int[] count = new int[neurons];
        for (int k = 0; k < p.count(); k++) {
            count[p.neuron(k)]++;
        }
        double[][] out = new double[neurons][];
        for (int n = 0; n < neurons; n++) {
            out[n] = new double[count[n]];
            count[n] = 0;
        }
        for (int k = 0; k < p.count(); k++) {
            int n = p.neuron(k);
            out[n][count[n]++] = p.timeMs(k);
        }
        for (double[] t : out) {
            Arrays.sort(t);
        }
        return out;
    }
}
