package org.engram.spinnaker.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.transceiver.RoutingEntry;

/**
 * Everything one run on a machine needs: the cores and their images, each chip's multicast
 * table, the core application's binary, and how long the run may take.
 *
 * @param appId the application id every allocation, route and core is tagged with (1-255)
 * @param binary the core application (a whole number of words)
 * @param standIn whether {@code binary} is the stand-in that only the emulator runs, so that a
 *        core in an error state is explained as a board that needs the real binary
 * @param runTimeout how long the cores may take from the start signal to FINISHED
 */
public record LoadPlan(int appId, List<CoreLoad> cores, Map<ChipLocation, List<RoutingEntry>> routes, byte[] binary,
        boolean standIn, Duration runTimeout) {
    public LoadPlan {
        if (appId < 1 || appId > 255) {
            throw new IllegalArgumentException("app id " + appId + " outside 1..255");
        }
        if (cores.isEmpty()) {
            throw new IllegalArgumentException("nothing to load: no cores");
        }
        cores = List.copyOf(cores);
        routes = Map.copyOf(routes);
        binary = binary.clone();
    }

    @Override
    public byte[] binary() {
        return binary.clone();
    }
}
