package org.engram.simulator.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.record.RecordingLayout.PopulationLayout;
import org.engram.simulator.record.RecordingLayout.ProjectionLayout;

/**
 * Keeps what a run records in primitive arrays that grow by doubling, and hands out immutable
 * {@link Recording} snapshots: the library's sink, bounded only by the heap.
 */
public final class MemoryRecording implements RecordingSink {
    private final RecordingLayout layout;
    private final Times[] spikeTimes;
    private final int[][] spikeNeuron;
    private final Times[] vTimes;
    /** Per population, per recorded neuron: its samples. */
    private final double[][][] vValues;
    private final Times[] wTimes;
    private final double[][][] wValues;

    public MemoryRecording(RecordingLayout layout) {
        this.layout = layout;
        int p = layout.populations().size();
        spikeTimes = new Times[p];
        spikeNeuron = new int[p][16];
        vTimes = new Times[p];
        vValues = new double[p][][];
        for (int k = 0; k < p; k++) {
            spikeTimes[k] = new Times(16);
            PopulationLayout pl = layout.populations().get(k);
            if (pl.v()) {
                vTimes[k] = new Times(16);
                vValues[k] = new double[pl.vNeurons().length][16];
            }
        }
        int q = layout.projections().size();
        wTimes = new Times[q];
        wValues = new double[q][4][];
        for (int k = 0; k < q; k++) {
            wTimes[k] = new Times(4);
        }
    }

    @Override
    public void spike(int population, int neuron, double timeMs) {
        Times t = spikeTimes[population];
        int row = t.add(timeMs);
        if (row == spikeNeuron[population].length) {
            spikeNeuron[population] = Arrays.copyOf(spikeNeuron[population], t.capacity());
        }
        spikeNeuron[population][row] = neuron;
    }

    @Override
    public void membrane(int population, double timeMs, double[] v) {
        Times t = vTimes[population];
        int row = t.add(timeMs);
        double[][] values = vValues[population];
        for (int i = 0; i < values.length; i++) {
            if (row == values[i].length) {
                values[i] = Arrays.copyOf(values[i], t.capacity());
            }
            values[i][row] = v[i];
        }
    }

    @Override
    public void weights(int projection, double timeMs, double[] weights) {
        Times t = wTimes[projection];
        int row = t.add(timeMs);
        if (row == wValues[projection].length) {
            wValues[projection] = Arrays.copyOf(wValues[projection], t.capacity());
        }
        wValues[projection][row] = weights;
    }

    /** What was recorded up to now, with the run's figures: immutable copies. */
    public Recording snapshot(RunStats stats) {
        List<PopulationSpikes> spikes = new ArrayList<>();
        List<MembraneTrace> membranes = new ArrayList<>();
        for (int k = 0; k < layout.populations().size(); k++) {
            PopulationLayout p = layout.populations().get(k);
            if (p.spikes()) {
                spikes.add(new PopulationSpikes(p.label(), p.size(),
                        Arrays.copyOf(spikeNeuron[k], spikeTimes[k].count()), spikeTimes[k].toArray()));
            }
            if (p.v()) {
                double[][] values = new double[vValues[k].length][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Arrays.copyOf(vValues[k][i], vTimes[k].count());
                }
                membranes.add(new MembraneTrace(p.label(), p.vNeurons(), p.vThresholdsMv(), vTimes[k].toArray(),
                        values));
            }
        }
        List<WeightTrace> weights = new ArrayList<>();
        for (int k = 0; k < layout.projections().size(); k++) {
            ProjectionLayout pr = layout.projections().get(k);
            if (pr.weights()) {
                weights.add(new WeightTrace(pr.label(), pr.prePopulation(), pr.postPopulation(), pr.pre(), pr.post(),
                        wTimes[k].toArray(), Arrays.copyOf(wValues[k], wTimes[k].count())));
            }
        }
        return new Recording(spikes, membranes, weights, stats);
    }

    /**
     * The times of one recorded series, growing by doubling: the series' other columns grow to
     * {@link #capacity()} when {@link #add} returns the first row beyond them.
     */
    private static final class Times {
        private double[] ms;
        private int count;

        Times(int capacity) {
            ms = new double[capacity];
        }

        /** Appends a time; returns its row. */
        int add(double timeMs) {
            if (count == ms.length) {
                ms = Arrays.copyOf(ms, count * 2);
            }
            ms[count] = timeMs;
            return count++;
        }

        int capacity() {
            return ms.length;
        }

        int count() {
            return count;
        }

        double[] toArray() {
            return Arrays.copyOf(ms, count);
        }
    }
}
