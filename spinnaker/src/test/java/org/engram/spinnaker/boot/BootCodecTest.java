package org.engram.spinnaker.boot;

import static org.engram.spinnaker.testing.Hex.buf;
import static org.engram.spinnaker.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

class BootCodecTest {
    @Test
    void startPacketIsBigEndian() {
        BootPacket p = new BootPacket(BootOpCode.FLOOD_FILL_START.code, 0, 0, 29, new byte[0]);
        ByteBuf out = Unpooled.buffer();
        p.encode(out);
        assertEquals("00 01 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 1D", Hex.format(Hex.toBytes(out)));
        assertEquals(p, BootPacket.decode(buf(Hex.toBytes(out))));
    }

    @Test
    void blockPacketHeader() {
        byte[] b = bytes("00 01  00 00 00 03  00 00 FF 02  00 00 00 00  00 00 00 00  11 22 33 44");
        BootPacket p = BootPacket.decode(buf(b));
        assertEquals(BootOpCode.FLOOD_FILL_BLOCK.code, p.opcode());
        assertEquals(255 << 8 | 2, p.op1());
        assertArrayEquals(bytes("11 22 33 44"), p.data());
        for (int n = 0; n < 18; n++) {
            byte[] prefix = Arrays.copyOf(b, n);
            assertThrows(MalformedPacketException.class, () -> BootPacket.decode(buf(prefix)));
        }
        assertThrows(MalformedPacketException.class, () -> BootPacket.decode(buf(Arrays.copyOf(b, 21))));
        byte[] v2 = b.clone();
        v2[1] = 2;
        assertThrows(MalformedPacketException.class, () -> BootPacket.decode(buf(v2)));
    }

    @Test
    void scampSizedImageGives32DatagramsOfTheDocumentedSizes() {
        byte[] image = new byte[29_868];
        List<BootPacket> ps = BootImage.packets(image, 5, 0);
        assertEquals(32, ps.size());
        assertEquals(18, ps.get(0).encodedLength());
        for (int i = 1; i <= 29; i++) {
            assertEquals(1042, ps.get(i).encodedLength(), "block " + (i - 1));
            assertEquals(255 << 8 | (i - 1), ps.get(i).op1());
        }
        assertEquals(190, ps.get(30).encodedLength());
        assertEquals(18, ps.get(31).encodedLength());
        assertEquals(BootOpCode.FLOOD_FILL_CONTROL.code, ps.get(31).opcode());
        assertEquals(1, ps.get(31).op1());
        assertEquals(29, ps.get(0).op3());
    }

    /** JavaSpiNNaker TestMessage.testBootMessages: bytes 384–399 of the first block, version 5. */
    @Test
    void systemVariablesInTheFirstBlockMatchJavaSpiNNaker() {
        byte[] image = new byte[29_868];
        BootPacket first = BootImage.packets(image, 5, 0).get(1);
        assertEquals("00 00 00 00 00 00 00 00 00 05 00 00 00 33 04 04",
                Hex.format(Arrays.copyOfRange(first.data(), 384, 400)));
    }

    @Test
    void imageWordsAreSwappedToNetworkOrder() {
        byte[] image = new byte[1024];
        image[0] = 0x11;
        image[1] = 0x22;
        image[2] = 0x33;
        image[3] = 0x44;
        assertEquals("44 33 22 11", Hex.format(Arrays.copyOf(BootImage.packets(image, 5, 0).get(1).data(), 4)));
    }

    @Test
    void imagesOfTheWrongSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BootImage.packets(new byte[511], 5, 0));
        assertThrows(IllegalArgumentException.class, () -> BootImage.packets(new byte[32 * 1024 + 4], 5, 0));
        assertThrows(IllegalArgumentException.class, () -> BootImage.packets(new byte[1026], 5, 0));
        assertThrows(IllegalArgumentException.class, () -> BootImage.packets(new byte[1024], 7, 0));
    }

    @Test
    void bootBlockDefaults() {
        byte[] sv = SystemVariables.bootBlock(5, 0x5F000000L);
        assertEquals(5, sv[0x0A]);
        assertEquals(200, SystemVariables.getU16(sv, 0x24));
        assertEquals(130, SystemVariables.getU16(sv, 0x26));
        assertEquals(1, SystemVariables.getU32(sv, 0x30));
        assertEquals(8 << 20, SystemVariables.getU32(sv, 0x54));
        assertEquals(0x3F, sv[0x65]);
        assertEquals(0x5F000000, SystemVariables.getU32(sv, 0x1C));
        assertEquals(0x502, SystemVariables.getU32(SystemVariables.bootBlock(3, 0), 0x30));
    }
}
