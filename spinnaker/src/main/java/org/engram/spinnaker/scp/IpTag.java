package org.engram.spinnaker.scp;

import java.util.Arrays;

/**
 * One entry of SCAMP's IP tag table ({@code iptag_t}, 32 bytes), as CMD_IPTAG GET returns it.
 *
 * <pre>
 * off 0  ip[4]      off 4  mac[6]     off 10 tx_port u16   off 12 timeout u16
 * off 14 flags u16  off 16 count u32  off 20 rx_port u16   off 22 dest_addr u16
 * off 24 dest_port u8               off 25 pad[7]
 * flags: VALID 0x8000, TRANS 0x4000, ARP 0x2000, STRIP 0x0100, REVERSE 0x0200
 * </pre>
 */
public record IpTag(int tag, byte[] ip, byte[] mac, int txPort, int timeout, int flags, long count,
        int rxPort, int destAddress, int destPort) {
    public static final int SIZE = 32;
    public static final int FLAG_VALID = 0x8000;
    public static final int FLAG_TRANSIENT = 0x4000;
    public static final int FLAG_ARP = 0x2000;
    public static final int FLAG_STRIP = 0x0100;
    public static final int FLAG_REVERSE = 0x0200;

    public boolean isValid() {
        return (flags & FLAG_VALID) != 0;
    }

    public boolean isReverse() {
        return (flags & FLAG_REVERSE) != 0;
    }

    public boolean isTransient() {
        return (flags & FLAG_TRANSIENT) != 0;
    }

    /** The 32 bytes of this entry. */
    public byte[] encode() {
        byte[] b = new byte[SIZE];
        System.arraycopy(ip, 0, b, 0, 4);
        System.arraycopy(mac, 0, b, 4, 6);
        putShort(b, 10, txPort);
        putShort(b, 12, timeout);
        putShort(b, 14, flags);
        putShort(b, 16, (int) count);
        putShort(b, 18, (int) (count >>> 16));
        putShort(b, 20, rxPort);
        putShort(b, 22, destAddress);
        b[24] = (byte) destPort;
        return b;
    }

    static IpTag decode(int tag, byte[] p, int o) {
        return new IpTag(tag, Arrays.copyOfRange(p, o, o + 4), Arrays.copyOfRange(p, o + 4, o + 10),
                getShort(p, o + 10), getShort(p, o + 12), getShort(p, o + 14),
                (getShort(p, o + 16) | (long) getShort(p, o + 18) << 16), getShort(p, o + 20),
                getShort(p, o + 22), p[o + 24] & 0xFF);
    }

    private static void putShort(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    private static int getShort(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    /** The IP address in dotted form. */
    public String ipString() {
        return (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + "." + (ip[3] & 0xFF);
    }
}
