package org.engram.simulator.synapse;

import org.engram.simulator.random.Value;

/**
 * What a connection transmits: a fixed weight ({@link StaticSynapse}) or a plastic one
 * ({@link STDPMechanism}). Weights are in nA for current-based targets, uS for conductance-based
 * ones and mV for {@code IF_curr_delta}; delays in ms. A null delay means "the network's
 * timestep", as in PyNN.
 */
public sealed interface SynapseType permits StaticSynapse, STDPMechanism {
    Value weight();

    /** The delay, or null for the network's timestep. */
    Value delay();

    /** PyNN's name, as written in JSON. */
    String typeName();
}
