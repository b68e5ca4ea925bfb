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

    @Test
    void applicationRunStartsTheImageAtSdramSys() {
        // arg1 = id_op_mask: app 40 << 24 | wait << 18 | cores 1, 2
        assertEncodes(new ApplicationRun(new ChipLocation(1, 0), IdOpMask.of(40, 0b110, true)), 17,
                "00 00  87 FF 00 FF 00 01 00 00  13 00  11 00  06 00 04 28  00 00 00 00  00 00 00 00");
        assertThrows(IllegalArgumentException.class,
                () -> new ApplicationRun(ChipLocation.ZERO, IdOpMask.of(40, 0, false)));
    }

    @Test
    void applicationCopyRunPacksChecksumAndLink() {
        // arg1 = (0x12345678 & 0x1FFFFFFF) << 3 | link 3; arg2 size 1024; arg3 id_op_mask (app 40, core 1)
        ApplicationCopyRun copy = new ApplicationCopyRun(new ChipLocation(2, 1), 3, 1024, 0x12345678,
                IdOpMask.of(40, 0b10, false));
        assertEncodes(copy, 18,
                "00 00  87 FF 00 FF 01 02 00 00  15 00  12 00  C3 B3 A2 91  00 04 00 00  02 00 00 28");
        assertEquals(new ApplicationCopyRun.Source(0x12345678, 3), ApplicationCopyRun.Source.decode(copy.arg1()));
        assertTrue(ApplicationCopyRun.Source.decode(copy.arg1()).accepts(0xF2345678), "only 29 bits are compared");
        assertFalse(ApplicationCopyRun.Source.decode(copy.arg1()).accepts(0x12345679));
        assertTrue(new ApplicationCopyRun.Source(0, 3).accepts(0xDEADBEEF), "checksum 0 is not checked");
        // a chip that only passes the image on starts no cores
        assertEquals(0x28000000, new ApplicationCopyRun(ChipLocation.ZERO, 0, 4, 0, IdOpMask.of(40, 0, false)).arg3());
        assertThrows(IllegalArgumentException.class,
                () -> new ApplicationCopyRun(ChipLocation.ZERO, 6, 4, 0, IdOpMask.of(40, 0b10, false)));
        assertThrows(IllegalArgumentException.class,
                () -> new ApplicationCopyRun(ChipLocation.ZERO, 0, 6, 0, IdOpMask.of(40, 0b10, false)));
        assertEquals(0x0A0A0A0A + 0x01020304, ApplicationCopyRun.wordSum(bytes("0A 0A 0A 0A 04 03 02 01")));
    }

    @Test
    void stopApplicationIsSpiNNMansAppStop() {
        // arg1 SIG0 key with links 0x3F; arg2 5 << 28 | STOP << 16 | 0xFF << 8 | 40; arg3 new id | links 0x3F
        assertEncodes(NearestNeighbourPacket.stopApplication(40), 19,
                "00 00  87 FF 00 FF 00 00 00 00  14 00  13 00  00 00 3F 00  28 FF 02 50  00 3F 00 80");
        assertEquals(new SendSignal.Data(Signal.STOP.code, 0xFF, 40), SendSignal.Data.decode(0x5002FF28));
    }

    @Test
    void floodFillStartBlocksAndEnd() {
        assertEncodes(NearestNeighbourPacket.floodFillStart(6, 4), 20,
                "00 00  87 FF 00 FF 00 00 00 00  14 00  14 00  00 04 06 06  FF FF 00 00  1A 3F 00 80");
        FloodFillData block = new FloodFillData(ChipLocation.ZERO, 6, 1, 0x6780_0100L,
                bytes("01 02 03 04 05 06 07 08"));
        assertEncodes(block, 21, "00 00  87 FF 00 FF 00 00 00 00  17 00  15 00  06 00 1E 3F  00 01 01 00  00 01 80 67"
                + "  01 02 03 04 05 06 07 08");
        assertEncodes(NearestNeighbourPacket.floodFillCores(0b110, 0), 22,
                "00 00  87 FF 00 FF 00 00 00 00  14 00  16 00  06 00 00 07  00 00 00 00  1A 3F 00 00");
        NearestNeighbourPacket end = NearestNeighbourPacket.floodFillEnd(6, IdOpMask.of(40, 0b110, true));
        assertEncodes(end, 23, "00 00  87 FF 00 FF 00 00 00 00  14 00  17 00  06 00 00 0F  06 00 04 28  1A 3F 00 00");
        // a chip keeps 7 bits of the id: start, blocks and end agree
        assertEquals(3, NearestNeighbourPacket.floodFillStartId(NearestNeighbourPacket.floodFillStart(6, 4).key()));
        assertEquals(3, FloodFillData.idOf(block.arg1()));
        assertEquals(3, NearestNeighbourPacket.floodFillEndId(end.key()));
        assertEquals(4, NearestNeighbourPacket.floodFillBlocks(0x06060400));
        assertEquals(1, FloodFillData.blockOf(block.arg2()));
        assertEquals(2, FloodFillData.wordsOf(block.arg2()));
        FloodFillData[] blocks = FloodFillData.blocks(6, 0x6780_0000L, new byte[600]);
        assertEquals(3, blocks.length);
        assertEquals(0x6780_0200L, blocks[2].address());
        assertEquals(88, blocks[2].data().length);
    }

    @Test
    void idOpMaskDecodesAnyWord() {
        assertEquals(new IdOpMask(255, 63, 0x3FFFF), IdOpMask.decode(0xFFFF_FFFF));
        assertEquals(0x28040006, IdOpMask.decode(0x28040006).encode());
        assertTrue(IdOpMask.decode(0x28040006).waitForStart());
        assertEquals(0b10110, IdOpMask.coreMask(List.of(1, 2, 4)));
    }

    @Test
    void routerEntryIsScampsRtrEntryT() {
        // next 3, free 0x8000 | app 30, route core 2 | link E (app id bits dropped), key, mask
        RouterEntry e = RouterEntry.set(3, 0x100, 0xFFFFFF00, 0x1E00_0101, 30);
        assertEquals(Hex.format(bytes("03 00 1E 80  01 01 00 00  00 01 00 00  00 FF FF FF")), Hex.format(e.encode()));
        // SpiNNMan's '<2xBxIII': the app id is byte 2
        assertEquals(30, e.encode()[2]);
        assertEquals(e, RouterEntry.decode(e.encode(), 0));
        assertEquals(30, e.appId());
        assertTrue(new RouterEntry(0, 0, 0xFF00_0000, -1, 0).isCleared());
        assertFalse(new RouterEntry(0, 0, 0x00FF_FFFF, -1, 0).isCleared());
    }

    @Test
    void applicationImageHeaderNamesTheApplication() {
        byte[] image = new ApplicationImage("engram.test", bytes("01 02 03")).encode();
        // "ENGR", "engram.test" NUL-padded to 28 bytes, the body padded to a whole word
        assertEquals(Hex.format(bytes("45 4E 47 52  65 6E 67 72 61 6D 2E 74 65 73 74" + " 00".repeat(17)
                + "  01 02 03 00")), Hex.format(image));
        assertEquals(java.util.Optional.of("engram.test"), ApplicationImage.identifierOf(image));
        assertTrue(ApplicationImage.identifierOf(new byte[32]).isEmpty(), "no magic");
        assertTrue(ApplicationImage.identifierOf(Arrays.copyOf(image, 31)).isEmpty(), "too short");
        assertThrows(IllegalArgumentException.class, () -> new ApplicationImage("x".repeat(29), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new ApplicationImage("has space", new byte[0]));
    }

    @Test
    void packedArgumentsDecodeAsTheyEncode() {
        IpTagCommand.Arg1 reverse = IpTagCommand.Arg1.decode(0x30012302);
        assertEquals(new IpTagCommand.Arg1(3, 0, IpTagCommand.OP_SET, 0x23, 2), reverse);
        assertTrue(reverse.reverse());
        assertEquals(0x30012302, reverse.encode());
        assertEquals(new IpTagCommand.Arg2(0x0101, 12345), IpTagCommand.Arg2.decode(0x01013039));
        assertArrayEquals(bytes("C0 A8 01 02"), IpTagCommand.ipBytes(0x0201A8C0));
        assertEquals(new AllocCommand.Arg1(4, 30, AllocCommand.OP_ALLOC_SDRAM), AllocCommand.Arg1.decode(0x00041E00));
        assertEquals(new RouterCommand.Arg1(2, 30, RouterCommand.OP_LOAD), RouterCommand.Arg1.decode(0x00021E02));
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
