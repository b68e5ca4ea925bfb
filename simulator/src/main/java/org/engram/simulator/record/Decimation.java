package org.engram.simulator.record;

import java.util.Arrays;

/**
 * Reduces a stretch of a trace's rows, taken in time order, to at most about {@code maxSamples}
 * rows: when there are more, each bucket of consecutive rows gives two, at the times of its first
 * and middle rows, holding each neuron's lowest and highest value in the order they occur, so a
 * drawn line keeps the trace's extremes (spikes' peaks and resets) while the time moves by less
 * than a bucket. With no more rows than {@code maxSamples} every row is kept as it is.
 */
final class Decimation {
    private final int neurons;
    private final long bucket;
    private double[] times = new double[64];
    private double[][] values;
    private int size;
    // the open bucket
    private long inBucket;
    private double firstTime;
    private double middleTime;
    private double lastTime;
    private final double[] low;
    private final double[] high;
    private final long[] lowAt;
    private final long[] highAt;

    /** For {@code rows} rows of {@code neurons} values each. */
    Decimation(long rows, int neurons, int maxSamples) {
        this.neurons = neurons;
        this.bucket = rows <= maxSamples ? 1 : (rows + maxSamples / 2 - 1) / (maxSamples / 2);
        values = new double[neurons][64];
        low = new double[neurons];
        high = new double[neurons];
        lowAt = new long[neurons];
        highAt = new long[neurons];
    }

    /** The next row: its time and the chosen neurons' values. */
    void add(double t, double[] v) {
        if (bucket == 1) {
            append(t, v);
            return;
        }
        if (inBucket == 0) {
            firstTime = t;
            System.arraycopy(v, 0, low, 0, neurons);
            System.arraycopy(v, 0, high, 0, neurons);
            Arrays.fill(lowAt, 0);
            Arrays.fill(highAt, 0);
        }
        if (inBucket == bucket / 2) {
            middleTime = t;
        }
        lastTime = t;
        for (int k = 0; k < neurons; k++) {
            if (v[k] < low[k]) {
                low[k] = v[k];
                lowAt[k] = inBucket;
            }
            if (v[k] > high[k]) {
                high[k] = v[k];
                highAt[k] = inBucket;
            }
        }
        if (++inBucket == bucket) {
            closeBucket();
        }
    }

    private void closeBucket() {
        if (inBucket == 1) {
            append(firstTime, low);
        } else if (inBucket > 1) {
            grow(2);
            times[size] = firstTime;
            // a partial last bucket may end before its middle: its last row stands in
            times[size + 1] = inBucket > bucket / 2 ? middleTime : lastTime;
            for (int k = 0; k < neurons; k++) {
                boolean lowFirst = lowAt[k] <= highAt[k];
                values[k][size] = lowFirst ? low[k] : high[k];
                values[k][size + 1] = lowFirst ? high[k] : low[k];
            }
            size += 2;
        }
        inBucket = 0;
    }

    private void append(double t, double[] row) {
        grow(1);
        times[size] = t;
        for (int k = 0; k < neurons; k++) {
            values[k][size] = row[k];
        }
        size++;
    }

    private void grow(int more) {
        if (size + more > times.length) {
            int cap = Math.max(size + more, 2 * times.length);
            times = Arrays.copyOf(times, cap);
            for (int k = 0; k < neurons; k++) {
                values[k] = Arrays.copyOf(values[k], cap);
            }
        }
    }

    /** The reduced trace. */
    MembraneTrace trace(String population, int[] neuronIds, double[] thresholdsMv) {
        closeBucket();
        double[][] v = new double[neurons][];
        for (int k = 0; k < neurons; k++) {
            v[k] = Arrays.copyOf(values[k], size);
        }
        return new MembraneTrace(population, neuronIds, thresholdsMv, Arrays.copyOf(times, size), v);
    }
}
