package org.engram.spinnaker.scp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.sdp.SdpHeader;

/**
 * An SCP request as it travels in a UDP payload.
 *
 * <pre>
 * off  size
 *   0    2   padding 00 00
 *   2    8   SDP header
 *  10    2   cmd_rc  (u16 LE)
 *  12    2   seq     (u16 LE)
 *  14    4   arg1    (u32 LE)
 *  18    4   arg2
 *  22    4   arg3
 *  26  ≤256  data
 * </pre>
 *
 * @param header SDP header
 * @param command command code, 0–65535 (unknown codes are allowed, for SCAMP to refuse)
 * @param seq sequence number, 0–65535
 * @param data 0–256 bytes, not copied
 */
public record ScpMessage(SdpHeader header, int command, int seq, int arg1, int arg2, int arg3,
        byte[] data) {
    /** Bytes of SDP header plus SCP header: the least SCAMP accepts (SDP length ≥ 24). */
    public static final int MIN_SDP_LENGTH = 24;
    /** Smallest UDP payload holding a whole request: padding + 24. */
    public static final int MIN_UDP_LENGTH = SdpHeader.UDP_PADDING + MIN_SDP_LENGTH;
    /** SCAMP's SDP data buffer size. */
    public static final int MAX_DATA = 256;
    /** Largest UDP payload SCAMP accepts: 2 + 8 + 16 + 256. */
    public static final int MAX_UDP_LENGTH = MIN_UDP_LENGTH + MAX_DATA;

    public ScpMessage {
        if (command < 0 || command > 0xFFFF || seq < 0 || seq > 0xFFFF) {
            throw new IllegalArgumentException("SCP: command " + command + " or seq " + seq
                    + " outside 0..65535");
        }
        if (data == null || data.length > MAX_DATA) {
            throw new IllegalArgumentException("SCP: data must be 0.." + MAX_DATA + " bytes");
        }
    }

    /** Writes padding, SDP header, SCP header and data; never changes this message. */
    public void encode(ByteBuf out) {
        SdpHeader.writeUdpPadding(out);
        header.encode(out);
        out.writeShortLE(command);
        out.writeShortLE(seq);
        out.writeIntLE(arg1);
        out.writeIntLE(arg2);
        out.writeIntLE(arg3);
        out.writeBytes(data);
    }

    /** Size of the encoded UDP payload. */
    public int encodedLength() {
        return MIN_UDP_LENGTH + data.length;
    }

    /** Reads a whole UDP payload: at least 26 bytes, at most 282. */
    public static ScpMessage decode(ByteBuf in) {
        int start = in.readerIndex();
        int n = in.readableBytes();
        if (n < MIN_UDP_LENGTH) {
            throw new MalformedPacketException("SCP request", start, MIN_UDP_LENGTH, n);
        }
        if (n > MAX_UDP_LENGTH) {
            throw new MalformedPacketException("SCP request", start,
                    "UDP payload of " + n + " bytes exceeds " + MAX_UDP_LENGTH);
        }
        SdpHeader.skipUdpPadding(in);
        SdpHeader h = SdpHeader.decode(in);
        int cmd = in.readUnsignedShortLE();
        int seq = in.readUnsignedShortLE();
        int a1 = in.readIntLE();
        int a2 = in.readIntLE();
        int a3 = in.readIntLE();
        byte[] data = new byte[in.readableBytes()];
        in.readBytes(data);
        return new ScpMessage(h, cmd, seq, a1, a2, a3, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScpMessage m && header.equals(m.header) && command == m.command
                && seq == m.seq && arg1 == m.arg1 && arg2 == m.arg2 && arg3 == m.arg3
                && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + seq * 7 + command + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ScpMessage[" + ScpCommand.nameOf(command) + " seq=" + seq + " to " + header.dest()
                + " cpu " + header.destCpu() + String.format(" args=0x%08X,0x%08X,0x%08X", arg1, arg2, arg3)
                + " data=" + data.length + " bytes]";
    }
}
