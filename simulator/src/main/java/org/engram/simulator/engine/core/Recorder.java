package org.engram.simulator.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RunStats;
import org.engram.simulator.record.WeightTrace;

/**
 * Collects what the network asked to record, in primitive growable arrays, and hands out
 * immutable {@link Recording} snapshots. Spikes must be offered in time order, and within a time
 * in neuron order; samples in time order.
 */
public final class Recorder {
    private final BuiltNetwork net;
    private final boolean[] recordSpikes;
    private final int[][] spikeNeuron;
    private final double[][] spikeTime;
    private final int[] spikeCount;
    private final int[] spikeTotal;
    // membranes
    private final boolean[] recordV;
    private final double[] vIntervalMs;
    private final double[][] vTimes;
    private final int[] vSamples;
    private final double[][][] vValues;
    // weights
    private final double[][] wTimes;
    private final int[] wSamples;
    private final double[][][] wValues;

    public Recorder(BuiltNetwork net) {
        this.net = net;
        List<Population> pops = net.network.populations();
        int p = pops.size();
        recordSpikes = new boolean[p];
        spikeNeuron = new int[p][];
        spikeTime = new double[p][];
        spikeCount = new int[p];
        spikeTotal = new int[p];
        recordV = new boolean[p];
        vIntervalMs = new double[p];
        vTimes = new double[p][];
        vSamples = new int[p];
        vValues = new double[p][][];
        for (int k = 0; k < p; k++) {
            Population.Recording r = pops.get(k).record();
            recordSpikes[k] = r.spikes();
            spikeNeuron[k] = new int[16];
            spikeTime[k] = new double[16];
            recordV[k] = r.v();
            vIntervalMs[k] = r.vIntervalMs() > 0 ? r.vIntervalMs() : net.network.timestepMs();
            if (r.v()) {
                vTimes[k] = new double[16];
                vValues[k] = new double[pops.get(k).size()][16];
            }
        }
        int q = net.network.projections().size();
        wTimes = new double[q][];
        wSamples = new int[q];
        wValues = new double[q][][];
        for (int k = 0; k < q; k++) {
            if (net.network.projections().get(k).recordWeights() != null) {
                wTimes[k] = new double[4];
                wValues[k] = new double[4][];
            }
        }
    }

    /** Records a spike of global neuron {@code g} at {@code t}. */
    public void spike(int g, double t) {
        int k = net.populationOf(g);
        spikeTotal[k]++;
        if (!recordSpikes[k]) {
            return;
        }
        int c = spikeCount[k];
        if (c == spikeNeuron[k].length) {
            spikeNeuron[k] = Arrays.copyOf(spikeNeuron[k], c * 2);
            spikeTime[k] = Arrays.copyOf(spikeTime[k], c * 2);
        }
        spikeNeuron[k][c] = g - net.populationStart[k];
        spikeTime[k][c] = t;
        spikeCount[k] = c + 1;
    }

    public boolean recordsV(int population) {
        return recordV[population];
    }

    /** The number of v samples taken of a population so far. */
    public int vSampleCount(int population) {
        return vSamples[population];
    }

    public double vIntervalMs(int population) {
        return vIntervalMs[population];
    }

    /** Appends a sample of v for every neuron of a population; {@code v} is indexed globally. */
    public void sampleV(int population, double t, VoltageSource v) {
        int c = vSamples[population];
        if (c == vTimes[population].length) {
            vTimes[population] = Arrays.copyOf(vTimes[population], c * 2);
            for (int i = 0; i < vValues[population].length; i++) {
                vValues[population][i] = Arrays.copyOf(vValues[population][i], c * 2);
            }
        }
        vTimes[population][c] = t;
        int off = net.populationStart[population];
        for (int i = 0; i < vValues[population].length; i++) {
            vValues[population][i][c] = v.at(off + i);
        }
        vSamples[population] = c + 1;
    }

    /** The membrane potential of a global neuron at the sample time. */
    @FunctionalInterface
    public interface VoltageSource {
        double at(int g);
    }

    /** Appends a weight sample of projection {@code k}. */
    public void sampleWeights(int k, double t, double[] weights) {
        int c = wSamples[k];
        if (c == wTimes[k].length) {
            wTimes[k] = Arrays.copyOf(wTimes[k], c * 2);
            wValues[k] = Arrays.copyOf(wValues[k], c * 2);
        }
        wTimes[k][c] = t;
        wValues[k][c] = weights;
        wSamples[k] = c + 1;
    }

    public long totalSpikes() {
        long s = 0;
        for (int c : spikeTotal) {
            s += c;
        }
        return s;
    }

    public Recording snapshot(RunStats stats) {
        List<Population> pops = net.network.populations();
        List<PopulationSpikes> spikes = new ArrayList<>();
        List<MembraneTrace> membranes = new ArrayList<>();
        for (int k = 0; k < pops.size(); k++) {
            Population p = pops.get(k);
            if (recordSpikes[k]) {
                spikes.add(new PopulationSpikes(p.label(), p.size(), Arrays.copyOf(spikeNeuron[k], spikeCount[k]),
                        Arrays.copyOf(spikeTime[k], spikeCount[k])));
            }
            if (recordV[k]) {
                int n = p.size();
                int[] neurons = new int[n];
                Arrays.setAll(neurons, i -> i);
                double[] th = new double[n];
                double[][] values = new double[n][];
                for (int i = 0; i < n; i++) {
                    th[i] = net.vThresh[net.populationStart[k] + i];
                    values[i] = Arrays.copyOf(vValues[k][i], vSamples[k]);
                }
                membranes.add(new MembraneTrace(p.label(), neurons, th, Arrays.copyOf(vTimes[k], vSamples[k]), values));
            }
        }
        List<WeightTrace> weights = new ArrayList<>();
        List<Projection> projections = net.network.projections();
        for (int k = 0; k < projections.size(); k++) {
            if (wTimes[k] != null) {
                Projection pr = projections.get(k);
                BuiltNetwork.Connections c = net.connections(k);
                weights.add(new WeightTrace(pr.label(), pr.pre().population().label(), pr.post().population().label(),
                        c.pre(), c.post(), Arrays.copyOf(wTimes[k], wSamples[k]), Arrays.copyOf(wValues[k], wSamples[k])));
            }
        }
        return new Recording(spikes, membranes, weights, stats);
    }
}
