package org.engram.simulator.engine.core;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.record.MemoryRecording;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingLayout;
import org.engram.simulator.record.RecordingLayout.PopulationLayout;
import org.engram.simulator.record.RecordingLayout.ProjectionLayout;
import org.engram.simulator.record.RecordingSink;
import org.engram.simulator.record.RunStats;

/**
 * Takes what the network asked to record from the engine, in the network's own terms (population
 * and neuron indices), and hands it to a {@link RecordingSink}: a {@link MemoryRecording} unless
 * {@link #recordTo} chose another before the run. Spikes must be offered in time order, and within
 * a time in neuron order; samples in time order.
 */
public final class Recorder {
    private final BuiltNetwork net;
    private final RecordingLayout layout;
    private final boolean[] recordSpikes;
    private final long[] spikeTotal;
    private final double[] vIntervalMs;
    private final int[] vSamples;
    /** Per population recording v: one sample's values, reused. */
    private final double[][] vRow;
    private RecordingSink sink;
    private boolean recorded;

    public Recorder(BuiltNetwork net) {
        this.net = net;
        List<Population> pops = net.network.populations();
        int p = pops.size();
        recordSpikes = new boolean[p];
        spikeTotal = new long[p];
        vIntervalMs = new double[p];
        vSamples = new int[p];
        vRow = new double[p][];
        List<PopulationLayout> popLayouts = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            Population pop = pops.get(k);
            Population.Recording r = pop.record();
            recordSpikes[k] = r.spikes();
            vIntervalMs[k] = r.vIntervalMs() > 0 ? r.vIntervalMs() : net.network.timestepMs();
            int[] neurons = new int[r.v() ? pop.size() : 0];
            double[] thresholds = new double[neurons.length];
            for (int i = 0; i < neurons.length; i++) {
                neurons[i] = i;
                thresholds[i] = net.vThresh[net.populationStart[k] + i];
            }
            if (r.v()) {
                vRow[k] = new double[pop.size()];
            }
            popLayouts.add(new PopulationLayout(pop.label(), pop.size(), pop.cellType().modelName(), r.spikes(),
                    neurons, thresholds));
        }
        List<ProjectionLayout> projLayouts = new ArrayList<>();
        List<Projection> projections = net.network.projections();
        for (int k = 0; k < projections.size(); k++) {
            Projection pr = projections.get(k);
            BuiltNetwork.Connections c = pr.recordWeights() == null ? null : net.connections(k);
            projLayouts.add(new ProjectionLayout(pr.label(), pr.pre().population().label(),
                    pr.post().population().label(), c == null ? null : c.pre(), c == null ? null : c.post()));
        }
        layout = new RecordingLayout(popLayouts, projLayouts);
        sink = new MemoryRecording(layout);
    }

    /** What the run records: the index space of the sink's calls. */
    public RecordingLayout layout() {
        return layout;
    }

    /** Sends what is recorded to {@code to} instead of memory; only before anything is recorded. */
    public void recordTo(RecordingSink to) {
        if (recorded) {
            throw new IllegalStateException("the run has recorded already; choose where recordings go before it");
        }
        sink = to;
    }

    /** Records a spike of global neuron {@code g} at {@code t}. */
    public void spike(int g, double t) {
        int k = net.populationOf(g);
        spikeTotal[k]++;
        if (recordSpikes[k]) {
            recorded = true;
            sink.spike(k, g - net.populationStart[k], t);
        }
    }

    public boolean recordsV(int population) {
        return vRow[population] != null;
    }

    /** The number of v samples taken of a population so far. */
    public int vSampleCount(int population) {
        return vSamples[population];
    }

    public double vIntervalMs(int population) {
        return vIntervalMs[population];
    }

    /** Takes a sample of v of every neuron of a population; {@code v} is indexed globally. */
    public void sampleV(int population, double t, VoltageSource v) {
        double[] row = vRow[population];
        int off = net.populationStart[population];
        for (int i = 0; i < row.length; i++) {
            row[i] = v.at(off + i);
        }
        recorded = true;
        sink.membrane(population, t, row);
        vSamples[population]++;
    }

    /** The membrane potential of a global neuron at the sample time. */
    @FunctionalInterface
    public interface VoltageSource {
        double at(int g);
    }

    /** Takes a weight sample of projection {@code k}; the array is the sink's from now on. */
    public void sampleWeights(int k, double t, double[] weights) {
        recorded = true;
        sink.weights(k, t, weights);
    }

    public long totalSpikes() {
        long s = 0;
        for (long c : spikeTotal) {
            s += c;
        }
        return s;
    }

    /** What was recorded up to now, when it is kept in memory. */
    public Recording snapshot(RunStats stats) {
        if (!(sink instanceof MemoryRecording memory)) {
            throw new IllegalStateException("this simulation sends its recording to " + sink
                    + ", not memory; read it from there");
        }
        return memory.snapshot(stats);
    }
}
