package org.engram.spinnaker.scp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.sdp.SdpHeader;

/**
 * An SCP reply as it travels in a UDP payload: padding, SDP header, cmd_rc (the return code),
 * seq, then the payload, which starts at the arg1 position (for READ the data follow seq
 * directly).
 *
 * <pre>
 * off  size
 *   0    2   padding 00 00
 *   2    8   SDP header (reply flags 0x07)
 *  10    2   return code (u16 LE)
 *  12    2   seq (u16 LE)
 *  14  ≤268  payload: arg1..arg3 as present, then data
 * </pre>
 *
 * @param header SDP header
 * @param result return code (not necessarily a known one)
 * @param seq sequence number of the request answered
 * @param payload 0–268 bytes, not copied
 */
public record ScpResponse(SdpHeader header, int result, int seq, byte[] payload) {
    /** Smallest UDP payload of a reply: padding, SDP header, rc and seq. */
    public static final int MIN_UDP_LENGTH = SdpHeader.UDP_PADDING + SdpHeader.SIZE + 4;
    /** Largest payload: three args and 256 data bytes. */
    public static final int MAX_PAYLOAD = 12 + ScpMessage.MAX_DATA;

    public ScpResponse {
        if (result < 0 || result > 0xFFFF || seq < 0 || seq > 0xFFFF) {
            throw new IllegalArgumentException("SCP reply: result or seq outside 0..65535");
        }
        if (payload == null || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("SCP reply: payload must be 0.." + MAX_PAYLOAD + " bytes");
        }
    }

    public void encode(ByteBuf out) {
        SdpHeader.writeUdpPadding(out);
        header.encode(out);
        out.writeShortLE(result);
        out.writeShortLE(seq);
        out.writeBytes(payload);
    }

    /** Reads a whole UDP payload of 14 to 282 bytes. */
    public static ScpResponse decode(ByteBuf in) {
        int start = in.readerIndex();
        int n = in.readableBytes();
        if (n < MIN_UDP_LENGTH) {
            throw new MalformedPacketException("SCP reply", start, MIN_UDP_LENGTH, n);
        }
        if (n > MIN_UDP_LENGTH + MAX_PAYLOAD) {
            throw new MalformedPacketException("SCP reply", start,
                    "UDP payload of " + n + " bytes exceeds " + (MIN_UDP_LENGTH + MAX_PAYLOAD));
        }
        SdpHeader.skipUdpPadding(in);
        SdpHeader h = SdpHeader.decode(in);
        int rc = in.readUnsignedShortLE();
        int seq = in.readUnsignedShortLE();
        byte[] p = new byte[in.readableBytes()];
        in.readBytes(p);
        return new ScpResponse(h, rc, seq, p);
    }

    /** A reply carrying the given words (LE) followed by data. */
    public static ScpResponse of(SdpHeader header, ScpResult rc, int seq, int[] words, byte[] data) {
        byte[] p = new byte[words.length * 4 + data.length];
        for (int i = 0; i < words.length; i++) {
            int w = words[i];
            p[4 * i] = (byte) w;
            p[4 * i + 1] = (byte) (w >>> 8);
            p[4 * i + 2] = (byte) (w >>> 16);
            p[4 * i + 3] = (byte) (w >>> 24);
        }
        System.arraycopy(data, 0, p, words.length * 4, data.length);
        return new ScpResponse(header, rc.code, seq, p);
    }

    /** The i-th little-endian word of the payload (arg1 is word 0). */
    public int word(String what, int i) {
        requirePayload(what, 4 * i + 4);
        int o = 4 * i;
        return (payload[o] & 0xFF) | (payload[o + 1] & 0xFF) << 8 | (payload[o + 2] & 0xFF) << 16
                | (payload[o + 3] & 0xFF) << 24;
    }

    /** Checks the payload holds at least {@code bytes} bytes. */
    public void requirePayload(String what, int bytes) {
        if (payload.length < bytes) {
            throw new MalformedPacketException(what + " reply", MIN_UDP_LENGTH + payload.length,
                    bytes - payload.length, 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScpResponse r && header.equals(r.header) && result == r.result
                && seq == r.seq && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + result * 7 + seq + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ScpResponse[" + ScpResult.nameOf(result) + " seq=" + seq + " from " + header.src()
                + " payload=" + payload.length + " bytes]";
    }
}
