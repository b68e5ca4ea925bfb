package org.engram.spinnaker.emulator;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;

/**
 * Moves multicast packets between the chips of the machine: each router sends a copy on every
 * link and to every core its route names; a copy on a link arrives at the neighbour on the
 * opposite link. Packets wait in one queue and are routed in the order they were sent, so a run
 * is deterministic; {@link #drain} routes until the queue is empty.
 *
 * <p>A packet and all its copies may take at most {@link #HOPS_PER_CHIP} hops per chip of the
 * machine; the rest are dropped, as real routers drop packets that circulate past their age.
 */
final class MulticastNetwork {
    static final int HOPS_PER_CHIP = 16;

    private final Machine machine;
    private final Map<ChipLocation, EmulatedChip> chips;
    private final ArrayDeque<Hop> queue = new ArrayDeque<>();

    /** A packet arriving at a router; {@code hopsLeft} is shared by every copy of one sent packet. */
    private record Hop(EmulatedChip chip, int arrivalLink, MulticastPacket packet, int[] hopsLeft) {}

    MulticastNetwork(Machine machine, Map<ChipLocation, EmulatedChip> chips) {
        this.machine = machine;
        this.chips = chips;
    }

    /** A core of {@code chip} sends a packet; it is routed at the next {@link #drain}. */
    void send(EmulatedChip chip, MulticastPacket packet) {
        queue.add(new Hop(chip, MulticastRouter.FROM_CORE, packet,
                new int[] {HOPS_PER_CHIP * machine.chips().size()}));
    }

    /** Routes every waiting packet, and those the deliveries send, until none is left. */
    void drain() {
        Hop h;
        while ((h = queue.poll()) != null) {
            route(h);
        }
    }

    private void route(Hop h) {
        MulticastRouter router = h.chip.router;
        if (h.hopsLeft[0]-- <= 0) {
            router.droppedAged++;
            return;
        }
        int route = router.route(h.packet.key(), h.arrivalLink);
        for (Direction d : Direction.values()) {
            if ((route & 1 << d.id()) != 0) {
                Optional<ChipLocation> n = machine.neighbour(h.chip.location, d);
                if (n.isEmpty()) {
                    router.droppedNoLink++;
                } else {
                    queue.add(new Hop(chips.get(n.get()), d.opposite().id(), h.packet, h.hopsLeft));
                }
            }
        }
        int cores = route >>> MulticastRouter.CORE_SHIFT;
        for (int p = 0; cores != 0; p++, cores >>>= 1) {
            if ((cores & 1) != 0) {
                if (h.chip.deliver(p, h.packet)) {
                    router.delivered++;
                } else {
                    router.droppedAtCore++;
                }
            }
        }
    }
}
