package org.engram.simulator.engine.fixed;

/**
 * One core's share of a population: neurons {@code first} to {@code first + size - 1} of
 * population {@code population} (its index in the network), the {@code index}-th slice of it and
 * the {@code ordinal}-th of the network (populations in order, slices in order).
 *
 * @param firstGlobal the global index of the slice's first neuron (populations numbered in order)
 */
public record Slice(int population, String label, int index, int ordinal, int first, int firstGlobal, int size) {
    /** The low key bits that number the slice's neurons. */
    public int keyBits() {
        return bits(size);
    }

    /** The mask of the slice's keys: the bits above {@link #keyBits()}. */
    public int keyMask() {
        return keyBits() == 32 ? 0 : -1 << keyBits();
    }

    /** {@code ceil(log2 n)}: the bits that number n things (0 for one). */
    static int bits(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    @Override
    public String toString() {
        return "population " + label + " neurons " + first + "-" + (first + size - 1);
    }
}
