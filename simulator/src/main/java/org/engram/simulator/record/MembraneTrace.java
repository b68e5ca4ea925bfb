package org.engram.simulator.record;

/**
 * Sampled membrane potential of recorded neurons of one population: {@code values[k][s]} is
 * neuron {@code neurons[k]} at {@code timesMs[s]}, in mV. {@code thresholdsMv[k]} is that neuron's
 * v_thresh, for plotting.
 */
public record MembraneTrace(String population, int[] neurons, double[] thresholdsMv, double[] timesMs,
        double[][] values) {
    public MembraneTrace {
        neurons = neurons.clone();
        thresholdsMv = thresholdsMv.clone();
        timesMs = timesMs.clone();
        double[][] copy = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            copy[k] = values[k].clone();
            if (copy[k].length != timesMs.length) {
                throw new IllegalArgumentException("trace " + k + " has " + copy[k].length + " samples, expected "
                        + timesMs.length);
            }
        }
        values = copy;
        if (neurons.length != values.length || thresholdsMv.length != neurons.length) {
            throw new IllegalArgumentException("neurons, thresholds and traces differ in count");
        }
    }

    /** The trace of the k-th recorded neuron (a copy). */
    public double[] trace(int k) {
        return values[k].clone();
    }

    @Override
    public int[] neurons() {
        return neurons.clone();
    }

    @Override
    public double[] thresholdsMv() {
        return thresholdsMv.clone();
    }

    @Override
    public double[] timesMs() {
        return timesMs.clone();
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            copy[k] = values[k].clone();
        }
        return copy;
    }
}
