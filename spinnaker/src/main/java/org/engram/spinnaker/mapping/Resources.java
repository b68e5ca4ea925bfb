package org.engram.spinnaker.mapping;

/**
 * What one core's slice needs, as {@link CostModel} estimates it.
 *
 * @param sdramBytes SDRAM for its data: parameters, synaptic matrices, population table,
 *        spike times
 * @param dtcmBytes DTCM (data memory of the core) for its state, ring buffers and tables
 */
public record Resources(long sdramBytes, long dtcmBytes) {
    public Resources {
        if (sdramBytes < 0 || dtcmBytes < 0) {
            throw new IllegalArgumentException("resources: " + sdramBytes + " bytes of SDRAM and " + dtcmBytes
                    + " of DTCM; expected >= 0");
        }
    }
}
