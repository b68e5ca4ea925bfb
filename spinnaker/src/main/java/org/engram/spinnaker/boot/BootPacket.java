package org.engram.spinnaker.boot;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * One boot datagram, all big-endian:
 *
 * <pre>
 * off size
 *  0   2   protocol version = 1
 *  2   4   opcode
 *  6   4   op1
 * 10   4   op2
 * 14   4   op3
 * 18  ≤1024 data (whole words, already in network order)
 * </pre>
 *
 * @param opcode opcode (not necessarily a known one, for a decoder to refuse)
 * @param data 0–1024 bytes, a multiple of 4; not copied
 */
public record BootPacket(int opcode, int op1, int op2, int op3, byte[] data) {
    public static final int PROTOCOL_VERSION = 1;
    public static final int HEADER_SIZE = 18;
    /** At most 256 words of data per packet. */
    public static final int MAX_DATA = 1024;

    public BootPacket {
        if (data == null || data.length > MAX_DATA || data.length % 4 != 0) {
            throw new IllegalArgumentException("boot packet: data must be whole words, at most "
                    + MAX_DATA + " bytes");
        }
    }

    public void encode(ByteBuf out) {
        out.writeShort(PROTOCOL_VERSION);
        out.writeInt(opcode);
        out.writeInt(op1);
        out.writeInt(op2);
        out.writeInt(op3);
        out.writeBytes(data);
    }

    public int encodedLength() {
        return HEADER_SIZE + data.length;
    }

    /** Reads a whole datagram; the version must be 1 and the data whole words. */
    public static BootPacket decode(ByteBuf in) {
        int start = in.readerIndex();
        int n = in.readableBytes();
        if (n < HEADER_SIZE) {
            throw new MalformedPacketException("boot packet", start, HEADER_SIZE, n);
        }
        if (n > HEADER_SIZE + MAX_DATA) {
            throw new MalformedPacketException("boot packet", start,
                    "datagram of " + n + " bytes exceeds " + (HEADER_SIZE + MAX_DATA));
        }
        if ((n - HEADER_SIZE) % 4 != 0) {
            throw new MalformedPacketException("boot packet", start + HEADER_SIZE,
                    "data of " + (n - HEADER_SIZE) + " bytes is not whole words");
        }
        int version = in.readUnsignedShort();
        if (version != PROTOCOL_VERSION) {
            throw new MalformedPacketException("boot packet", start,
                    "protocol version " + version + ", expected " + PROTOCOL_VERSION);
        }
        int opcode = in.readInt();
        int op1 = in.readInt();
        int op2 = in.readInt();
        int op3 = in.readInt();
        byte[] data = new byte[in.readableBytes()];
        in.readBytes(data);
        return new BootPacket(opcode, op1, op2, op3, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootPacket p && opcode == p.opcode && op1 == p.op1 && op2 == p.op2
                && op3 == p.op3 && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return opcode * 31 + op1 * 7 + op3 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BootPacket[" + BootOpCode.of(opcode).map(Enum::name).orElse("opcode " + opcode)
                + String.format(" op1=0x%08X op2=0x%08X op3=0x%08X", op1, op2, op3) + " data="
                + data.length + " bytes]";
    }
}
