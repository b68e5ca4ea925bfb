package org.engram.spinnaker.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engram.spinnaker.emulator.ApplicationCore;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.CoreApplication;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.Faults;
import org.engram.spinnaker.emulator.MulticastPacket;
import org.engram.spinnaker.image.DataImage;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.ApplicationImage;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.transceiver.RoutingEntry;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader against the emulator, with small Java core applications that read their image the
 * way a core does (user0, then the region table) and write their output region.
 */
class LoaderTest {
    static final int APP_ID = 30;

    BoardEmulator emulator;
    Transceiver txrx;
    final List<String> progress = new ArrayList<>();

    /** Doubles region 0's words into output region 1, adds its core number, and exits. */
    static final class Doubler implements CoreApplication {
        @Override
        public void run(ApplicationCore core) {
            DataImage image = DataImage.read(core::readSdram, core.user(0), 1 << 20);
            int[] in = image.region(0).words();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 * image.region(1).sizeWords())
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int w : in) {
                out.putInt(2 * w + core.location().p());
            }
            core.writeSdram(image.regionAddress(1), out.array());
            core.exit();
        }

        @Override
        public void receive(ApplicationCore core, MulticastPacket packet) {
        }
    }

    /** Fails at once with RTE_DIV0. */
    static final class Crash implements CoreApplication {
        @Override
        public void run(ApplicationCore core) {
            core.fail(11);
        }

        @Override
        public void receive(ApplicationCore core, MulticastPacket packet) {
        }
    }

    @BeforeEach
    void start() throws Exception {
        emulator = BoardEmulator.start(EmulatorOptions.ephemeral().withApplication("test.doubler", c -> new Doubler())
                .withApplication("test.crash", c -> new Crash()), s -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), emulator.bootAddress().getPort(), RetryPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        txrx.close();
        emulator.close();
    }

    static CoreLoad core(int x, int y, int p, int... words) {
        return new CoreLoad(new CoreLocation(x, y, p), DataImage.HEADER_BYTES + 4L * (2 * words.length),
                base -> new DataImage(base, List.of(DataImage.Region.input(words), DataImage.Region.output(words.length))),
                1);
    }

    static LoadPlan plan(String app, List<CoreLoad> cores) {
        return new LoadPlan(APP_ID, cores, Map.of(new ChipLocation(1, 0), List.of(new RoutingEntry(0x100, 0xFFFFFF00,
                RoutingEntry.core(2)))), new ApplicationImage(app, new byte[64]).encode(), true, Duration.ofSeconds(10));
    }

    @Test
    void everyCoreRunsFromItsOwnImageAndItsOutputComesBack() throws Exception {
        List<CoreLoad> cores = List.of(core(0, 0, 1, 1, 2, 3), core(0, 0, 2, 10), core(1, 0, 2, 7, 8), core(2, 1, 5, 4));
        LoadResult r = new Loader(txrx, progress::add).run(plan("test.doubler", cores));
        assertArrayEquals(new int[] {3, 5, 7}, r.outputs().get(new CoreLocation(0, 0, 1)));
        assertArrayEquals(new int[] {22}, r.outputs().get(new CoreLocation(0, 0, 2)));
        assertArrayEquals(new int[] {16, 18}, r.outputs().get(new CoreLocation(1, 0, 2)));
        assertArrayEquals(new int[] {13}, r.outputs().get(new CoreLocation(2, 1, 5)));
        assertEquals(1, r.routeEntries());
        // header and input regions only: 4 images of 392 bytes and 7 input words
        assertEquals(4 * 392 + 4 * 7, r.bytesLoaded());
        assertReleased();
    }

    @Test
    void withTenPercentOfDatagramsDroppedAndReorderedTheOutputsAreTheSame() throws Exception {
        txrx.close();
        emulator.close();
        emulator = BoardEmulator.start(EmulatorOptions.ephemeral().withApplication("test.doubler", c -> new Doubler())
                .withFaults(new Faults(0.10, 0, 0.10, 7)), s -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), emulator.bootAddress().getPort(),
                new RetryPolicy(100, 20, 8, 20));
        int[] words = new int[3000];
        for (int k = 0; k < words.length; k++) {
            words[k] = k * 7919;
        }
        List<CoreLoad> cores = List.of(core(0, 0, 1, words), core(1, 1, 2, words), core(2, 0, 3, 5));
        LoadResult r = new Loader(txrx, progress::add).run(plan("test.doubler", cores));
        int[] expected = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            expected[k] = 2 * words[k] + 2;
        }
        assertArrayEquals(expected, r.outputs().get(new CoreLocation(1, 1, 2)));
        assertArrayEquals(new int[] {13}, r.outputs().get(new CoreLocation(2, 0, 3)));
        assertTrue(txrx.stats().retries() > 0, "the faults were felt: " + txrx.stats());
        assertReleased();
    }

    @Test
    void aCoreInAnErrorStateEndsTheRunNamingItAndEverythingIsFreed() throws Exception {
        List<CoreLoad> cores = List.of(core(0, 0, 1, 1), core(1, 1, 3, 2));
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> new Loader(txrx, progress::add).run(plan("test.crash", cores)));
        assertTrue(e.getMessage().contains("(0,0,1)") || e.getMessage().contains("0,0,1"), e.getMessage());
        assertTrue(e.getMessage().contains("--binary"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertReleased();
    }

    @Test
    void aBlockThatCannotBeAllocatedNamesTheCoreAndTheStep() throws Exception {
        CoreLoad huge = new CoreLoad(new CoreLocation(1, 1, 4), 200L << 20,
                base -> new DataImage(base, List.of(DataImage.Region.output(50 << 20))), 0);
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> new Loader(txrx, progress::add).run(plan("test.doubler", List.of(core(0, 0, 1, 1), huge))));
        assertTrue(e.getMessage().startsWith("core (1,1,4): allocating"), e.getMessage());
        assertReleased();
    }

    /** No core of the app is left, its routes are gone, and it holds no SDRAM block on any chip. */
    private void assertReleased() throws Exception {
        for (CpuState s : List.of(CpuState.SYNC0, CpuState.RUNNING, CpuState.FINISHED, CpuState.RUN_TIME_EXCEPTION)) {
            assertEquals(0, txrx.countState(APP_ID, s), s.name());
        }
        assertEquals(List.of(), txrx.readRoutes(new ChipLocation(1, 0), APP_ID));
        for (ChipLocation chip : List.of(new ChipLocation(0, 0), new ChipLocation(1, 0), new ChipLocation(1, 1),
                new ChipLocation(2, 0), new ChipLocation(2, 1))) {
            assertEquals(0, txrx.freeSdramByAppId(chip, APP_ID), "blocks left on " + chip);
        }
    }
}
