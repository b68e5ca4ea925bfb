package org.engram.simulator.record;

import java.util.List;

/**
 * Which v samples to read back from a run directory, so that a plot of a recording larger than
 * memory reads only what it draws: samples from {@code fromMs} to {@code toMs} (and one either
 * side, so lines reach the window's edges), of the populations named (all when empty), of the
 * neurons named (indices in their populations) or else the first {@code firstNeurons} recorded of
 * each population; at most about {@code maxSamples} per trace, more being reduced to each stretch's
 * lowest and highest value ({@link #ALL} reads everything as it is).
 */
public record MembraneSelection(double fromMs, double toMs, List<String> populations, List<Integer> neurons,
        int firstNeurons, int maxSamples) {
    /** Every sample of every recorded neuron. */
    public static final MembraneSelection ALL = new MembraneSelection(Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, List.of(), List.of(), Integer.MAX_VALUE, Integer.MAX_VALUE);

    public MembraneSelection {
        populations = List.copyOf(populations);
        neurons = List.copyOf(neurons);
        if (Double.isNaN(fromMs) || Double.isNaN(toMs) || fromMs > toMs) {
            throw new IllegalArgumentException("window " + fromMs + " to " + toMs + " ms");
        }
        if (firstNeurons < 1 || maxSamples < 4) {
            throw new IllegalArgumentException("firstNeurons " + firstNeurons + " and maxSamples " + maxSamples
                    + ": expected at least 1 and 4");
        }
    }

    boolean readsPopulation(String label) {
        return populations.isEmpty() || populations.contains(label);
    }

    /** The positions, among a population's recorded neurons, of those to read. */
    int[] positions(int[] recorded) {
        if (neurons.isEmpty()) {
            int[] first = new int[Math.min(firstNeurons, recorded.length)];
            java.util.Arrays.setAll(first, k -> k);
            return first;
        }
        return java.util.stream.IntStream.range(0, recorded.length).filter(k -> neurons.contains(recorded[k]))
                .toArray();
    }
}
