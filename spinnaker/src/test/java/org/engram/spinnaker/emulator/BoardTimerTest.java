package org.engram.spinnaker.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ApplicationImage;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.SendSignal;
import org.engram.spinnaker.scp.Signal;
import org.junit.jupiter.api.Test;

/**
 * The board's timer: one task per tick, every ticking core signalled in it, every packet of a
 * tick delivered before the next, and cores that end leave the timer. Board tasks wait in a queue
 * here, so the test runs them one at a time.
 */
class BoardTimerTest {
    static final int APP_ID = 30;
    static final String TICKER = "test.ticker";

    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Per core, the ticks it has had. */
    final Map<CoreLocation, Integer> ticks = new HashMap<>();
    /** Lines "receiver: packet of tick T from K, receiver at tick R". */
    final List<String> receipts = new ArrayList<>();
    final Map<CoreLocation, Long> blockBytes = new HashMap<>();
    final ScampBoard board = new ScampBoard(Machine.spinn5(), true, System::nanoTime, 0, Map.of(TICKER,
            where -> new Ticker()), tasks::add, line -> { });

    /**
     * Asks for the timer when it runs; each tick sends its key {@code x << 8 | p} with the tick as
     * payload; core (1,0,1) exits after two ticks, the others after three.
     */
    final class Ticker implements CoreApplication {
        @Override
        public void run(ApplicationCore core) {
            blockBytes.put(core.location(), core.sdramBlockBytes(core.user(0)));
            core.startTimer();
        }

        @Override
        public void signal(ApplicationCore core, Signal signal) {
            if (signal != Signal.TIMER) {
                return;
            }
            CoreLocation c = core.location();
            int t = ticks.merge(c, 1, Integer::sum) - 1;
            core.sendMulticast(MulticastPacket.withPayload(c.x() << 8 | c.p(), t));
            if (t == (c.x() == 1 ? 1 : 2)) {
                core.exit();
            }
        }

        @Override
        public void receive(ApplicationCore core, MulticastPacket packet) {
            receipts.add(core.location() + ": tick " + packet.payload() + " from " + Integer.toHexString(packet.key())
                    + " at tick " + (ticks.get(core.location()) - 1));
        }
    }

    void table(int x, int y, int[]... keyMaskRoute) {
        EmulatedChip chip = board.chip(new ChipLocation(x, y));
        int first = chip.table.allocate(keyMaskRoute.length, APP_ID);
        for (int i = 0; i < keyMaskRoute.length; i++) {
            chip.table.set(first + i, keyMaskRoute[i][0], keyMaskRoute[i][1], keyMaskRoute[i][2], APP_ID);
        }
    }

    void start(int x, int y, int mask) {
        EmulatedChip chip = board.chip(new ChipLocation(x, y));
        byte[] image = new ApplicationImage(TICKER, new byte[0]).encode();
        chip.write(MemoryRegion.SDRAM_SYS, image, image.length);
        chip.startApplication(MemoryRegion.SDRAM_SYS, IdOpMask.of(APP_ID, mask, true), Map.of(TICKER,
                where -> new Ticker()));
    }

    @Test
    void everyPacketOfATickArrivesBeforeTheNextTick() {
        int cores12 = 1 << 7 | 1 << 8;
        int core1 = 1 << 7;
        table(0, 0, new int[] {0x000, 0xFFFFFF00, cores12 | 1}, new int[] {0x100, 0xFFFFFF00, cores12});
        table(1, 0, new int[] {0x000, 0xFFFFFF00, core1}, new int[] {0x100, 0xFFFFFF00, core1 | 1 << 3});
        EmulatedChip c00 = board.chip(ChipLocation.ZERO);
        long block = c00.heap.allocate(100, APP_ID, 0);
        c00.setUser(1, 0, block + 8);
        start(0, 0, 0b110);
        start(1, 0, 0b10);
        for (EmulatedChip chip : List.of(c00, board.chip(new ChipLocation(1, 0)))) {
            chip.signal(Signal.START, new SendSignal.Data(Signal.START.code, 0xFF, APP_ID));
        }
        assertEquals(1, tasks.size(), "the first tick waits for its own task");
        assertEquals(Map.of(), ticks);
        assertEquals(96, blockBytes.get(new CoreLocation(0, 0, 1)), "104 bytes allocated (8-byte aligned), 8 in");
        assertEquals(0, blockBytes.get(new CoreLocation(0, 0, 2)), "user0 0 is in no block");

        tasks.poll().run();
        assertEquals(Map.of(new CoreLocation(0, 0, 1), 1, new CoreLocation(0, 0, 2), 1, new CoreLocation(1, 0, 1), 1),
                ticks, "one tick for every core");
        assertEquals(9, receipts.size(), "each of 3 packets reaches the 3 cores");
        assertEquals(1, tasks.size(), "and the next tick is a new task");
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
        assertEquals(3, board.timer().ticks);
        assertEquals(3, ticks.get(new CoreLocation(0, 0, 1)));
        assertEquals(2, ticks.get(new CoreLocation(1, 0, 1)), "it left the timer when it exited");
        for (String r : receipts) {
            String[] parts = r.split(" ");
            assertEquals(parts[2], parts[parts.length - 1], "delivered within its tick: " + r);
        }
        // tick 0: 3 senders to 3 cores; tick 1: (1,0,1) exited in its TIMER call, before the
        // packets were delivered, so it takes none; tick 2: every core exits before delivery
        assertEquals(9 + 6, receipts.size(), String.join("\n", receipts));
        assertTrue(receipts.contains("(0,0,2): tick 1 from 101 at tick 1"), "a packet of an exiting core still goes");
        assertEquals(CpuState.FINISHED.code, c00.state(1));
    }
}
