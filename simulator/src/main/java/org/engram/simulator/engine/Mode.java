package org.engram.simulator.engine;

import org.engram.simulator.error.InvalidNetworkException;

/** The execution modes over the same built network. */
public enum Mode {
    /** Exact event-driven integration: neurons are touched only by events; spike times are exact. */
    event,
    /** sPyNNaker's fixed-step update on a grid of {@code dt}: what SpiNNaker hardware computes. */
    grid,
    /**
     * The same update in SpiNNaker's fixed-point arithmetic, one core per slice of a population:
     * what a SpiNNaker core application computes, word for word.
     */
    fixed;

    /** Parses the mode's name; the message lists the valid names. */
    public static Mode byName(String name) {
        for (Mode m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new InvalidNetworkException("unknown mode '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Mode::name).collect(java.util.stream.Collectors.joining(", ")));
    }
}
