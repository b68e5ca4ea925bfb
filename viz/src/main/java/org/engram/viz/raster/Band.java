package org.engram.viz.raster;

import java.awt.Color;

/**
 * One population's place in the raster: rows {@code [firstRow, firstRow + size)}, its colour and
 * mark, and its spikes inside the window (neuron index in the population, time in ms).
 */
record Band(String label, int size, int firstRow, Color color, Mark mark, int[] neurons, double[] timesMs) {
    int count() {
        return neurons.length;
    }

    double centre() {
        return firstRow + size / 2.0;
    }
}
