package org.engram.spinnaker.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Hex literals for byte-vector tests: "00 00 87 FF" → bytes. */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String hex) {
        String s = hex.replaceAll("\\s+", "");
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    public static byte[] toBytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        return b;
    }

    public static ByteBuf buf(byte[] b) {
        return Unpooled.wrappedBuffer(b);
    }

    public static String format(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString().trim();
    }
}
