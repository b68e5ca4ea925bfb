package org.engram.spinnaker.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ApplicationImage;
import org.engram.spinnaker.scp.IdOpMask;
import org.junit.jupiter.api.Test;

/**
 * Packets that core applications send reach exactly the cores the routing tables name: the
 * lowest matching entry wins, packets from links that match nothing go straight on, and packets
 * a source chip cannot route are dropped and counted, on one board and across the edges of the
 * boards of a triad. Tables and applications are set up in process on a SpiNN-5 board (no
 * wrap-around) or a triad, and expected deliveries are worked out by hand.
 */
class MulticastNetworkTest {
    static final int APP_ID = 40;
    static final String RECORDER = "test.recorder";
    static final int E = 1;
    static final int N = 1 << 2;
    static final int W = 1 << 3;

    /** What each core received, in order. */
    final Map<CoreLocation, List<MulticastPacket>> received = new TreeMap<>(
            (a, b) -> a.x() != b.x() ? a.x() - b.x() : a.y() != b.y() ? a.y() - b.y() : a.p() - b.p());
    /** What the source core sends when it starts. */
    final List<MulticastPacket> toSend = new ArrayList<>();
    static final CoreLocation SOURCE = new CoreLocation(0, 0, 1);

    final Map<String, CoreApplication.Factory> applications = Map.of(RECORDER, this::recorder);
    /** The machine under test: one board, unless a test takes a triad. */
    ScampBoard board = machine(Machine.spinn5());

    final ScampBoard machine(Machine m) {
        return new ScampBoard(m, true, System::nanoTime, 0, applications, task -> { }, line -> { });
    }

    /** The source sends {@link #toSend} when it starts; every core records what it receives. */
    CoreApplication recorder(CoreLocation where) {
        return new CoreApplication() {
            @Override
            public void run(ApplicationCore c) {
                if (c.location().equals(SOURCE)) {
                    toSend.forEach(c::sendMulticast);
                }
            }

            @Override
            public void receive(ApplicationCore c, MulticastPacket packet) {
                received.computeIfAbsent(c.location(), k -> new ArrayList<>()).add(packet);
            }
        };
    }

    static int core(int p) {
        return 1 << (6 + p);
    }

    /** Entries for one app on a chip, in order from the first allocated entry. */
    void table(int x, int y, int[]... keyMaskRoute) {
        EmulatedChip chip = board.chip(new ChipLocation(x, y));
        int first = chip.table.allocate(keyMaskRoute.length, APP_ID);
        for (int i = 0; i < keyMaskRoute.length; i++) {
            chip.table.set(first + i, keyMaskRoute[i][0], keyMaskRoute[i][1], keyMaskRoute[i][2], APP_ID);
        }
    }

    /** Starts the recorder on cores of a chip (running at once), the source last. */
    void start(int x, int y, int... cores) {
        EmulatedChip chip = board.chip(new ChipLocation(x, y));
        byte[] image = new ApplicationImage(RECORDER, new byte[0]).encode();
        chip.write(MemoryRegion.SDRAM_SYS, image, image.length);
        int mask = 0;
        for (int p : cores) {
            mask |= 1 << p;
        }
        chip.startApplication(MemoryRegion.SDRAM_SYS, IdOpMask.of(APP_ID, mask, false), applications);
    }

    MulticastRouter router(int x, int y) {
        return board.chip(new ChipLocation(x, y)).router;
    }

    @Test
    void packetsReachExactlyTheCoresTheTablesName() {
        // (0,0): to core 2 and east; (1,0): no entry, so straight on east; (2,0): core 3 and
        // north; (2,1): entry 1 (cores 4, 5) wins over entry 2 (core 6), which also matches 0x105
        table(0, 0, new int[] {0x100, 0xFFFFFF00, core(2) | E});
        table(2, 0, new int[] {0x100, 0xFFFFFF00, core(3) | N});
        table(2, 1, new int[] {0x100, 0xFFFFFF00, core(4) | core(5)}, new int[] {0x105, 0xFFFFFFFF, core(6)});
        start(0, 0, 2);
        start(2, 0, 3);
        start(2, 1, 4, 5, 6);
        toSend.add(MulticastPacket.withPayload(0x105, 42));
        toSend.add(MulticastPacket.of(0x1FF));
        start(0, 0, 1);
        board.network().drain();

        List<MulticastPacket> both = List.of(MulticastPacket.withPayload(0x105, 42), MulticastPacket.of(0x1FF));
        assertEquals(Map.of(new CoreLocation(0, 0, 2), both, new CoreLocation(2, 0, 3), both,
                new CoreLocation(2, 1, 4), both, new CoreLocation(2, 1, 5), both), received);
        assertEquals(2, router(0, 0).routed);
        assertEquals(2, router(1, 0).defaultRouted, "(1,0) has no entry: straight on from its west link");
        assertEquals(0, router(1, 0).routed);
        assertEquals(2, router(2, 0).routed);
        assertEquals(2, router(2, 1).routed);
        assertEquals(8, router(0, 0).delivered + router(2, 0).delivered + router(2, 1).delivered);
    }

    @Test
    void unroutedAtTheSourceIsDroppedAndCounted() {
        table(0, 0, new int[] {0x100, 0xFFFFFF00, core(2)});
        start(0, 0, 2);
        toSend.add(MulticastPacket.of(0x200));
        start(0, 0, 1);
        board.network().drain();
        assertEquals(Map.of(), received);
        assertEquals(1, router(0, 0).droppedUnrouted);
        assertEquals(0, router(0, 0).defaultRouted);
    }

    @Test
    void linksToNowhereAndIdleCoresDropCopies() {
        // (0,0) is the board's corner: there is no chip to its west; core 7 runs nothing
        table(0, 0, new int[] {0x100, 0xFFFFFF00, W | core(7) | core(2)});
        start(0, 0, 2);
        toSend.add(MulticastPacket.of(0x100));
        start(0, 0, 1);
        board.network().drain();
        assertEquals(Map.of(new CoreLocation(0, 0, 2), List.of(MulticastPacket.of(0x100))), received);
        assertEquals(1, router(0, 0).droppedNoLink);
        assertEquals(1, router(0, 0).droppedAtCore);
        assertEquals(1, router(0, 0).delivered);
    }

    @Test
    void aRoutingLoopEndsWhenThePacketHasAged() {
        table(0, 0, new int[] {0x100, 0xFFFFFF00, E});
        table(1, 0, new int[] {0x100, 0xFFFFFF00, W});
        toSend.add(MulticastPacket.of(0x100));
        start(0, 0, 1);
        board.network().drain();
        long hops = router(0, 0).routed + router(1, 0).routed;
        assertEquals(MulticastNetwork.HOPS_PER_CHIP * 48, hops, "the budget: 16 hops per chip of the board");
        assertEquals(1, router(0, 0).droppedAged + router(1, 0).droppedAged);
    }

    @Test
    void packetsCrossBoardEdgesAndTheWrapAroundByTableAndDefaultRouting() {
        board = machine(Machine.ofBoards(3));
        Machine m = board.machine();
        // from (0,0) north to (0,4), on the board of (8,4); and west over the wrap-around to
        // (11,0), on the board of (4,8); (0,1) to (0,3) have no entry and pass it straight on
        assertEquals(new ChipLocation(0, 0), m.nearestEthernet(new ChipLocation(0, 3)));
        assertEquals(new ChipLocation(8, 4), m.nearestEthernet(new ChipLocation(0, 4)));
        assertEquals(new ChipLocation(4, 8), m.nearestEthernet(new ChipLocation(11, 0)));
        table(0, 0, new int[] {0x100, 0xFFFFFF00, N | W});
        table(0, 4, new int[] {0x100, 0xFFFFFF00, core(3)});
        table(11, 0, new int[] {0x100, 0xFFFFFF00, core(4)});
        start(0, 4, 3);
        start(11, 0, 4);
        toSend.add(MulticastPacket.of(0x1AB));
        start(0, 0, 1);
        board.network().drain();
        assertEquals(Map.of(new CoreLocation(0, 4, 3), List.of(MulticastPacket.of(0x1AB)),
                new CoreLocation(11, 0, 4), List.of(MulticastPacket.of(0x1AB))), received);
        for (int y = 1; y <= 3; y++) {
            assertEquals(1, router(0, y).defaultRouted, "(0," + y + ") passes it on");
        }
        assertEquals(0, router(0, 0).droppedNoLink, "the triad wraps: (0,0) has a west neighbour");
    }
}
