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
    private final int[][] spikeNeuron;
    private final double[][] spikeTime;
    private final int[] spikeCount;
    private final double[][] vTimes;
    /** Per population, per recorded neuron: its samples. */
    private final double[][][] vValues;
    private final int[] vSamples;
    private final double[][] wTimes;
    private final double[][][] wValues;
    private final int[] wSamples;

    public MemoryRecording(RecordingLayout layout) {
        this.layout = layout;
        int p = layout.populations().size();
        spikeNeuron = new int[p][16];
        spikeTime = new double[p][16];
        spikeCount = new int[p];
        vTimes = new double[p][];
        vValues = new double[p][][];
        vSamples = new int[p];
        for (int k = 0; k < p; k++) {
            PopulationLayout pl = layout.populations().get(k);
            if (pl.v()) {
                vTimes[k] = new double[16];
                vValues[k] = new double[pl.vNeurons().length][16];
            }
        }
        int q = layout.projections().size();
        wTimes = new double[q][4];
        wValues = new double[q][4][];
        wSamples = new int[q];
    }

    @Override
    public void spike(int population, int neuron, double timeMs) {
        int c = spikeCount[population];
        if (c == spikeNeuron[population].length) {
            spikeNeuron[population] = Arrays.copyOf(spikeNeuron[population], c * 2);
            spikeTime[population] = Arrays.copyOf(spikeTime[population], c * 2);
        }
        spikeNeuron[population][c] = neuron;
        spikeTime[population][c] = timeMs;
        spikeCount[population] = c + 1;
    }

    @Override
    public void membrane(int population, double timeMs, double[] v) {
        int c = vSamples[population];
        double[][] values = vValues[population];
        if (c == vTimes[population].length) {
            vTimes[population] = Arrays.copyOf(vTimes[population], c * 2);
            for (int i = 0; i < values.length; i++) {
                values[i] = Arrays.copyOf(values[i], c * 2);
            }
        }
        vTimes[population][c] = timeMs;
        for (int i = 0; i < values.length; i++) {
            values[i][c] = v[i];
        }
        vSamples[population] = c + 1;
    }

    @Override
    public void weights(int projection, double timeMs, double[] weights) {
        int c = wSamples[projection];
        if (c == wTimes[projection].length) {
            wTimes[projection] = Arrays.copyOf(wTimes[projection], c * 2);
            wValues[projection] = Arrays.copyOf(wValues[projection], c * 2);
        }
        wTimes[projection][c] = timeMs;
        wValues[projection][c] = weights;
        wSamples[projection] = c + 1;
    }

    /** What was recorded up to now, with the run's figures: immutable copies. */
    public Recording snapshot(RunStats stats) {
        List<PopulationSpikes> spikes = new ArrayList<>();
        List<MembraneTrace> membranes = new ArrayList<>();
        for (int k = 0; k < layout.populations().size(); k++) {
            PopulationLayout p = layout.populations().get(k);
            if (p.spikes()) {
                spikes.add(new PopulationSpikes(p.label(), p.size(), Arrays.copyOf(spikeNeuron[k], spikeCount[k]),
                        Arrays.copyOf(spikeTime[k], spikeCount[k])));
            }
            if (p.v()) {
                double[][] values = new double[vValues[k].length][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Arrays.copyOf(vValues[k][i], vSamples[k]);
                }
                membranes.add(new MembraneTrace(p.label(), p.vNeurons(), p.vThresholdsMv(),
                        Arrays.copyOf(vTimes[k], vSamples[k]), values));
            }
        }
        List<WeightTrace> weights = new ArrayList<>();
        for (int k = 0; k < layout.projections().size(); k++) {
            ProjectionLayout pr = layout.projections().get(k);
            if (pr.weights()) {
                weights.add(new WeightTrace(pr.label(), pr.prePopulation(), pr.postPopulation(), pr.pre(), pr.post(),
                        Arrays.copyOf(wTimes[k], wSamples[k]), Arrays.copyOf(wValues[k], wSamples[k])));
            }
        }
        return new Recording(spikes, membranes, weights, stats);
    }
}
