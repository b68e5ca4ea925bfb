package org.engram.spinnaker.mapping;

/**
 * Choices of the mapping.
 *
 * @param neuronsPerCore the most neurons (or spike sources) of one population a core holds;
 *        slices that would need more DTCM or SDRAM than a core has are cut smaller
 */
public record MappingOptions(int neuronsPerCore) {
    /** sPyNNaker's limit for its neuron models: 8 bits index a core's neuron in a synaptic row. */
    public static final int DEFAULT_NEURONS_PER_CORE = 255;
    public static final MappingOptions DEFAULT = new MappingOptions(DEFAULT_NEURONS_PER_CORE);

    public MappingOptions {
        if (neuronsPerCore < 1) {
            throw new MappingException("neuronsPerCore is " + neuronsPerCore + "; expected at least 1");
        }
    }
}
