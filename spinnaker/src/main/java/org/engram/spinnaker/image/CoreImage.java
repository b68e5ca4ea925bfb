package org.engram.spinnaker.image;

import org.engram.simulator.engine.fixed.Core;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * The data image of one placed slice: what the loader allocates and writes on its core's chip,
 * and the address of which it writes to the core's {@code user0}.
 *
 * @param core where the slice runs
 * @param label its population's label
 * @param population its population's index in the network
 * @param first the index of its first neuron in the population
 * @param size its neurons
 * @param firstKey the key its neuron 0 sends (neuron i sends {@code firstKey + i})
 * @param recordsSpikes whether the RECORDING region holds spikes
 * @param recordsV whether it holds membrane potentials
 * @param regions the image's regions, laid out at address 0 ({@link #at} moves them)
 */
public record CoreImage(CoreLocation core, String label, int population, int first, int size, int firstKey,
        boolean recordsSpikes, boolean recordsV, DataImage regions) {
    public CoreImage {
        if (regions.baseAddress() != 0) {
            throw new IllegalArgumentException("a core image's regions are laid out at address 0");
        }
        DataImage.Region recording = regions.region(ImageFormat.RECORDING);
        if (recording == null || !recording.isOutput()) {
            throw new IllegalArgumentException("a core image needs its RECORDING output region");
        }
    }

    /** The bytes to allocate: header, input regions and the RECORDING space. */
    public long sizeBytes() {
        return regions.sizeBytes();
    }

    /** The image at {@code baseAddress}: region pointers absolute; {@link DataImage#toBytes()} is what to write there. */
    public DataImage at(long baseAddress) {
        return new DataImage(baseAddress, regions.regions());
    }

    /** Where the RECORDING region lies when the image is at {@code baseAddress}. */
    public long recordingAddress(long baseAddress) {
        return at(baseAddress).regionAddress(ImageFormat.RECORDING);
    }

    /** The RECORDING region's bytes, what the loader reads back after the run. */
    public int recordingBytes() {
        return 4 * regions.region(ImageFormat.RECORDING).sizeWords();
    }

    /**
     * The fixed-engine core an image holds, as it starts: what a core does with its image. Checks
     * the SYSTEM region, every input region's counts against its words, the invariants of the
     * core's arrays, and that the RECORDING region has room for the run.
     *
     * @throws MalformedImageException naming the image's address and what is wrong
     */
    public static Core decode(DataImage image) {
        SystemRegion system = SystemRegion.of(image);
        Core core = CoreRegions.core(image, system);
        DataImage.Region recording = image.region(ImageFormat.RECORDING);
        long needed = RecordingRegion.sizeWords(system.size(), system.recordsSpikes(), system.recordsV(),
                system.runTicks());
        if (recording == null || !recording.isOutput() || needed < 0 || recording.sizeWords() < needed) {
            throw new MalformedImageException(image.baseAddress(), "the RECORDING region "
                    + (recording == null ? "is absent" : "has " + recording.sizeWords() + " words")
                    + "; a run of " + system.runTicks() + " ticks records " + needed);
        }
        return core;
    }
}
