package org.engram.simulator.synapse;

import org.engram.simulator.random.Value;

/** PyNN's StaticSynapse: a fixed weight and delay. PyNN's default weight is 0. */
public record StaticSynapse(Value weight, Value delay) implements SynapseType {
    public StaticSynapse {
        Synapses.check(weight, delay);
    }

    public StaticSynapse(double weight, double delay) {
        this(Value.of(weight), Value.of(delay));
    }

    @Override
    public String typeName() {
        return "StaticSynapse";
    }
}
