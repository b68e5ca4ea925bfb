package org.engram.spinnaker.mapping;

/**
 * The neurons {@code [lo, hi)} of one population, held by one core.
 *
 * @param population the population's index in the network
 * @param label the population's label
 * @param lo first neuron (index within the population)
 * @param hi one past the last neuron
 */
public record Slice(int population, String label, int lo, int hi) {
    public Slice {
        if (population < 0 || lo < 0 || hi <= lo) {
            throw new IllegalArgumentException(label + ": slice [" + lo + ":" + hi + "] of population "
                    + population + "; expected 0 <= lo < hi");
        }
    }

    public int size() {
        return hi - lo;
    }

    public boolean contains(int neuron) {
        return neuron >= lo && neuron < hi;
    }

    /** As PyNN writes a slice: {@code exc[0:255]}. */
    @Override
    public String toString() {
        return label + "[" + lo + ":" + hi + "]";
    }
}
