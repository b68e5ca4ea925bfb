package org.engram.spinnaker.emulator;

import org.engram.spinnaker.machine.Direction;

/**
 * One chip's multicast router: where a packet goes by the chip's table (lowest matching entry
 * first), with default routing for packets that match nothing, and the counts a host would read
 * from the router's diagnostics.
 *
 * <p>Route words: bits 0–5 the links E, NE, N, W, SW, S; bits 6–23 the cores 0–17. A packet that
 * matches no entry and arrived on link L leaves on link (L + 3) mod 6, straight on; one that a
 * core of this chip sent is dropped (sources need an entry).
 */
final class MulticastRouter {
    /** The arrival "link" of a packet a core of this chip sent. */
    static final int FROM_CORE = -1;
    static final int LINK_BITS = 0x3F;
    static final int CORE_SHIFT = 6;

    private final RouterTable table;
    /** Packets that matched an entry. */
    long routed;
    /** Packets sent straight on for want of an entry. */
    long defaultRouted;
    /** Packets from a core of this chip that matched no entry. */
    long droppedUnrouted;
    /** Copies sent on a link that leads to no chip. */
    long droppedNoLink;
    /** Copies dropped because the packet had taken too many hops (a routing loop). */
    long droppedAged;
    /** Copies handed to a core running an application. */
    long delivered;
    /** Copies for a core that runs no application (or is not RUNNING), or does not exist. */
    long droppedAtCore;

    MulticastRouter(RouterTable table) {
        this.table = table;
    }

    /** The route word for a packet, or 0 to drop it; counts the decision. */
    int route(int key, int arrivalLink) {
        int entry = table.match(key);
        if (entry >= 0) {
            routed++;
            return table.ramRoute(entry);
        }
        if (arrivalLink == FROM_CORE) {
            droppedUnrouted++;
            return 0;
        }
        defaultRouted++;
        return 1 << Direction.values()[arrivalLink].opposite().id();
    }
}
