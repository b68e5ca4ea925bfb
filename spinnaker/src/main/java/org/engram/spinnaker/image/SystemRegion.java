package org.engram.spinnaker.image;

import static org.engram.spinnaker.image.ImageFormat.KIND_NEURON;
import static org.engram.spinnaker.image.ImageFormat.KIND_POISSON;
import static org.engram.spinnaker.image.ImageFormat.RECORD_SPIKES;
import static org.engram.spinnaker.image.ImageFormat.RECORD_V;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_FIRST_KEY;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_KIND;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_RECORDING;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_RUN_TICKS;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_SIZE;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_TIMESTEP_US;
import static org.engram.spinnaker.image.ImageFormat.SYSTEM_WORDS;

/**
 * Region {@link ImageFormat#SYSTEM}: what a core is and how long it runs.
 *
 * <pre>
 * word 0  kind            0 neuron, 1 spike array, 2 Poisson
 * word 1  timestep        microseconds (the period of the core's timer)
 * word 2  run ticks       steps to run, then exit
 * word 3  first key       the key of neuron 0; neuron i sends first key + i
 * word 4  size            neurons of the slice
 * word 5  recording       bit 0 spikes, bit 1 v
 * </pre>
 */
public record SystemRegion(int kind, int timestepUs, int runTicks, int firstKey, int size, boolean recordsSpikes,
        boolean recordsV) {
    public SystemRegion {
        if (kind < KIND_NEURON || kind > KIND_POISSON) {
            throw new IllegalArgumentException("core kind " + kind + "; expected 0 (neuron), 1 (spike array) or "
                    + "2 (Poisson)");
        }
        if (timestepUs <= 0 || runTicks < 0 || size <= 0) {
            throw new IllegalArgumentException("timestep " + timestepUs + " us, " + runTicks + " run ticks, " + size
                    + " neurons; expected a positive step, ticks >= 0 and at least one neuron");
        }
        if (recordsV && kind != KIND_NEURON) {
            throw new IllegalArgumentException("a spike source has no v to record");
        }
    }

    public int[] words() {
        int[] w = new int[SYSTEM_WORDS];
        w[SYSTEM_KIND] = kind;
        w[SYSTEM_TIMESTEP_US] = timestepUs;
        w[SYSTEM_RUN_TICKS] = runTicks;
        w[SYSTEM_FIRST_KEY] = firstKey;
        w[SYSTEM_SIZE] = size;
        w[SYSTEM_RECORDING] = (recordsSpikes ? RECORD_SPIKES : 0) | (recordsV ? RECORD_V : 0);
        return w;
    }

    /** The SYSTEM region of an image read back. */
    public static SystemRegion of(DataImage image) {
        int[] w = CoreRegions.words(image, ImageFormat.SYSTEM);
        if (w.length != SYSTEM_WORDS || (w[SYSTEM_RECORDING] & ~(RECORD_SPIKES | RECORD_V)) != 0) {
            throw new MalformedImageException(image.baseAddress(), "SYSTEM region of " + w.length
                    + " words with recording flags 0x" + Integer.toHexString(w.length > SYSTEM_RECORDING
                            ? w[SYSTEM_RECORDING] : 0) + "; expected " + SYSTEM_WORDS + " words, flags in bits 0-1");
        }
        try {
            return new SystemRegion(w[SYSTEM_KIND], w[SYSTEM_TIMESTEP_US], w[SYSTEM_RUN_TICKS], w[SYSTEM_FIRST_KEY],
                    w[SYSTEM_SIZE], (w[SYSTEM_RECORDING] & RECORD_SPIKES) != 0, (w[SYSTEM_RECORDING] & RECORD_V) != 0);
        } catch (IllegalArgumentException e) {
            throw new MalformedImageException(image.baseAddress(), "SYSTEM region: " + e.getMessage());
        }
    }
}
