package org.engram.spinnaker.mapping;

/**
 * One multicast routing entry: a packet whose key {@code k} has {@code (k & mask) == key} leaves
 * on the links and cores of {@code route}, if no entry before it matches.
 *
 * <p>Route word as SCAMP's {@code rtr_mc_set} takes it: bits 0–5 the links E, NE, N, W, SW, S
 * ({@link org.engram.spinnaker.machine.Direction#id()}), bit {@code 6 + p} core p (virtual).
 *
 * @param key the key bits that must match; none outside the mask
 * @param mask which key bits are compared
 * @param route links and cores
 */
public record MulticastEntry(int key, int mask, int route) {
    /** Number of link bits at the bottom of a route word. */
    public static final int LINKS = 6;
    /** The link bits of a route word. */
    public static final int LINK_BITS = (1 << LINKS) - 1;
    /** Cores a route word reaches, 0–17: bits 6–23 (SCAMP keeps bits 24–31 for the app id). */
    public static final int ROUTABLE_CORES = 18;

    public MulticastEntry {
        if ((key & ~mask) != 0) {
            throw new IllegalArgumentException("routing entry: key " + hex(key) + " has bits outside mask " + hex(mask));
        }
    }

    /** The route bit of core {@code p}, 0–17. */
    public static int coreBit(int p) {
        if (p < 0 || p >= ROUTABLE_CORES) {
            throw new IllegalArgumentException("core " + p + ": a route word reaches cores 0.." + (ROUTABLE_CORES - 1));
        }
        return 1 << (LINKS + p);
    }

    /** Whether some key matches both this entry and {@code other}. */
    public boolean intersects(int otherKey, int otherMask) {
        return ((key ^ otherKey) & mask & otherMask) == 0;
    }

    /** The link bits of the route. */
    public int links() {
        return route & LINK_BITS;
    }

    static String hex(int word) {
        return String.format("0x%08X", word);
    }

    @Override
    public String toString() {
        return hex(key) + "/" + hex(mask) + " -> " + hex(route);
    }
}
