package org.engram.spinnaker.load;

import java.util.Map;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * What a run on the machine gave: each core's output region, and the figures of each phase.
 *
 * @param outputs each core's output region, word for word as read back
 * @param bytesLoaded image bytes written (headers and input regions)
 * @param routeEntries router entries loaded over all chips
 * @param writeSeconds the part of {@code loadSeconds} spent writing the images
 * @param loadSeconds allocation, images, routes, tag, the core application and the cores' start
 */
public record LoadResult(Map<CoreLocation, int[]> outputs, long bytesLoaded, int routeEntries, double writeSeconds,
        double loadSeconds, double runSeconds, double readSeconds) {
    public LoadResult {
        outputs = Map.copyOf(outputs);
    }

    /** Image bytes written per second of the load phase. */
    public double loadBytesPerSecond() {
        return loadSeconds > 0 ? bytesLoaded / loadSeconds : 0;
    }

    /** Image bytes written per second of writing them. */
    public double writeBytesPerSecond() {
        return writeSeconds > 0 ? bytesLoaded / writeSeconds : 0;
    }
}
