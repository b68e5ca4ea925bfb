package org.engram.spinnaker.transceiver;

/**
 * One multicast routing entry: a packet matches when {@code (key & mask) == this.key}.
 *
 * @param key routing key; no bit outside the mask may be set
 * @param mask mask
 * @param route bits 0–5 links E, NE, N, W, SW, S; bits 6–23 virtual cores 0–17
 * @param appId owning application (0–255) as read back; ignored when loading
 */
public record RoutingEntry(int key, int mask, int route, int appId) {
    public static final int ROUTE_BITS = 0xFFFFFF;

    public RoutingEntry {
        if ((key & ~mask) != 0) {
            throw new InvalidRequestException(String.format(
                    "routing entry key 0x%08X has bits outside mask 0x%08X", key, mask));
        }
        if ((route & ~ROUTE_BITS) != 0) {
            throw new InvalidRequestException(String.format(
                    "routing entry route 0x%08X uses bits above 23 (links 0-5, cores 6-23)", route));
        }
        if (appId < 0 || appId > 255) {
            throw new InvalidRequestException("routing entry app id " + appId + " outside 0..255");
        }
    }

    public RoutingEntry(int key, int mask, int route) {
        this(key, mask, route, 0);
    }

    /** The route bit of a virtual core. */
    public static int core(int p) {
        return 1 << (p + 6);
    }

    /** The route bit of a link 0–5. */
    public static int link(int l) {
        return 1 << l;
    }
}
