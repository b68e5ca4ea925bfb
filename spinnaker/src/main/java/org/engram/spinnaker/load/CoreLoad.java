package org.engram.spinnaker.load;

import java.util.function.LongFunction;
import org.engram.spinnaker.image.DataImage;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * What the loader puts on one core: a data image of {@code sizeBytes} (header, input regions and
 * output space), made for the address its SDRAM block gets, and the output region it reads back
 * when the run is over.
 *
 * @param imageAt the image laid out for a block at the given address
 * @param outputRegion the region the loader reads back (the recordings)
 */
public record CoreLoad(CoreLocation core, long sizeBytes, LongFunction<DataImage> imageAt, int outputRegion) {
    public CoreLoad {
        if (core.p() < 1 || core.p() > 17) {
            throw new IllegalArgumentException("core " + core + ": application cores are 1 to 17 (core 0 runs SCAMP)");
        }
        if (sizeBytes < DataImage.HEADER_BYTES) {
            throw new IllegalArgumentException("core " + core + ": an image of " + sizeBytes + " bytes has no room for its header");
        }
    }
}
