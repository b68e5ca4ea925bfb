package org.engram.simulator.engine.event;

import java.util.Arrays;

/**
 * The samples of v due in one interval, in time order (populations in order at equal times), each
 * with the row that the partitions fill with their neurons' v and the engine then records.
 * Rows are kept for reuse: nothing is allocated per interval once the largest has been seen.
 */
final class Samples {
    double[] timeMs = new double[8];
    int[] population = new int[8];
    double[][] row = new double[8][];
    int count;

    /** Adds a sample of population p, of {@code size} neurons, at t. */
    void add(double t, int p, int size) {
        if (count == timeMs.length) {
            timeMs = Arrays.copyOf(timeMs, 2 * count);
            population = Arrays.copyOf(population, 2 * count);
            row = Arrays.copyOf(row, 2 * count);
        }
        timeMs[count] = t;
        population[count] = p;
        if (row[count] == null || row[count].length != size) {
            row[count] = new double[size];
        }
        count++;
    }
}
