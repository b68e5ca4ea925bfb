package org.engram.spinnaker.transceiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.ReadMemory;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.testing.Hex;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.ScpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The façade against a booted loopback emulator (this test may import the emulator). */
class TransceiverEmulatorTest {
    static BoardEmulator emulator;
    static Transceiver txrx;

    @BeforeAll
    static void start() throws Exception {
        emulator = BoardEmulator.start(EmulatorOptions.ephemeral(), line -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), 54321,
                RetryPolicy.DEFAULT.withTimeoutMs(200));
    }

    @AfterAll
    static void stop() {
        txrx.close();
        emulator.close();
    }

    @Test
    void versionOfScampAndSark() throws Exception {
        VersionInfo v = txrx.version(new CoreLocation(0, 0, 0));
        assertEquals("SC&MP", v.name());
        assertEquals("SpiNNaker", v.hardware());
        assertEquals("4.0.0", v.version());
        assertEquals(new ChipLocation(0, 0), v.chip());
        VersionInfo sark = txrx.version(new CoreLocation(4, 5, 3));
        assertEquals("SARK", sark.name());
        assertEquals(new ChipLocation(4, 5), sark.chip());
        assertEquals(3, sark.virtualCpu());
    }

    @Test
    void writeThenReadOddSizesAndAlignments() throws Exception {
        Random r = new Random(7);
        ChipLocation chip = new ChipLocation(3, 6);
        for (int len : new int[] {1, 2, 3, 255, 256, 257, 1000, 4097}) {
            byte[] data = new byte[len];
            r.nextBytes(data);
            long address = 0x6100_0001L + len * 3L;
            txrx.writeMemory(chip, address, data);
            assertArrayEquals(data, txrx.readMemory(chip, address, len), "length " + len);
        }
    }

    @Test
    void fillWritesTheWordLittleEndian() throws Exception {
        ChipLocation chip = new ChipLocation(1, 0);
        txrx.fillMemory(chip, 0x6200_0000L, 0x11223344, 8192 + 8);
        byte[] b = txrx.readMemory(chip, 0x6200_1FFCL, 12);
        assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, 0x44, 0x33, 0x22, 0x11, 0x44, 0x33, 0x22, 0x11}, b);
        assertArrayEquals(new byte[4], txrx.readMemory(chip, 0x6200_2008L, 4));
    }

    @Test
    void chipInfoOfA17CoreChip() throws Exception {
        ChipInfo i = txrx.chipInfo(new ChipLocation(1, 1));
        assertEquals(17, i.workingCores());
        assertEquals(0x3F, i.linkMask());
        assertEquals(new ChipLocation(0, 0), i.nearestEthernet());
        ChipInfo corner = txrx.chipInfo(new ChipLocation(0, 0));
        assertEquals(18, corner.workingCores());
        assertTrue(corner.ethernetUp());
        // (0,0) has neighbours E (1,0), NE (1,1), N (0,1) only
        assertEquals(0b000111, corner.linkMask());
    }

    @Test
    void absentChipAnswersRcRoute() {
        ScpException e = assertThrows(ScpException.class,
                () -> txrx.version(new CoreLocation(7, 0, 0)));
        assertEquals(ScpResult.RC_ROUTE.code, e.resultCode());
        assertEquals(1, e.attempts());
        assertEquals("CMD_VER to core (7,0,0) of board 127.0.0.1:" + emulator.scpAddress().getPort()
                + ": RC_ROUTE after 1 attempt (there is no chip (7,0) on the board)", e.getMessage());
    }

    @Test
    void missingCoreAnswersRcCpu() {
        ScpException e = assertThrows(ScpException.class,
                () -> txrx.version(new CoreLocation(1, 1, 17)));
        assertEquals(ScpResult.RC_CPU.code, e.resultCode());
        assertTrue(e.getMessage().endsWith(": RC_CPU after 1 attempt (chip (1,1) has no core 17)"), e.getMessage());
    }

    @Test
    void ipTagsSetGetClear() throws Exception {
        assertEquals(3, txrx.setIpTag(3, "127.0.0.1", 17894, true));
        IpTag t = txrx.getIpTag(3);
        assertTrue(t.isValid());
        assertEquals("127.0.0.1", t.ipString());
        assertEquals(17894, t.txPort());
        assertEquals(IpTag.FLAG_STRIP, t.flags() & IpTag.FLAG_STRIP);
        assertEquals(5, txrx.setReverseIpTag(5, 12345, new CoreLocation(1, 1, 2), 1));
        IpTag rev = txrx.getIpTag(5);
        assertTrue(rev.isReverse());
        assertEquals(12345, rev.rxPort());
        assertEquals(new ChipLocation(1, 1).p2pAddress(), rev.destAddress());
        assertEquals(16, txrx.getIpTags().size());
        txrx.clearIpTag(3);
        txrx.clearIpTag(5);
        assertTrue(!txrx.getIpTag(3).isValid());
        int previous = txrx.setTransientTagTimeout(9);
        assertEquals(9, txrx.setTransientTagTimeout(previous));
    }

    @Test
    void sdramAllocationAndRoutes() throws Exception {
        ChipLocation chip = new ChipLocation(2, 2);
        long a = txrx.allocateSdram(chip, 30, 1000, 4);
        long b = txrx.allocateSdram(chip, 30, 1000, 5);
        assertTrue(b >= a + 1000, "blocks overlap");
        assertThrows(InvalidRequestException.class, () -> txrx.allocateSdram(chip, 30, 10, 4)); // tag taken
        List<RoutingEntry> entries = List.of(new RoutingEntry(0x1000, 0xFFFFF000, RoutingEntry.core(3)),
                new RoutingEntry(0x2000, 0xFFFFF000, RoutingEntry.link(0) | RoutingEntry.core(1)));
        int base = txrx.loadRoutes(chip, entries, 30);
        assertTrue(base >= 1, "entry 0 is SCAMP's");
        List<RoutingEntry> back = txrx.readRoutes(chip, 30);
        assertEquals(List.of(new RoutingEntry(0x1000, 0xFFFFF000, RoutingEntry.core(3), 30),
                new RoutingEntry(0x2000, 0xFFFFF000, RoutingEntry.link(0) | RoutingEntry.core(1), 30)), back);
        assertEquals(1, txrx.clearRoutes(chip, 30), "one block of two entries");
        assertEquals(List.of(), txrx.readRoutes(chip, 30));
        assertEquals(2, txrx.freeSdramByAppId(chip, 30));
    }

    @Test
    void routesAreReadBackByAppIdFromScampsCopy() throws Exception {
        ChipLocation chip = new ChipLocation(4, 6);
        assertEquals(1, txrx.loadRoutes(chip, List.of(new RoutingEntry(0x1000, 0xFFFFF000, RoutingEntry.core(3)),
                new RoutingEntry(0x2000, 0xFFFFF000, RoutingEntry.link(0) | RoutingEntry.core(1))), 30));
        assertEquals(3, txrx.loadRoutes(chip, List.of(new RoutingEntry(0x3000, 0xFFFFF000, RoutingEntry.link(2))), 31));
        long copy = SystemVariables.getU32(txrx.readMemory(chip, MemoryRegion.SV_BASE + SystemVariables.RTR_COPY, 4), 0)
                & 0xFFFF_FFFFL;
        // rtr_entry_t: next, free (0x8000 | app id once set), route, key, mask. Entry 1 heads app
        // 30's block (next block at 3), entry 3 app 31's (next at 4), entry 4 the free rest (to 1024)
        assertEquals(Hex.format(Hex.bytes("03 00 1E 80  00 02 00 00  00 10 00 00  00 F0 FF FF"
                + "  00 00 1E 80  81 00 00 00  00 20 00 00  00 F0 FF FF"
                + "  04 00 1F 80  04 00 00 00  00 30 00 00  00 F0 FF FF"
                + "  00 04 00 00  00 00 00 FF  FF FF FF FF  00 00 00 00")),
                Hex.format(txrx.readMemory(chip, copy + 16, 64)));
        assertEquals(4, rtrFree(chip), "sv->rtr_free: the first free block");
        assertEquals(List.of(new RoutingEntry(0x1000, 0xFFFFF000, RoutingEntry.core(3), 30),
                new RoutingEntry(0x2000, 0xFFFFF000, RoutingEntry.link(0) | RoutingEntry.core(1), 30)),
                txrx.readRoutes(chip, 30));
        assertEquals(List.of(new RoutingEntry(0x3000, 0xFFFFF000, RoutingEntry.link(2), 31)),
                txrx.readRoutes(chip, 31));
        List<RoutingEntry> all = txrx.readRoutes(chip);
        assertEquals(4, all.size(), "SCAMP's entry 0 and the three loaded");
        assertEquals(0xFFFF5554, all.get(0).key());
        assertEquals(0, all.get(0).appId());

        assertEquals(1, txrx.clearRoutes(chip, 30));
        // rtr_free: entry 1 heads the free list, linking to 4; its entries are cleared
        assertEquals(Hex.format(Hex.bytes("03 00 04 00  00 00 00 FF  FF FF FF FF  00 00 00 00")),
                Hex.format(txrx.readMemory(chip, copy + 16, 16)));
        assertEquals(1, rtrFree(chip));
        assertEquals(List.of(), txrx.readRoutes(chip, 30));
        assertEquals(1, txrx.clearRoutes(chip, 31));
        // the three free blocks merge into one of 1023 entries
        assertEquals(Hex.format(Hex.bytes("00 04 00 00  00 00 00 FF  FF FF FF FF  00 00 00 00")),
                Hex.format(txrx.readMemory(chip, copy + 16, 16)));
        assertEquals(1023, txrx.chipInfo(chip).freeRouterEntries());
    }

    private static int rtrFree(ChipLocation chip) throws InterruptedException {
        return SystemVariables.getU16(txrx.readMemory(chip, MemoryRegion.SV_BASE + SystemVariables.RTR_FREE, 2), 0);
    }

    @Test
    void applicationLifecycleBySignals() throws Exception {
        ChipLocation chip = new ChipLocation(1, 2);
        txrx.startApplication(chip, 0x6780_0000L, Set.of(1, 2, 3), 17, true);
        assertEquals(3, txrx.countState(17, CpuState.SYNC0));
        txrx.sendSignal(17, Signal.START);
        assertEquals(3, txrx.countState(17, CpuState.RUNNING));
        CoreStatus s = txrx.readVcpu(new CoreLocation(1, 2, 2));
        assertEquals(CpuState.RUNNING.code, s.state());
        assertEquals(17, s.appId());
        txrx.sendSignal(17, Signal.PAUSE);
        assertEquals(3, txrx.countState(17, CpuState.PAUSED));
        txrx.sendSignal(17, Signal.CONT);
        txrx.sendSignal(17, Signal.EXIT);
        assertEquals(3, txrx.countState(17, CpuState.FINISHED));
        txrx.sendSignal(17, Signal.STOP);
        assertEquals(0, txrx.countState(17, CpuState.FINISHED));
        assertEquals(CpuState.IDLE.code, txrx.readVcpu(new CoreLocation(1, 2, 2)).state());
    }

    @Test
    void userWritesToVcpuAreReadBack() throws Exception {
        CoreLocation core = new CoreLocation(0, 1, 4);
        txrx.writeMemory(core.chip(), 0xE500_7000L + 128 * 4 + 112, new byte[] {0x78, 0x56, 0x34, 0x12});
        assertEquals(0x12345678L, txrx.readVcpu(core).user()[0]);
    }

    @Test
    void badUserInputIsRefusedBeforeSending() throws Exception {
        long sendsBefore = txrx.stats().sends();
        ChipLocation chip = new ChipLocation(0, 0);
        assertThrows(InvalidRequestException.class, () -> txrx.readMemory(chip, 0x1000, 4));
        assertThrows(InvalidRequestException.class, () -> txrx.readMemory(chip, 0x67FF_FFF0L, 32));
        assertThrows(InvalidRequestException.class, () -> txrx.writeMemory(chip, 0x6000_0000L, new byte[0]));
        assertThrows(InvalidRequestException.class, () -> txrx.readMemory(chip, 0x6000_0000L, -1));
        assertThrows(InvalidRequestException.class, () -> txrx.setIpTag(9, "127.0.0.1", 1, false));
        assertThrows(InvalidRequestException.class,
                () -> txrx.boot(java.nio.file.Path.of("/nonexistent/scamp.boot"), 5));
        assertEquals(sendsBefore, txrx.stats().sends(), "nothing may be sent for bad input");
        assertThrows(IllegalArgumentException.class, () -> new ReadMemory(new CoreLocation(0, 0, 0), 0x60000000L, 257));
    }

    @Test
    void unknownHostIsAClearError() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Transceiver.connect("no-such-host.invalid", 17893, 54321, RetryPolicy.DEFAULT));
        assertEquals("unknown host 'no-such-host.invalid'", e.getMessage());
    }
}
