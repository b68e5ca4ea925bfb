package org.engram.spinnaker.transceiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.IpTagCommand;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.TransportStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated triad as three boards: each board's Ethernet chip answers on its own port, as
 * itself, with its own IP tags; any board's port reaches every chip; a transceiver over the three
 * sends each chip's requests through its own board; booting the root board boots them all.
 */
class MultiBoardTest {
    static final RetryPolicy FAST = RetryPolicy.DEFAULT.withTimeoutMs(200);
    static final ChipLocation ROOT = new ChipLocation(0, 0);
    static final ChipLocation NORTH = new ChipLocation(4, 8);
    static final ChipLocation EAST = new ChipLocation(8, 4);

    @TempDir
    Path dir;

    static List<BoardAddress> addresses(BoardEmulator emu) {
        return emu.boards().stream().map(b -> new BoardAddress(b.ethernet(), "127.0.0.1", b.scpAddress().getPort()))
                .toList();
    }

    @Test
    void eachBoardAnswersOnItsOwnPortAsItsEthernetChipWithItsOwnTags() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3), l -> { })) {
            List<BoardEmulator.Board> boards = emu.boards();
            assertEquals(List.of(ROOT, NORTH, EAST), boards.stream().map(BoardEmulator.Board::ethernet).toList());
            assertEquals(3, new HashSet<>(boards.stream().map(b -> b.scpAddress().getPort()).toList()).size(),
                    "distinct ports");
            assertEquals(emu.scpAddress(), boards.get(0).scpAddress());
            int tag = 3;
            for (BoardEmulator.Board b : boards) {
                try (Transceiver t = Transceiver.connect("127.0.0.1", b.scpAddress().getPort(), 54321, FAST)) {
                    assertEquals(b.ethernet(), t.version(new CoreLocation(ChipLocation.ROOT_ALIAS, 0)).chip());
                    // a chip on another board, through this one
                    assertEquals(new ChipLocation(11, 11), t.version(new CoreLocation(11, 11, 0)).chip());
                    t.call(IpTagCommand.set(b.ethernet(), tag, new byte[] {127, 0, 0, 1}, 9000 + b.ethernet().x(),
                            true));
                }
            }
            for (BoardEmulator.Board b : boards) {
                try (Transceiver t = Transceiver.connect("127.0.0.1", b.scpAddress().getPort(), 54321, FAST)) {
                    IpTag got = t.call(IpTagCommand.get(b.ethernet(), tag, 1)).get(0);
                    assertEquals(9000 + b.ethernet().x(), got.txPort(), "board " + b.ethernet() + "'s own tag");
                }
            }
        }
    }

    @Test
    void aMachineTransceiverSendsEachChipsRequestsThroughItsBoard() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3), l -> { });
                Transceiver t = Transceiver.connect(addresses(emu), 54321, FAST, l -> { })) {
            MachineInfo m = t.discoverMachine();
            assertEquals(144, m.chips().size());
            Map<ChipLocation, TransportStats> before = t.statsByBoard();
            // ten 256-byte requests to a chip of each board, in one stream
            List<Transceiver.MemoryWrite> writes = new ArrayList<>();
            Random r = new Random(5);
            List<ChipLocation> chips = List.of(new ChipLocation(3, 2), new ChipLocation(6, 10), new ChipLocation(10, 6));
            for (ChipLocation c : chips) {
                byte[] data = new byte[2560];
                r.nextBytes(data);
                writes.add(new Transceiver.MemoryWrite(c, 0x6000_0000L, data));
            }
            t.writeMemory(writes);
            Map<ChipLocation, TransportStats> after = t.statsByBoard();
            for (ChipLocation board : List.of(ROOT, NORTH, EAST)) {
                assertEquals(10, after.get(board).requests() - before.get(board).requests(), "board " + board);
            }
            for (Transceiver.MemoryWrite w : writes) {
                assertArrayEquals(w.data(), t.readMemory(w.chip(), w.address(), w.data().length));
            }
            assertEquals(new ChipLocation(4, 8), m.chips().get(new ChipLocation(6, 10)).nearestEthernet());
        }
    }

    @Test
    void bootingTheRootBoardBootsEveryBoard() throws Exception {
        byte[] image = new byte[29_868];
        new Random(1).nextBytes(image);
        Path boot = Files.write(dir.resolve("scamp.boot"), image);
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3).unbooted(200), l -> { });
                Transceiver t = Transceiver.connect(addresses(emu), emu.bootAddress().getPort(),
                        FAST.withRetries(2), l -> { })) {
            t.setBootPaceMs(0);
            assertFalse(emu.stats().booted());
            List<BoardAddress> silent = t.bootIfSilent(boot, 5, Duration.ofSeconds(10), Duration.ofMillis(20));
            assertEquals(addresses(emu), silent, "all three were silent, and the root's boot booted them all");
            assertTrue(emu.stats().booted());
            assertEquals(144, t.discoverMachine().chips().size());
            long bootDatagrams = emu.stats().bootDatagrams();
            assertEquals(List.of(), t.bootIfSilent(boot, 5, Duration.ofSeconds(10), Duration.ofMillis(20)),
                    "booted boards are left alone");
            assertEquals(bootDatagrams, emu.stats().bootDatagrams(), "no second boot");
        }
    }

    @Test
    void aBoardGivenAtTheWrongEthernetChipIsNamed() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3), l -> { })) {
            List<BoardAddress> swapped = new ArrayList<>(addresses(emu));
            BoardAddress north = swapped.get(1);
            BoardAddress east = swapped.get(2);
            swapped.set(1, new BoardAddress(NORTH, east.host(), east.scpPort()));
            swapped.set(2, new BoardAddress(EAST, north.host(), north.scpPort()));
            try (Transceiver t = Transceiver.connect(swapped, 54321, FAST, l -> { })) {
                InvalidRequestException e = assertThrows(InvalidRequestException.class, t::discoverMachine);
                assertEquals("board " + east + " answers as chip (8,4); it was given as the board of Ethernet chip "
                        + "(4,8)", e.getMessage());
            }
            InvalidRequestException noRoot = assertThrows(InvalidRequestException.class,
                    () -> Transceiver.connect(swapped.subList(1, 3), 54321, FAST, l -> { }));
            assertEquals("no board at chip (0,0) among [(4,8), (8,4)]: the root board is the one that boots the "
                    + "machine", noRoot.getMessage());
        }
    }

    @Test
    void boardAddressesAreParsedAsSpallocNamesConnections() {
        assertEquals(new BoardAddress(EAST, "10.2.225.113", 17893), BoardAddress.parse(EAST, "10.2.225.113"));
        assertEquals(new BoardAddress(EAST, "127.0.0.1", 40002), BoardAddress.parse(EAST, "127.0.0.1:40002"));
        assertEquals(new BoardAddress(EAST, "::1", 17893), BoardAddress.parse(EAST, "::1"));
        assertEquals("board (8,4): connection 'host:port' is not HOST or HOST:PORT",
                assertThrows(InvalidRequestException.class, () -> BoardAddress.parse(EAST, "host:port")).getMessage());
        assertEquals("board (8,4) at h: SCAMP port 70000 outside 1..65535",
                assertThrows(InvalidRequestException.class, () -> BoardAddress.parse(EAST, "h:70000")).getMessage());
    }

    /**
     * With a service time, each board's SCAMP answers one request after another: 30 requests
     * through the root board alone take at least 30 service times; spread over the three boards'
     * connections, the boards serve theirs side by side.
     */
    @Test
    void boardsWithAServiceTimeAnswerSideBySideThroughTheirOwnConnections() throws Exception {
        long serviceMs = 5;
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3)
                .withServiceMicros(serviceMs * 1000), l -> { })) {
            List<Transceiver.MemoryWrite> writes = new ArrayList<>();
            for (ChipLocation c : List.of(new ChipLocation(3, 2), new ChipLocation(6, 10), new ChipLocation(10, 6))) {
                writes.add(new Transceiver.MemoryWrite(c, 0x6000_0000L, new byte[2560])); // 10 requests each
            }
            long alone;
            try (Transceiver t = Transceiver.connect(addresses(emu).subList(0, 1), 54321, FAST.withTimeoutMs(1000),
                    l -> { })) {
                long t0 = System.nanoTime();
                t.writeMemory(writes);
                alone = System.nanoTime() - t0;
            }
            long spread;
            try (Transceiver t = Transceiver.connect(addresses(emu), 54321, FAST.withTimeoutMs(1000), l -> { })) {
                t.discoverMachine(); // which board each chip is on
                long t0 = System.nanoTime();
                t.writeMemory(writes);
                spread = System.nanoTime() - t0;
            }
            assertTrue(alone >= 30 * serviceMs * 1_000_000, "one board serves all 30 in turn: " + alone / 1e6 + " ms");
            assertTrue(spread >= 10 * serviceMs * 1_000_000, "each board serves its 10 in turn: " + spread / 1e6 + " ms");
            assertTrue(spread < 25 * serviceMs * 1_000_000, "side by side: " + spread / 1e6 + " ms against "
                    + alone / 1e6 + " ms");
        }
    }
}
