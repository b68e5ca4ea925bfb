package org.engram.simulator.synapse;

import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.random.Value;

/**
 * PyNN's STDPMechanism: a plastic synapse with a timing rule, a weight dependence and an initial
 * weight and delay. The delay is treated as dendritic: a post spike at {@code t} meets the pre
 * spikes at the synapse at {@code t + delay}.
 */
public record STDPMechanism(SpikePairRule timing_dependence, WeightDependence weight_dependence,
        Value weight, Value delay) implements SynapseType {
    public STDPMechanism {
        if (timing_dependence == null || weight_dependence == null) {
            throw new InvalidNetworkException("STDPMechanism needs timing_dependence and weight_dependence");
        }
        Synapses.check(weight, delay);
    }

    public STDPMechanism(SpikePairRule timing, WeightDependence dependence, double weight, double delay) {
        this(timing, dependence, Value.of(weight), Value.of(delay));
    }

    @Override
    public String typeName() {
        return "STDPMechanism";
    }
}
