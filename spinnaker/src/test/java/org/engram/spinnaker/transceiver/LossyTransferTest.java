package org.engram.spinnaker.transceiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.EmulatorStats;
import org.engram.spinnaker.emulator.Faults;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.TransportStats;
import org.junit.jupiter.api.Test;

/** The transport against injected loss, duplication and reordering, and its window. */
class LossyTransferTest {
    static final int MIB = 1 << 20;

    @Test
    void sixteenMibSurviveTwentyPercentLossAndReordering() throws Exception {
        // 20% of datagrams dropped in each direction, 20% reordered, 5% duplicated. The timeout
        // is 1 ms instead of a board's 1 s so that the test is fast. An exchange is lost with
        // probability 1 - 0.8² = 36%, so ten retries would fail about twice in 131072 exchanges
        // (0.36^11 · 131072); and with 1 ms timeouts a scheduling stall of a loaded build
        // machine alone can eat dozens of attempts. Hence a budget of 1000 retries (a second).
        Faults faults = new Faults(0.2, 0.05, 0.2, 42);
        RetryPolicy policy = new RetryPolicy(1, 1000, 8, 1);
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withFaults(faults), l -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(), 54321, policy)) {
            byte[] data = new byte[16 * MIB];
            new Random(16).nextBytes(data);
            ChipLocation chip = new ChipLocation(2, 3);
            long start = System.nanoTime();
            t.writeMemory(chip, 0x6000_0000L, data);
            byte[] back = t.readMemory(chip, 0x6000_0000L, data.length);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertArrayEquals(data, back);
            TransportStats s = t.stats();
            EmulatorStats e = emu.stats();
            System.out.printf("lossy 16 MiB write+read: %.1f s, %d requests, %d sends, %d retries "
                    + "(%d after timeouts), %d duplicate/stale replies ignored; emulator dropped %d, "
                    + "duplicated %d, reordered %d datagrams%n", seconds, s.requests(), s.sends(),
                    s.retries(), s.timeoutResends(), s.ignoredReplies(), e.injectedDrops(),
                    e.injectedDuplicates(), e.injectedReorders());
            assertEquals(2 * 16 * MIB / 256, s.requests());
            assertEquals(0, s.failures());
            assertTrue(s.retries() > s.requests() / 5, "loss must have caused retries: " + s.retries());
            assertTrue(s.ignoredReplies() > 0, "duplicates must have been ignored");
            assertTrue(s.maxInFlight() <= 8);
        }
    }

    @Test
    void neverMoreThanEightOutstandingAtTheEmulator() throws Exception {
        // The emulator holds every reply (and its transient tag) until requests stop arriving
        // for 3 ms, so it sees exactly how many requests the host keeps outstanding.
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral().withHoldRepliesMs(3), l -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(), 54321,
                        RetryPolicy.DEFAULT)) {
            byte[] data = new byte[64 * 256];
            t.writeMemory(new ChipLocation(0, 0), 0x6000_0000L, data);
            t.readMemory(new ChipLocation(0, 0), 0x6000_0000L, data.length);
            EmulatorStats s = emu.stats();
            assertEquals(8, s.maxOutstanding(), "the window of 8 is used and never exceeded");
            assertEquals(0, s.droppedNoTag());
        }
    }
}
