package org.engram.simulator.engine;

import org.engram.simulator.error.InvalidNetworkException;

/** The two execution modes over the same built network. */
public enum Mode {
    /** Exact event-driven integration: neurons are touched only by events; spike times are exact. */
    event,
    /** sPyNNaker's fixed-step update on a grid of {@code dt}: what SpiNNaker hardware computes. */
    grid;

    /** Parses the mode's name; the message lists the valid names. */
    public static Mode byName(String name) {
        for (Mode m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new InvalidNetworkException(
                "unknown mode '" + name + "'; expected event or grid");
    }
}
