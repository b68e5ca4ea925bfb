package org.engram.spinnaker.sdp;

import static org.engram.spinnaker.testing.Hex.buf;
import static org.engram.spinnaker.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

class SdpHeaderTest {
    @Test
    void hostRequestToCore5OfChip3_4() {
        SdpHeader h = SdpHeader.fromHost(new ChipLocation(3, 4), 5, true);
        ByteBuf out = Unpooled.buffer();
        h.encode(out);
        // flags 0x87, tag 0xFF, dest port 0 / cpu 5, src PORT_ETH, dest y then x, src (0,0)
        assertEquals("87 FF 05 FF 04 03 00 00", Hex.format(Hex.toBytes(out)));
        assertEquals(h, SdpHeader.decode(buf(bytes("87 FF 05 FF 04 03 00 00"))));
    }

    @Test
    void replySwapsAndClearsTheReplyFlag() {
        SdpHeader req = SdpHeader.decode(buf(bytes("87 FF 05 FF 04 03 00 00")));
        SdpHeader rep = req.reply(new ChipLocation(3, 4));
        ByteBuf out = Unpooled.buffer();
        rep.encode(out);
        assertEquals("07 FF FF 05 00 00 04 03", Hex.format(Hex.toBytes(out)));
    }

    @Test
    void portAndCpuShareAByte() {
        SdpHeader h = SdpHeader.decode(buf(bytes("07 00 3F E1 00 00 00 00")));
        assertEquals(1, h.destPort());
        assertEquals(31, h.destCpu());
        assertEquals(7, h.srcPort());
        assertEquals(1, h.srcCpu());
    }

    @Test
    void everyTruncatedPrefixIsMalformed() {
        byte[] b = bytes("87 FF 05 FF 04 03 00 00");
        for (int n = 0; n < b.length; n++) {
            byte[] p = Arrays.copyOf(b, n);
            MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> SdpHeader.decode(buf(p)));
            assertEquals("SDP header", e.structure());
        }
        assertThrows(MalformedPacketException.class, () -> SdpHeader.skipUdpPadding(buf(new byte[1])));
    }
}
