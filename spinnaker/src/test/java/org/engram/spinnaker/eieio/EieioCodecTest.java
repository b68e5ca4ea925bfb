package org.engram.spinnaker.eieio;

import static org.engram.spinnaker.testing.Hex.buf;
import static org.engram.spinnaker.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

class EieioCodecTest {
    /** §6: LivePacketGather's default: count, 0x38, u32 time, count × u32 key. */
    @Test
    void livePacketGatherOutput() {
        byte[] b = bytes("02 38  E8 03 00 00  01 00 00 00  02 00 01 00");
        EieioDataMessage m = EieioDataMessage.decode(buf(b));
        assertEquals(EieioType.KEY_32, m.type());
        assertTrue(m.timestamps());
        assertEquals(1000, m.payloadPrefix());
        assertArrayEquals(new int[] {1, 0x00010002}, m.keys());
        ByteBuf out = Unpooled.buffer();
        m.encode(out);
        assertArrayEquals(b, Hex.toBytes(out));
        for (int n = 0; n < b.length; n++) {
            byte[] p = Arrays.copyOf(b, n);
            assertThrows(MalformedPacketException.class, () -> EieioDataMessage.decode(buf(p)), "prefix " + n);
        }
    }

    @Test
    void key16WithKeyPrefixAndPayloads() {
        // P set, type KEY_PAYLOAD_16 (1), count 1: header 0x8401 → 01 84; prefix 0x1234; key 5 payload 7
        EieioDataMessage m = new EieioDataMessage(EieioType.KEY_PAYLOAD_16, 0, false, false, 0x1234, -1,
                new int[] {5}, new int[] {7});
        ByteBuf out = Unpooled.buffer();
        m.encode(out);
        assertEquals("01 84 34 12 05 00 07 00", Hex.format(Hex.toBytes(out)));
        assertEquals(m, EieioDataMessage.decode(buf(Hex.toBytes(out))));
    }

    @Test
    void key16LiveInput() {
        ByteBuf out = Unpooled.buffer();
        EieioDataMessage.keys(EieioType.KEY_16, 1, 2, 3).encode(out);
        assertEquals("03 00 01 00 02 00 03 00", Hex.format(Hex.toBytes(out)));
        assertThrows(IllegalArgumentException.class, () -> EieioDataMessage.keys(EieioType.KEY_16, 0x10000));
    }

    @Test
    void commandPackets() {
        byte[] b = bytes("06 40 AA BB");
        EieioCommandMessage c = EieioCommandMessage.decode(buf(b));
        assertEquals(EieioCommand.SPINNAKER_REQUEST_BUFFERS.code, c.command());
        assertArrayEquals(bytes("AA BB"), c.body());
        ByteBuf out = Unpooled.buffer();
        EieioCommandMessage.of(EieioCommand.DATABASE).encode(out);
        assertEquals("01 40", Hex.format(Hex.toBytes(out)));
        assertThrows(MalformedPacketException.class, () -> EieioCommandMessage.decode(buf(bytes("06"))));
        assertThrows(MalformedPacketException.class, () -> EieioCommandMessage.decode(buf(bytes("06 00"))));
        assertThrows(MalformedPacketException.class, () -> EieioDataMessage.decode(buf(b)));
    }
}
