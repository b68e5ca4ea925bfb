package org.engram.spinnaker.eieio;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * An EIEIO data packet.
 *
 * <pre>
 * header u16 LE: [15] P key prefix present | [14] F prefix applies to the upper half
 *                | [13] D payload prefix present | [12] T payloads are timestamps
 *                | [11:10] type | [9:8] tag | [7:0] count
 * then: key prefix u16 (if P), payload prefix u16 or u32 by type (if D),
 *       count × (key, payload if the type has one), 16 or 32 bits each
 * </pre>
 *
 * Example, LivePacketGather's default (KEY_32, payload prefix = timestamp): {@code count, 0x38,
 * u32 time, count × u32 key}.
 *
 * @param keyPrefix the 16-bit key prefix, or -1 for none
 * @param payloadPrefix the payload prefix (16 or 32 bits by type), or -1 for none
 * @param keys 0–255 keys
 * @param payloads one per key if the type has payloads, else empty
 */
public record EieioDataMessage(EieioType type, int tag, boolean prefixUpper, boolean timestamps,
        int keyPrefix, long payloadPrefix, int[] keys, int[] payloads) {
    public static final int MAX_COUNT = 255;

    public EieioDataMessage {
        if (tag < 0 || tag > 3) {
            throw new IllegalArgumentException("EIEIO: tag " + tag + " outside 0..3");
        }
        if (keys.length > MAX_COUNT) {
            throw new IllegalArgumentException("EIEIO: " + keys.length + " keys exceed " + MAX_COUNT);
        }
        if (payloads.length != (type.hasPayload ? keys.length : 0)) {
            throw new IllegalArgumentException("EIEIO: " + type + " needs "
                    + (type.hasPayload ? keys.length : 0) + " payloads, got " + payloads.length);
        }
        if (keyPrefix < -1 || keyPrefix > 0xFFFF) {
            throw new IllegalArgumentException("EIEIO: key prefix " + keyPrefix + " outside 0..65535");
        }
        if (payloadPrefix < -1 || payloadPrefix > (type.keyBytes == 2 ? 0xFFFFL : 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("EIEIO: payload prefix " + payloadPrefix + " too large");
        }
        if (type.keyBytes == 2) {
            for (int k : keys) {
                if ((k & ~0xFFFF) != 0) {
                    throw new IllegalArgumentException("EIEIO: key 0x" + Integer.toHexString(k)
                            + " does not fit in 16 bits");
                }
            }
        }
    }

    /** Plain keys, no prefixes. */
    public static EieioDataMessage keys(EieioType type, int... keys) {
        return new EieioDataMessage(type, 0, false, false, -1, -1, keys, new int[0]);
    }

    public int headerWord() {
        return keys.length | tag << 8 | type.ordinal() << 10 | (timestamps ? 1 << 12 : 0)
                | (payloadPrefix >= 0 ? 1 << 13 : 0) | (prefixUpper ? 1 << 14 : 0)
                | (keyPrefix >= 0 ? 1 << 15 : 0);
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(headerWord());
        if (keyPrefix >= 0) {
            out.writeShortLE(keyPrefix);
        }
        if (payloadPrefix >= 0) {
            writeValue(out, (int) payloadPrefix);
        }
        for (int i = 0; i < keys.length; i++) {
            writeValue(out, keys[i]);
            if (type.hasPayload) {
                writeValue(out, payloads[i]);
            }
        }
    }

    private void writeValue(ByteBuf out, int v) {
        if (type.keyBytes == 2) {
            out.writeShortLE(v);
        } else {
            out.writeIntLE(v);
        }
    }

    /** Reads a data packet; the header must not be a command header. */
    public static EieioDataMessage decode(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            throw new MalformedPacketException("EIEIO header", start, 2, in.readableBytes());
        }
        int h = in.readUnsignedShortLE();
        if ((h >>> 14) == 1) {
            throw new MalformedPacketException("EIEIO data", start, "header 0x"
                    + Integer.toHexString(h) + " is a command packet");
        }
        EieioType type = EieioType.values()[(h >>> 10) & 3];
        int count = h & 0xFF;
        boolean p = (h & 1 << 15) != 0;
        boolean d = (h & 1 << 13) != 0;
        int need = (p ? 2 : 0) + (d ? type.keyBytes : 0) + count * type.elementBytes();
        if (in.readableBytes() < need) {
            throw new MalformedPacketException("EIEIO data (" + type + ", " + count + " keys)",
                    in.readerIndex(), need, in.readableBytes());
        }
        int keyPrefix = p ? in.readUnsignedShortLE() : -1;
        long payloadPrefix = d ? readValue(in, type) & 0xFFFF_FFFFL : -1;
        int[] keys = new int[count];
        int[] payloads = new int[type.hasPayload ? count : 0];
        for (int i = 0; i < count; i++) {
            keys[i] = readValue(in, type);
            if (type.hasPayload) {
                payloads[i] = readValue(in, type);
            }
        }
        return new EieioDataMessage(type, (h >>> 8) & 3, (h & 1 << 14) != 0, (h & 1 << 12) != 0,
                keyPrefix, payloadPrefix, keys, payloads);
    }

    private static int readValue(ByteBuf in, EieioType type) {
        return type.keyBytes == 2 ? in.readUnsignedShortLE() : in.readIntLE();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EieioDataMessage m && type == m.type && tag == m.tag
                && prefixUpper == m.prefixUpper && timestamps == m.timestamps
                && keyPrefix == m.keyPrefix && payloadPrefix == m.payloadPrefix
                && Arrays.equals(keys, m.keys) && Arrays.equals(payloads, m.payloads);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(keys) + 7 * Arrays.hashCode(payloads);
    }

    @Override
    public String toString() {
        return "EieioDataMessage[" + type + " tag=" + tag + " keys=" + Arrays.toString(keys) + "]";
    }
}
