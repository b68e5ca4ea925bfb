package org.engram.spinnaker.transceiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.EmulatorStats;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.ScpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up sequence of SpiNNMan's and JavaSpiNNaker's transceivers, reproduced against an
 * unbooted emulator: boot, poll CMD_VER until the P2P address is valid, IPTAG TTO, machine
 * dimensions from the system variables, the P2P table, CMD_INFO of every chip, then memory.
 */
class StartupSequenceTest {
    @TempDir
    Path dir;

    /** A stand-in for scamp.boot: the user supplies the real one; the ROM checks only structure. */
    private Path image(int bytes) throws Exception {
        byte[] b = new byte[bytes];
        new Random(1).nextBytes(b);
        Path p = dir.resolve("scamp.boot");
        Files.write(p, b);
        return p;
    }

    @Test
    void bootPollDiscoverThenReadAndWrite() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().unbooted(400), l -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(),
                        emu.bootAddress().getPort(), RetryPolicy.DEFAULT.withTimeoutMs(100).withRetries(3))) {
            assertFalse(emu.stats().booted());
            t.setBootPaceMs(0);
            t.boot(image(29_868), 5);
            VersionInfo early = t.version(new CoreLocation(ChipLocation.ROOT_ALIAS, 0));
            assertFalse(early.isReady(), "SCAMP reports (255,255) until network init is over");
            VersionInfo v = t.waitUntilReady(Duration.ofSeconds(10), Duration.ofMillis(20));
            assertTrue(v.isReady());
            assertEquals("SC&MP", v.name());
            assertEquals(4, v.major());
            EmulatorStats s = emu.stats();
            assertTrue(s.booted());
            assertEquals(32, s.bootDatagrams(), "START, 30 blocks of 29868 bytes, CONTROL");

            MachineInfo m = t.discoverMachine();
            assertEquals(8, m.width());
            assertEquals(8, m.height());
            assertEquals(48, m.chips().size());
            assertEquals(8 * 17 + 40 * 18, m.totalCores());
            assertFalse(m.chips().containsKey(new ChipLocation(7, 0)));
            assertTrue(m.chips().containsKey(new ChipLocation(7, 7)));
            assertEquals(new ChipLocation(0, 0), m.chips().get(new ChipLocation(5, 5)).nearestEthernet());

            byte[] data = new byte[3000];
            new Random(3).nextBytes(data);
            t.writeMemory(new ChipLocation(7, 7), 0x6000_0000L, data);
            assertArrayEquals(data, t.readMemory(new ChipLocation(7, 7), 0x6000_0000L, data.length));
        }
    }

    @Test
    void triadIsDiscoveredAsA12By12Torus() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withBoards(3), l -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(), 54321,
                        RetryPolicy.DEFAULT.withTimeoutMs(200))) {
            MachineInfo m = t.discoverMachine();
            assertEquals(12, m.width());
            assertEquals(144, m.chips().size());
            assertEquals(new ChipLocation(4, 8), m.chips().get(new ChipLocation(5, 9)).nearestEthernet());
        }
    }

    @Test
    void wrongBoardVersionIsRefusedAndTheBoardStaysUnbooted() throws Exception {
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().unbooted(0), l -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(),
                        emu.bootAddress().getPort(), RetryPolicy.DEFAULT.withTimeoutMs(30).withRetries(1))) {
            t.setBootPaceMs(0);
            t.boot(image(29_868), 3);
            ScpException e = assertThrows(ScpException.class, () -> t.version(new CoreLocation(0, 0, 0)));
            assertEquals(ScpException.NO_REPLY, e.resultCode());
            assertEquals(2, e.attempts());
            EmulatorStats s = emu.stats();
            assertFalse(s.booted());
            assertEquals(1, s.bootRefusals());
            assertNotNull(s.lastBootError());
            assertTrue(s.lastBootError().contains("board version 3"), s.lastBootError());
        }
    }

    @Test
    void badBootImagesAreUserErrors() throws Exception {
        try (Transceiver t = Transceiver.connect("127.0.0.1", 17893, 54321, RetryPolicy.DEFAULT)) {
            assertThrows(InvalidRequestException.class, () -> t.boot(image(100), 5)); // too small
            assertThrows(InvalidRequestException.class, () -> t.boot(image(40_000), 5)); // > 32 KiB
            assertThrows(InvalidRequestException.class, () -> t.boot(image(29_868), 6));
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> t.boot(dir.resolve("missing.boot"), 5));
            assertTrue(e.getMessage().endsWith("missing.boot: no such file"), e.getMessage());
        }
    }
}
