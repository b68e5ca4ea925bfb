package org.engram.simulator.engine.fixed;

/**
 * How a network is cut into cores: at most {@code neuronsPerCore} neurons of one population per
 * core (sPyNNaker's default for IF_curr_exp is 256), and the key of each slice.
 */
public record FixedOptions(int neuronsPerCore, KeyAssignment keys) {
    /** The most neurons a core can index with a 16-bit synapse word (14 index bits, the receptor and one delay bit). */
    public static final int MAX_NEURONS_PER_CORE = 1 << 14;
    public static final FixedOptions DEFAULT = new FixedOptions(256, KeyAssignment.DEFAULT);

    public FixedOptions {
        if (neuronsPerCore < 1 || neuronsPerCore > MAX_NEURONS_PER_CORE) {
            throw new IllegalArgumentException("neurons per core " + neuronsPerCore + "; expected 1 to "
                    + MAX_NEURONS_PER_CORE);
        }
        if (keys == null) {
            throw new IllegalArgumentException("a key assignment is needed");
        }
    }
}
