package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;

/** PyNN's receptor types. Inhibitory weights are given positive, as in PyNN. */
public enum Receptor {
    excitatory, inhibitory;

    /** Parses PyNN's name; the message lists the valid names. */
    public static Receptor byName(String name) {
        for (Receptor r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new InvalidNetworkException("unknown receptor_type '" + name + "'; expected excitatory or inhibitory");
    }
}
