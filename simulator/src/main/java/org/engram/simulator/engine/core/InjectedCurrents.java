package org.engram.simulator.engine.core;

import org.engram.simulator.build.BuiltNetwork;

/**
 * The current that the current sources inject, as it changes during a run: each source's
 * present current and its next change, and each neuron's bias current, its i_offset plus the
 * currents of the sources injected into it. The bias is summed afresh, in source order, at each
 * change, so that it carries no rounding from earlier changes and a neuron whose sources are all
 * off has exactly its i_offset again.
 *
 * <p>An engine asks {@link #nextChangeMs} of each source, applies the change when it comes due
 * ({@link #change}), and reads {@link #bias} of the source's targets.
 */
public final class InjectedCurrents {
    private final BuiltNetwork net;
    /** The present current of each source, nA. */
    private final double[] level;
    /** The index of each source's next change. */
    private final int[] next;
    /** The sources injected into each neuron, in compressed rows (source order). */
    private final int[] rowStart;
    private final int[] sourcesOf;

    public InjectedCurrents(BuiltNetwork net) {
        this.net = net;
        int sources = net.currentTargets.length;
        level = new double[sources];
        next = new int[sources];
        rowStart = new int[net.neuronCount + 1];
        for (int[] targets : net.currentTargets) {
            for (int g : targets) {
                rowStart[g + 1]++;
            }
        }
        for (int g = 0; g < net.neuronCount; g++) {
            rowStart[g + 1] += rowStart[g];
        }
        sourcesOf = new int[rowStart[net.neuronCount]];
        int[] fill = rowStart.clone();
        for (int s = 0; s < sources; s++) {
            for (int g : net.currentTargets[s]) {
                sourcesOf[fill[g]++] = s;
            }
        }
    }

    /** The number of current sources. */
    public int sources() {
        return level.length;
    }

    /** The time of source s's next change, ms, or +infinity when it has none left. */
    public double nextChangeMs(int s) {
        double[] times = net.currentChangeMs[s];
        return next[s] < times.length ? times[next[s]] : Double.POSITIVE_INFINITY;
    }

    /** Makes source s's next change: its current becomes the next amplitude. */
    public void change(int s) {
        level[s] = net.currentAmplitude[s][next[s]];
        next[s]++;
    }

    /** The neurons source s is injected into, ascending (the built network's array: do not change it). */
    public int[] targets(int s) {
        return net.currentTargets[s];
    }

    /** The bias current of neuron g now, nA: its i_offset plus the present current of its sources. */
    public double bias(int g) {
        double sum = net.iOffset[g];
        for (int k = rowStart[g]; k < rowStart[g + 1]; k++) {
            sum += level[sourcesOf[k]];
        }
        return sum;
    }

    /** True when neurons g and h receive current from the same sources. */
    public boolean sameSources(int g, int h) {
        return java.util.Arrays.equals(sourcesOf, rowStart[g], rowStart[g + 1], sourcesOf, rowStart[h], rowStart[h + 1]);
    }
}
