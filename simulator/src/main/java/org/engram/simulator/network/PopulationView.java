package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;
import java.util.Arrays;

/**
 * PyNN's PopulationView: a slice or an index list of a population, usable as either side of a
 * projection. Indices are distinct and within the parent.
 */
public record PopulationView(Population parent, int[] indices, String describe) implements Selection {

    public PopulationView {
        indices = indices.clone();
        if (indices.length == 0) {
            throw new InvalidNetworkException(parent.label() + ": a view needs at least one neuron");
        }
        boolean[] seen = new boolean[parent.size()];
        for (int i : indices) {
            if (i < 0 || i >= parent.size()) {
                throw new InvalidNetworkException(parent.label() + ": view index " + i
                        + " out of range; expected 0 <= index < " + parent.size());
            }
            if (seen[i]) {
                throw new InvalidNetworkException(parent.label() + ": view index " + i + " appears twice");
            }
            seen[i] = true;
        }
        if (describe == null) {
            describe = parent.label() + Arrays.toString(indices).replace(" ", "");
        }
    }

    public PopulationView(Population parent, int... indices) {
        this(parent, indices, null);
    }

    static PopulationView slice(Population parent, int start, int stop) {
        if (start < 0 || stop > parent.size() || start >= stop) {
            throw new InvalidNetworkException(parent.label() + "[" + start + ":" + stop
                    + "]: slice out of range; expected 0 <= start < stop <= " + parent.size());
        }
        int[] idx = new int[stop - start];
        Arrays.setAll(idx, k -> start + k);
        return new PopulationView(parent, idx, parent.label() + "[" + start + ":" + stop + "]");
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public Population population() {
        return parent;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int index(int position) {
        return indices[position];
    }

    /** True when the view is a contiguous slice written {@code label[start:stop]}. */
    public boolean isSlice() {
        return describe.endsWith("]") && describe.contains(":");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationView v && v.parent.equals(parent) && Arrays.equals(v.indices, indices);
    }

    @Override
    public int hashCode() {
        return parent.label().hashCode() * 31 + Arrays.hashCode(indices);
    }
}
