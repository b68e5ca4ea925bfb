package org.engram.spinnaker.scp;

import static org.engram.spinnaker.testing.Hex.buf;
import static org.engram.spinnaker.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

/**
 * Every request against bytes written out by hand from the protocol notes (§1 layout, §2
 * argument encodings), then a round trip, then every truncated prefix.
 */
class ScpCodecTest {
    private static final CoreLocation ROOT = new CoreLocation(0, 0, 0);

    private static void assertEncodes(ScpRequest<?> request, int seq, String hex) {
        byte[] expected = bytes(hex);
        ScpMessage m = request.toMessage(seq);
        ByteBuf out = Unpooled.buffer();
        m.encode(out);
        assertEquals(Hex.format(expected), Hex.format(Hex.toBytes(out)));
        assertTrue(expected.length >= 26, "SCAMP needs SDP length >= 24");
        ScpMessage back = ScpMessage.decode(buf(expected));
        assertEquals(m, back);
        ByteBuf again = Unpooled.buffer();
        m.encode(again);
        assertEquals(Hex.format(expected), Hex.format(Hex.toBytes(again)), "encoding changed the message");
        for (int n = 0; n < ScpMessage.MIN_UDP_LENGTH; n++) {
            byte[] prefix = Arrays.copyOf(expected, n);
            assertThrows(MalformedPacketException.class, () -> ScpMessage.decode(buf(prefix)), "prefix " + n);
        }
    }

    @Test
    void version() {
        assertEncodes(new GetVersion(ROOT), 1,
                "00 00  87 FF 00 FF 00 00 00 00  00 00  01 00  00 00 00 00  00 00 00 00  00 00 00 00");
    }

    @Test
    void readPicksWordTransfers() {
        assertEncodes(new ReadMemory(new CoreLocation(1, 2, 0), 0x6000_0000L, 256), 0x1234,
                "00 00  87 FF 00 FF 02 01 00 00  02 00  34 12  00 00 00 60  00 01 00 00  02 00 00 00");
    }

    @Test
    void writeOfTwoBytesAtAHalfwordUsesHalfwords() {
        assertEncodes(new WriteMemory(new CoreLocation(3, 4, 0), 0x6000_0002L, new byte[] {(byte) 0xAA, (byte) 0xBB}), 5,
                "00 00  87 FF 00 FF 04 03 00 00  03 00  05 00  02 00 00 60  02 00 00 00  01 00 00 00  AA BB");
    }

    @Test
    void transferTypesFollowSpiNNMan() {
        assertEquals(2, ReadMemory.transferType(0x60000000L, 8));
        assertEquals(1, ReadMemory.transferType(0x60000002L, 2));
        assertEquals(1, ReadMemory.transferType(0x60000000L, 2));
        assertEquals(0, ReadMemory.transferType(0x60000001L, 4));
        assertEquals(0, ReadMemory.transferType(0x60000000L, 3));
    }

    @Test
    void fillToACoreOfAnotherChip() {
        assertEncodes(new FillMemory(new CoreLocation(7, 7, 0), 0x6000_1000L, 0xDEADBEEF, 64), 9,
                "00 00  87 FF 00 FF 07 07 00 00  05 00  09 00  00 10 00 60  EF BE AD DE  40 00 00 00");
    }

    @Test
    void reverseIpTagAsSpiNNManPacksIt() {
        // arg1 = 1<<29 | 1<<28 | 1<<16 | sdp_port<<13 | cpu<<8 | tag; arg2 = x<<24 | y<<16 | port
        assertEncodes(IpTagCommand.setReverse(ChipLocation.ZERO, 2, 12345, new CoreLocation(1, 1, 3), 1), 6,
                "00 00  87 FF 00 FF 00 00 00 00  1A 00  06 00  02 23 01 30  39 30 01 01  00 00 00 00");
    }

    @Test
    void ipTagSetCarriesTheAddressFirstOctetLow() {
        assertEncodes(IpTagCommand.set(ChipLocation.ZERO, 1, new byte[] {(byte) 192, (byte) 168, 1, 2}, 17894, true), 7,
                "00 00  87 FF 00 FF 00 00 00 00  1A 00  07 00  01 00 01 10  E6 45 00 00  C0 A8 01 02");
    }

    @Test
    void ipTagTimeout() {
        assertEncodes(IpTagCommand.timeout(ChipLocation.ZERO, 9), 8,
                "00 00  87 FF 00 FF 00 00 00 00  1A 00  08 00  00 00 04 00  09 00 00 00  00 00 00 00");
    }

    @Test
    void ipTagGetParsesIptagT() {
        ScpRequest<List<IpTag>> get = IpTagCommand.get(ChipLocation.ZERO, 3, 1);
        assertEncodes(get, 10,
                "00 00  87 FF 00 FF 00 00 00 00  1A 00  0A 00  03 00 02 00  01 00 00 00  00 00 00 00");
        // ip 127.0.0.1, mac 0, tx_port 17894, timeout 0, flags VALID|STRIP, count 5, rx_port 0,
        // dest_addr 0, dest_port 0
        ScpResponse r = ScpResponse.decode(buf(bytes("00 00 07 FF FF 00 00 00 00 00 80 00 0A 00"
                + " 7F 00 00 01  00 00 00 00 00 00  E6 45  00 00  00 81  05 00 00 00  00 00  00 00  00"
                + " 00 00 00 00 00 00 00")));
        IpTag t = get.parse(r).get(0);
        assertEquals("127.0.0.1", t.ipString());
        assertEquals(17894, t.txPort());
        assertTrue(t.isValid());
        assertEquals(IpTag.FLAG_STRIP, t.flags() & IpTag.FLAG_STRIP);
        assertEquals(5, t.count());
        assertArrayEquals(Arrays.copyOfRange(r.payload(), 0, 32), t.encode());
    }

    @Test
    void signalStartIsMulticast() {
        assertEncodes(new SendSignal(Signal.START, 30), 11,
                "00 00  87 FF 00 FF 00 00 00 00  16 00  0B 00  00 00 00 00  1E FF 03 00  FF FF 00 00");
        assertEquals(SendSignal.TYPE_NEAREST_NEIGHBOUR, Signal.STOP.type());
    }

    @Test
    void applicationStartWithWait() {
        assertEncodes(new ApplicationStart(ChipLocation.ZERO, 0x6780_0000L, IdOpMask.of(17, 0b110, true)), 12,
                "00 00  87 FF 00 FF 00 00 00 00  18 00  0C 00  00 00 80 67  06 00 04 11  00 00 00 00");
        assertThrows(IllegalArgumentException.class,
                () -> new ApplicationStart(ChipLocation.ZERO, 0x6780_0000L, IdOpMask.of(17, 0b1, false)));
    }

    @Test
    void allocSdramAndRouterLoad() {
        assertEncodes(AllocCommand.allocSdram(new ChipLocation(1, 0), 30, 1024, 3), 13,
                "00 00  87 FF 00 FF 00 01 00 00  1C 00  0D 00  00 1E 00 00  00 04 00 00  03 00 00 00");
        assertEncodes(RouterCommand.load(new ChipLocation(1, 0), 30, 0x6780_0000L, 2, 5), 14,
                "00 00  87 FF 00 FF 00 01 00 00  1D 00  0E 00  02 1E 02 00  00 00 80 67  05 00 00 00");
    }

    @Test
    void countAndInfo() {
        assertEncodes(new CountState(17, CpuState.RUNNING), 15,
                "00 00  87 FF 00 FF 00 00 00 00  0F 00  0F 00  11 00 00 00  07 00 00 00  00 00 00 00");
        assertEncodes(new GetChipInfo(new ChipLocation(2, 1)), 16,
                "00 00  87 FF 00 FF 01 02 00 00  1F 00  10 00  00 00 00 00  00 00 00 00  00 00 00 00");
    }

    // ------------------------------------------------------------------ replies

    /** §4: a 48-byte VER reply from chip (2,1), core 0. */
    static final String VER_REPLY = "00 00  07 FF FF 00 00 00 01 02  80 00  01 00"
            + "  00 00 01 02  00 01 FF FF  80 C7 37 5D"
            + "  53 43 26 4D 50 2F 53 70 69 4E 4E 61 6B 65 72 00  34 2E 30 2E 30 00";

    @Test
    void versionReplyDecodes() {
        byte[] b = bytes(VER_REPLY);
        assertEquals(48, b.length);
        ScpResponse r = ScpResponse.decode(buf(b));
        assertEquals(ScpResult.RC_OK.code, r.result());
        assertEquals(1, r.seq());
        VersionInfo v = new GetVersion(ROOT).parse(r);
        assertEquals(new ChipLocation(2, 1), v.chip());
        assertEquals(0, v.physicalCpu());
        assertEquals(256, v.bufferSize());
        assertEquals(0x5D37C780L, v.buildDate());
        assertEquals("SC&MP", v.name());
        assertEquals("SpiNNaker", v.hardware());
        assertEquals("4.0.0", v.version());
        assertTrue(v.isReady());
        ByteBuf out = Unpooled.buffer();
        r.encode(out);
        assertArrayEquals(b, Hex.toBytes(out));
        for (int n = 0; n < b.length; n++) {
            byte[] prefix = Arrays.copyOf(b, n);
            assertThrows(MalformedPacketException.class,
                    () -> new GetVersion(ROOT).parse(ScpResponse.decode(buf(prefix))), "prefix " + n);
        }
    }

    @Test
    void versionBeforeNetworkInitReportsNotReady() {
        byte[] b = bytes(VER_REPLY);
        b[16] = (byte) 0xFF;
        b[17] = (byte) 0xFF;
        assertFalse(new GetVersion(ROOT).parse(ScpResponse.decode(buf(b))).isReady());
    }

    /** §2 INFO: 18 cores, all links, 1023 free entries, Ethernet up; payload 38 bytes. */
    @Test
    void chipInfoReplyDecodes() {
        byte[] b = bytes("00 00  07 FF FF 00 00 00 00 00  80 00  02 00"
                + "  12 FF FF 02  00 00 80 07  00 40 00 00"
                + "  07 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F 0F  00 00  7F 00 00 01  07 00");
        ScpResponse r = ScpResponse.decode(buf(b));
        assertEquals(38, r.payload().length);
        ChipInfo i = new GetChipInfo(ChipLocation.ZERO).parse(r);
        assertEquals(18, i.workingCores());
        assertEquals(0x3F, i.linkMask());
        assertEquals(1023, i.freeRouterEntries());
        assertTrue(i.ethernetUp());
        assertEquals(0x0780_0000L, i.largestFreeSdramBlock());
        assertEquals(0x4000, i.largestFreeSysramBlock());
        assertEquals(7, i.coreStates()[0]);
        assertEquals(15, i.coreStates()[17]);
        assertArrayEquals(new byte[] {127, 0, 0, 1}, i.ipAddress());
        assertEquals(7, i.parentLink());
        assertEquals(0x02FFFF12, i.arg1());
        assertArrayEquals(Arrays.copyOfRange(b, 26, 52), i.data());
        for (int n = 14; n < b.length; n++) {
            byte[] prefix = Arrays.copyOf(b, n);
            assertThrows(MalformedPacketException.class,
                    () -> new GetChipInfo(ChipLocation.ZERO).parse(ScpResponse.decode(buf(prefix))), "prefix " + n);
        }
    }

    @Test
    void readReplyDataFollowsTheSequenceNumber() {
        byte[] b = bytes("00 00  07 FF FF 00 00 00 00 00  80 00  34 12  DE AD BE EF");
        ScpResponse r = ScpResponse.decode(buf(b));
        assertArrayEquals(bytes("DE AD BE EF"), new ReadMemory(ROOT, 0x6000_0000L, 4).parse(r));
        assertThrows(MalformedPacketException.class,
                () -> new ReadMemory(ROOT, 0x6000_0000L, 5).parse(r));
        for (int n = 0; n < 14; n++) {
            byte[] prefix = Arrays.copyOf(b, n);
            assertThrows(MalformedPacketException.class, () -> ScpResponse.decode(buf(prefix)));
        }
    }

    @Test
    void oversizedDatagramsAreMalformed() {
        assertThrows(MalformedPacketException.class, () -> ScpMessage.decode(buf(new byte[283])));
        assertThrows(MalformedPacketException.class, () -> ScpResponse.decode(buf(new byte[283])));
    }

    @Test
    void unknownCodesAreNamedNotNull() {
        assertEquals("unknown return code 0x0099", ScpResult.nameOf(0x99));
        assertEquals("command 0x0063", ScpCommand.nameOf(99));
        assertTrue(ScpResult.of(0x99).isEmpty());
        assertTrue(ScpResult.RC_P2P_BUSY.isRetryable());
        assertFalse(ScpResult.RC_ARG.isRetryable());
    }

    @Test
    void requestsRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ReadMemory(ROOT, 0x6000_0000L, 0));
        assertThrows(IllegalArgumentException.class, () -> new WriteMemory(ROOT, 0x6000_0000L, new byte[257]));
        assertThrows(IllegalArgumentException.class, () -> new ReadMemory(ROOT, 0xFFFF_FFFFL, 2));
        assertThrows(IllegalArgumentException.class, () -> IpTagCommand.set(ChipLocation.ZERO, 8, new byte[4], 1, false));
        assertThrows(IllegalArgumentException.class, () -> IpTagCommand.timeout(ChipLocation.ZERO, 16));
    }
}
