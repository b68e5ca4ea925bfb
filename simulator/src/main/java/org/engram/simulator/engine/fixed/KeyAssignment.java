package org.engram.simulator.engine.fixed;

/**
 * Which multicast key a slice's neuron 0 sends; neuron {@code i} sends that plus {@code i}. The key
 * must have the slice's {@link Slice#keyBits()} low bits zero, and no two slices' key ranges may
 * overlap (the builder checks both). A deployment gives its own; desktop runs use {@link #DEFAULT}.
 */
@FunctionalInterface
public interface KeyAssignment {
    /** Slice ordinal {@code o} starts at {@code o << 16}: cores hold at most 2^14 neurons, so ranges never overlap. */
    KeyAssignment DEFAULT = slice -> slice.ordinal() << 16;

    int firstKey(Slice slice);
}
