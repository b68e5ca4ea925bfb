package org.engram.spinnaker.mapping;

import java.util.List;
import org.engram.spinnaker.machine.ChipLocation;

/**
 * The multicast table of one chip, in router order: the lowest-numbered matching entry wins, so
 * a compressed table must be loaded in this order.
 *
 * @param chip the chip
 * @param entries the entries to load
 * @param treeEntries entries the routing trees asked for at this chip, one per source slice
 *        whose tree passes here
 * @param defaultRouted of those, entries left out because default routing sends the packet on
 *        (it enters on a link and leaves on the opposite link only, to no core of this chip)
 */
public record RoutingTable(ChipLocation chip, List<MulticastEntry> entries, int treeEntries, int defaultRouted) {
    public RoutingTable {
        entries = List.copyOf(entries);
    }

    /** Entries before compression: those of the trees less those default routing handles. */
    public int entriesBeforeCompression() {
        return treeEntries - defaultRouted;
    }

    /** Whether the table was compressed (it had more entries than the router has free). */
    public boolean compressed() {
        return entries.size() != entriesBeforeCompression();
    }
}
