package org.engram.simulator.synapse;

import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.random.Value;

/** Validation shared by the synapse types. */
final class Synapses {
    private Synapses() {}

    static void check(Value weight, Value delay) {
        if (weight == null) {
            throw new InvalidNetworkException("synapse: weight is missing");
        }
        if (weight.lowerBound() < 0 && !(weight instanceof Value.Normal)) {
            throw new InvalidNetworkException("synapse: weight " + weight
                    + " can be negative; weights are >= 0 (use receptor \"inhibitory\" for inhibition)");
        }
        if (delay != null && delay.lowerBound() <= 0 && !(delay instanceof Value.Normal)) {
            throw new InvalidNetworkException("synapse: delay " + delay + " must be > 0 ms");
        }
    }
}
