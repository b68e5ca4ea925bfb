package org.engram.spinnaker.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sends 100,000 random and mutated datagrams to both ports of a running emulator, then checks
 * it still answers correctly. Written against the wire format directly (no production client
 * code), so the expectations do not share the codecs' assumptions.
 */
class EmulatorFuzzTest {
    static final int DATAGRAMS = 100_000;
    static final int BATCH = 250;

    /** A valid SCP request: padding, SDP header to (x,y,p) with a reply wanted, cmd, seq, args, data. */
    static byte[] request(int x, int y, int p, int cmd, int seq, int a1, int a2, int a3, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(26 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0, 0, (byte) 0x87, (byte) 0xFF, (byte) p, (byte) 0xFF, (byte) y, (byte) x, 0, 0});
        b.putShort((short) cmd).putShort((short) seq).putInt(a1).putInt(a2).putInt(a3).put(data);
        return b.array();
    }

    static List<byte[]> templates() {
        List<byte[]> t = new ArrayList<>();
        t.add(request(0, 0, 0, 0, 1, 0, 0, 0, new byte[0]));                        // VER
        t.add(request(1, 1, 0, 2, 2, 0x60000000, 256, 2, new byte[0]));             // READ
        t.add(request(2, 1, 0, 3, 3, 0x60001000, 16, 2, new byte[16]));             // WRITE
        t.add(request(0, 1, 0, 5, 4, 0x60002000, 0x55AA55AA, 64, new byte[0]));     // FILL
        t.add(request(0, 0, 0, 26, 5, 2 << 16, 8, 0, new byte[0]));                 // IPTAG GET
        t.add(request(0, 0, 0, 26, 6, 4 << 16, 9, 0, new byte[0]));                 // IPTAG TTO
        t.add(request(1, 0, 0, 28, 7, 30 << 8, 1024, 3, new byte[0]));              // ALLOC SDRAM
        t.add(request(1, 0, 0, 28, 8, 30 << 8 | 3, 4, 0, new byte[0]));             // ALLOC RTR
        t.add(request(1, 0, 0, 29, 9, 1 << 16 | 30 << 8 | 2, 0x67800000, 1, new byte[0])); // RTR LOAD
        t.add(request(0, 0, 0, 22, 10, 0, 3 << 16 | 0xFF << 8 | 30, 0xFFFF, new byte[0])); // SIG
        t.add(request(3, 3, 0, 24, 11, 0x67800000, 30 << 24 | 0b110, 0, new byte[0])); // AS
        t.add(request(0, 0, 0, 15, 12, 30, 7, 0, new byte[0]));                     // COUNT
        t.add(request(4, 4, 0, 31, 13, 0, 0, 0, new byte[0]));                      // INFO
        t.add(request(2, 2, 0, 17, 14, 0x60000000, 64, 1, new byte[0]));           // LINK_READ
        t.add(request(0, 0, 0, 2, 15, 0xE1010000, 256, 2, new byte[0]));           // READ P2P table
        return t;
    }

    static byte[] mutate(byte[] base, Random r) {
        byte[] d = base.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip random bytes
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    d[r.nextInt(d.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 1 -> d = java.util.Arrays.copyOf(d, r.nextInt(d.length)); // truncate
            case 2 -> d = java.util.Arrays.copyOf(d, d.length + 1 + r.nextInt(400)); // extend
            case 3 -> { // random argument words
                ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(14 + 4 * r.nextInt(3), r.nextInt());
            }
            case 4 -> { // random command code
                d[10] = (byte) r.nextInt(70);
                d[11] = (byte) (r.nextInt(8) == 0 ? r.nextInt() : 0);
            }
            default -> { // random destination chip and core
                d[4] = (byte) r.nextInt();
                d[6] = (byte) r.nextInt(10);
                d[7] = (byte) r.nextInt(10);
            }
        }
        return d;
    }

    @Test
    void hundredThousandBadDatagramsLeaveItAnsweringCorrectly() throws Exception {
        Random r = new Random(2024);
        List<byte[]> templates = templates();
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral(), line -> { });
                DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.configureBlocking(false);
            ByteBuffer sink = ByteBuffer.allocate(4096);
            long sentScp = 0;
            for (int i = 0; i < DATAGRAMS; i++) {
                byte[] d;
                int kind = r.nextInt(10);
                if (kind < 4) {
                    d = new byte[r.nextInt(300)];
                    r.nextBytes(d);
                } else {
                    d = mutate(templates.get(r.nextInt(templates.size())), r);
                }
                boolean boot = kind == 9;
                ch.send(ByteBuffer.wrap(d), boot ? emu.bootAddress() : emu.scpAddress());
                if (!boot) {
                    sentScp++;
                }
                while (ch.receive(sink.clear()) != null) {
                    // discard replies so our socket buffer never fills
                }
                if (i % BATCH == BATCH - 1) {
                    awaitReceived(emu, sentScp, ch, sink); // keep the emulator's buffer from overflowing
                }
            }
            awaitReceived(emu, sentScp, ch, sink);
            EmulatorStats s = emu.stats();
            System.out.printf("fuzz: %d datagrams sent (%d to the SCAMP port), %d processed, %d replies,"
                    + " %d dropped%n", DATAGRAMS, sentScp, s.scpDatagrams(), s.replies(), s.dropped());
            assertEquals(0, s.internalErrors(), "no datagram may escape the protocol logic");
            assertTrue(s.booted(), "a booted board ignores the boot port");
            assertTrue(s.scpDatagrams() >= sentScp * 99 / 100, "most datagrams were processed: "
                    + s.scpDatagrams() + " of " + sentScp);

            // still answers correctly: VER from (0,0,0), then a write and a read-back
            byte[] ver = exchange(ch, emu, request(0, 0, 0, 0, 40000, 0, 0, 0, new byte[0]), 40000);
            assertEquals(48, ver.length);
            assertEquals(0x80, ver[10] & 0xFF);
            assertArrayEquals(new byte[] {0, 0, 0, 0}, java.util.Arrays.copyOfRange(ver, 14, 18)); // virt, phys, y, x
            assertEquals("SC&MP/SpiNNaker", new String(ver, 26, 15, java.nio.charset.StandardCharsets.US_ASCII));
            byte[] data = new byte[200];
            r.nextBytes(data);
            byte[] w = exchange(ch, emu, request(5, 5, 0, 3, 40001, 0x66000000, 200, 0, data), 40001);
            assertEquals(0x80, w[10] & 0xFF);
            byte[] rd = exchange(ch, emu, request(5, 5, 0, 2, 40002, 0x66000000, 200, 0, new byte[0]), 40002);
            assertArrayEquals(data, java.util.Arrays.copyOfRange(rd, 14, 214));
        }
    }

    private static void awaitReceived(BoardEmulator emu, long sent, DatagramChannel ch, ByteBuffer sink)
            throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (emu.stats().scpDatagrams() < sent && System.nanoTime() < deadline) {
            while (ch.receive(sink.clear()) != null) {
                // drain
            }
            Thread.onSpinWait();
        }
    }

    /** Sends a request and returns the reply with the given sequence number (skipping others). */
    private static byte[] exchange(DatagramChannel ch, BoardEmulator emu, byte[] req, int seq) throws Exception {
        ch.send(ByteBuffer.wrap(req), emu.scpAddress());
        ByteBuffer b = ByteBuffer.allocate(4096);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            b.clear();
            if (ch.receive(b) == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no reply with seq " + seq + " within 5 s");
                }
                Thread.onSpinWait();
                continue;
            }
            b.flip();
            if (b.remaining() >= 14 && ((b.get(12) & 0xFF) | (b.get(13) & 0xFF) << 8) == seq) {
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            }
        }
    }
}
