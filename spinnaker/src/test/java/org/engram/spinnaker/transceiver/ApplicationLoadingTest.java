package org.engram.spinnaker.transceiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.engram.spinnaker.emulator.ApplicationCore;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.CoreApplication;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.MulticastPacket;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ApplicationCopyRun;
import org.engram.spinnaker.scp.ApplicationImage;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.FloodFillData;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.NearestNeighbourPacket;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.ScpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applications loaded, started and stopped the way host tools do it, against a fresh emulator
 * per test: SpiNNMan's execute_flood (write to (0,0), AR, APP_COPY_RUN outwards) and
 * stop_application (the NN stop), the older flood fill (NNP start, core select, FFD blocks, NNP
 * end), a corrupted copy, and a Java application running on the cores that start its image.
 */
class ApplicationLoadingTest {
    static final int APP_ID = 40;
    static final long SYS = MemoryRegion.SDRAM_SYS;
    /** Where the lifecycle application writes what it ran on. */
    static final long NOTE = 0x6100_0000L;

    BoardEmulator emulator;
    Transceiver txrx;

    /**
     * Records that it ran (in SDRAM at user0 and in user1), passes key 0x500 from core 1 to
     * whoever the table names (the receiver puts the key in user2), and ends as USR0 tells it:
     * core 1 exits, core 2 throws, core 3 fails with RTE_DIV0 (11).
     */
    static final class Lifecycle implements CoreApplication {
        @Override
        public void run(ApplicationCore core) {
            int p = core.location().p();
            core.writeSdram(core.user(0), ("ran on " + p).getBytes(StandardCharsets.US_ASCII));
            core.setUser(1, 0xC0DE_0000L | p);
            if (p == 1) {
                core.sendMulticast(MulticastPacket.of(0x500));
            }
        }

        @Override
        public void receive(ApplicationCore core, MulticastPacket packet) {
            core.setUser(2, packet.key() & 0xFFFF_FFFFL);
        }

        @Override
        public void signal(ApplicationCore core, Signal signal) {
            if (signal != Signal.USR0) {
                return;
            }
            switch (core.location().p()) {
                case 1 -> core.exit();
                case 2 -> throw new IllegalStateException("deliberately");
                default -> core.fail(11);
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        emulator = BoardEmulator.start(EmulatorOptions.ephemeral().withApplication("test.lifecycle",
                core -> new Lifecycle()), line -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), 54321,
                RetryPolicy.DEFAULT.withTimeoutMs(200));
    }

    @AfterEach
    void stop() {
        txrx.close();
        emulator.close();
    }

    static byte[] randomImage(int bytes, long seed) {
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        return b;
    }

    CoreStatus vcpu(int x, int y, int p) throws InterruptedException {
        return txrx.readVcpu(new CoreLocation(x, y, p));
    }

    @Test
    void floodedImageLandsOnEveryChipOnTheWayAndCoresWaitThenRunThenStop() throws Exception {
        byte[] image = randomImage(1000, 1);
        Map<ChipLocation, Set<Integer>> cores = Map.of(ChipLocation.ZERO, Set.of(1, 2), new ChipLocation(7, 7),
                Set.of(1, 3, 5), new ChipLocation(4, 0), Set.of(17));
        long block = txrx.allocateSdram(new ChipLocation(7, 7), APP_ID, 4096, 1);
        txrx.loadRoutes(new ChipLocation(7, 7), List.of(new RoutingEntry(0x100, 0xFFFFFF00, RoutingEntry.core(1))),
                APP_ID);
        txrx.executeFlood(cores, image, APP_ID, true);

        // (7,7) copies from (6,6), which copies from (5,5) … : all on its way to (0,0) hold it
        for (ChipLocation c : List.of(ChipLocation.ZERO, new ChipLocation(7, 7), new ChipLocation(6, 6),
                new ChipLocation(3, 3), new ChipLocation(1, 1), new ChipLocation(4, 0), new ChipLocation(2, 0))) {
            assertArrayEquals(image, txrx.readMemory(c, SYS, image.length), "image on " + c);
        }
        assertArrayEquals(new byte[16], txrx.readMemory(new ChipLocation(0, 3), SYS, 16), "(0,3) is on no way");
        assertEquals(6, txrx.countState(APP_ID, CpuState.SYNC0));
        CoreStatus waiting = vcpu(7, 7, 3);
        assertEquals(CpuState.SYNC0.code, waiting.state());
        assertEquals(APP_ID, waiting.appId());
        assertEquals("aplx@67800000", waiting.appName());
        assertEquals(CpuState.IDLE.code, vcpu(7, 7, 2).state(), "core 2 was not asked for");
        assertEquals(CpuState.IDLE.code, vcpu(6, 6, 1).state(), "(6,6) only passed the image on");

        txrx.sendSignal(APP_ID, Signal.START);
        assertEquals(6, txrx.countState(APP_ID, CpuState.RUNNING));
        assertEquals(0, txrx.countState(APP_ID, CpuState.SYNC0));

        txrx.stopApplication(APP_ID);
        assertEquals(0, txrx.countState(APP_ID, CpuState.RUNNING));
        CoreStatus stopped = vcpu(7, 7, 3);
        assertEquals(CpuState.IDLE.code, stopped.state());
        assertEquals(0, stopped.appId());
        assertEquals(0, txrx.freeSdramByAppId(new ChipLocation(7, 7), APP_ID), "the stop freed the SDRAM");
        assertEquals(block, txrx.allocateSdram(new ChipLocation(7, 7), APP_ID, 4096, 1), "and the tag");
        assertEquals(List.of(), txrx.readRoutes(new ChipLocation(7, 7), APP_ID), "and the router entries");
    }

    @Test
    void withoutWaitingCoresRunAtOnce() throws Exception {
        txrx.executeFlood(Map.of(new ChipLocation(2, 5), Set.of(1, 2, 3, 4)), randomImage(64, 2), APP_ID, false);
        assertEquals(4, txrx.countState(APP_ID, CpuState.RUNNING));
    }

    @Test
    void aCorruptedCopyAnswersRcSumAndStartsNothing() throws Exception {
        byte[] image = randomImage(512, 3);
        txrx.executeFlood(Map.of(new ChipLocation(1, 0), Set.of(1)), image, APP_ID, false);
        txrx.writeMemory(new ChipLocation(1, 0), SYS + 100, new byte[] {(byte) (image[100] ^ 1)});
        ApplicationCopyRun copy = new ApplicationCopyRun(new ChipLocation(2, 0), 3, image.length,
                ApplicationCopyRun.wordSum(image), IdOpMask.of(APP_ID, 0b10, false));
        ScpException e = assertThrows(ScpException.class, () -> txrx.call(copy));
        assertEquals(ScpResult.RC_SUM.code, e.resultCode());
        assertTrue(e.getMessage().contains("RC_SUM after 1 attempt (the data arrived with a different checksum)"),
                e.getMessage());
        assertEquals(CpuState.IDLE.code, vcpu(2, 0, 1).state());
        byte[] corrupted = image.clone();
        corrupted[100] ^= 1;
        assertArrayEquals(corrupted, txrx.readMemory(new ChipLocation(2, 0), SYS, image.length),
                "SCAMP copies word by word, then checks");
    }

    @Test
    void badFloodsAreRefusedBeforeSending() throws Exception {
        long sends = txrx.stats().sends();
        Map<ChipLocation, Set<Integer>> one = Map.of(ChipLocation.ZERO, Set.of(1));
        assertThrows(InvalidRequestException.class, () -> txrx.executeFlood(one, new byte[6], APP_ID, false));
        assertThrows(InvalidRequestException.class, () -> txrx.executeFlood(one, new byte[0], APP_ID, false));
        assertThrows(InvalidRequestException.class,
                () -> txrx.executeFlood(one, new byte[ApplicationCopyRun.MAX_SIZE_BYTES + 4], APP_ID, false));
        assertThrows(InvalidRequestException.class,
                () -> txrx.executeFlood(Map.of(ChipLocation.ZERO, Set.of(0)), new byte[4], APP_ID, false));
        assertThrows(InvalidRequestException.class, () -> txrx.executeFlood(one, new byte[4], 0, false));
        assertEquals(sends, txrx.stats().sends());
    }

    void floodFill(byte[] image, int id, boolean selectCores, IdOpMask end) throws InterruptedException {
        FloodFillData[] blocks = FloodFillData.blocks(id, SYS, image);
        txrx.call(NearestNeighbourPacket.floodFillStart(id, blocks.length));
        if (selectCores) {
            txrx.call(NearestNeighbourPacket.floodFillCores(0b110, 0));
        }
        for (FloodFillData b : blocks) {
            txrx.call(b);
        }
        txrx.call(NearestNeighbourPacket.floodFillEnd(id, end));
    }

    @Test
    void floodFillLoadsEveryChipAndStartsTheSelectedCores() throws Exception {
        byte[] image = randomImage(600, 4);
        floodFill(image, 8, true, IdOpMask.of(APP_ID, 0, true));
        for (ChipLocation c : List.of(ChipLocation.ZERO, new ChipLocation(7, 7), new ChipLocation(0, 3))) {
            assertArrayEquals(image, txrx.readMemory(c, SYS, image.length), "image on " + c);
        }
        assertEquals(2 * 48, txrx.countState(APP_ID, CpuState.SYNC0), "cores 1 and 2 of all 48 chips");
        txrx.stopApplication(APP_ID);
        assertEquals(0, txrx.countState(APP_ID, CpuState.SYNC0));
    }

    @Test
    void floodFillWithoutCoreSelectOnlyLoads() throws Exception {
        byte[] image = randomImage(256, 5);
        floodFill(image, 10, false, IdOpMask.of(APP_ID, 0b110, false));
        assertArrayEquals(image, txrx.readMemory(new ChipLocation(5, 6), SYS, image.length));
        assertEquals(0, txrx.countState(APP_ID, CpuState.RUNNING), "SCAMP 4 starts cores chosen by FFCS only");
    }

    @Test
    void aJavaApplicationRunsWhereItsImageStarts() throws Exception {
        ChipLocation chip = new ChipLocation(2, 2);
        for (int p = 1; p <= 3; p++) { // the host says where to write before starting, as with data specs
            txrx.writeMemory(chip, MemoryRegion.VCPU_BASE + 128L * p + 112, le32(NOTE + 16L * p));
        }
        byte[] image = new ApplicationImage("test.lifecycle", new byte[40]).encode();
        txrx.executeFlood(Map.of(chip, Set.of(1, 2, 3)), image, APP_ID, true);
        assertEquals("test.lifecycle", vcpu(2, 2, 1).appName());
        assertEquals(0, vcpu(2, 2, 1).user()[1], "not running before START");
        txrx.loadRoutes(chip, List.of(new RoutingEntry(0x500, 0xFFFFFF00, RoutingEntry.core(2))), APP_ID);

        txrx.sendSignal(APP_ID, Signal.START);
        for (int p = 1; p <= 3; p++) {
            assertEquals(0xC0DE_0000L | p, vcpu(2, 2, p).user()[1]);
            assertEquals("ran on " + p,
                    new String(txrx.readMemory(chip, NOTE + 16L * p, 8), StandardCharsets.US_ASCII));
        }
        assertEquals(0x500, vcpu(2, 2, 2).user()[2], "core 1's packet reached core 2 by the loaded table");
        assertEquals(0, vcpu(2, 2, 3).user()[2], "and no other core");

        txrx.sendSignal(APP_ID, Signal.USR0);
        assertEquals(CpuState.FINISHED.code, vcpu(2, 2, 1).state());
        CoreStatus threw = vcpu(2, 2, 2);
        assertEquals(CpuState.RUN_TIME_EXCEPTION.code, threw.state());
        assertEquals(13, threw.runTimeError(), "RTE_SWERR");
        assertEquals(11, vcpu(2, 2, 3).runTimeError(), "RTE_DIV0, as the application said");
        assertEquals(2, txrx.countState(APP_ID, CpuState.RUN_TIME_EXCEPTION));
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
