package org.engram.simulator.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's SpikeSourceArray: given spike times (ms) per neuron. One list shared by every neuron, or
 * one list per neuron. Times are finite, non-negative and sorted when made.
 */
public record SpikeSourceArray(List<double[]> spikeTimes) implements CellType {

    public SpikeSourceArray {
        if (spikeTimes.isEmpty()) {
            throw new InvalidNetworkException("SpikeSourceArray: spike_times needs at least one list");
        }
        List<double[]> copy = new ArrayList<>(spikeTimes.size());
        for (int i = 0; i < spikeTimes.size(); i++) {
            double[] t = spikeTimes.get(i).clone();
            for (double x : t) {
                if (!Double.isFinite(x) || x < 0) {
                    throw new InvalidNetworkException("SpikeSourceArray: spike_times[" + i + "] holds "
                            + x + "; expected finite times >= 0 ms");
                }
            }
            Arrays.sort(t);
            copy.add(t);
        }
        spikeTimes = List.copyOf(copy);
    }

    /** One list of spike times per neuron. */
    public static SpikeSourceArray of(double[]... perNeuron) {
        return new SpikeSourceArray(Arrays.asList(perNeuron));
    }

    /** The spike times of neuron {@code i} (a copy). */
    public double[] times(int i) {
        return (spikeTimes.size() == 1 ? spikeTimes.get(0) : spikeTimes.get(i)).clone();
    }

    @Override
    public String modelName() {
        return "SpikeSourceArray";
    }

    @Override
    public boolean isSource() {
        return true;
    }

    @Override
    public void checkSize(String population, int size) {
        if (spikeTimes.size() != 1 && spikeTimes.size() != size) {
            throw new InvalidNetworkException(population + ": spike_times has " + spikeTimes.size()
                    + " lists; expected 1 or " + size + " (the population size)");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SpikeSourceArray s) || s.spikeTimes.size() != spikeTimes.size()) {
            return false;
        }
        for (int i = 0; i < spikeTimes.size(); i++) {
            if (!Arrays.equals(spikeTimes.get(i), s.spikeTimes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (double[] t : spikeTimes) {
            h = 31 * h + Arrays.hashCode(t);
        }
        return h;
    }

    @Override
    public String toString() {
        return "SpikeSourceArray(" + spikeTimes.size() + " lists)";
    }
}
