package org.engram.spinnaker.sdp;

import io.netty.buffer.ByteBuf;
import org.engram.spinnaker.machine.ChipLocation;

/**
 * The 8-byte SDP header (SCAMP {@code sdp_msg_t} from {@code flags} to {@code srce_addr}).
 *
 * <pre>
 * byte 0  flags     bit7 REPLY_EXPECTED, bit6 SUM, bit5 NR; low bits 0b111 by convention
 * byte 1  tag       IP tag; 0xFF (TAG_NONE) from a host
 * byte 2  dest      [ P|P|P | C|C|C|C|C ]  port 7:5, CPU 4:0
 * byte 3  srce      [ P|P|P | C|C|C|C|C ]  0xFF = PORT_ETH (port 7, CPU 31)
 * byte 4  dest_y    dest_addr as a LE u16 (x·256 + y), so y first
 * byte 5  dest_x
 * byte 6  srce_y
 * byte 7  srce_x
 * </pre>
 *
 * @param flags 0–255
 * @param tag 0–255
 * @param destPort 0–7
 * @param destCpu 0–31
 * @param srcPort 0–7
 * @param srcCpu 0–31
 * @param dest destination chip
 * @param src source chip
 */
public record SdpHeader(int flags, int tag, int destPort, int destCpu, int srcPort, int srcCpu,
        ChipLocation dest, ChipLocation src) {
    /** Header size in bytes. */
    public static final int SIZE = 8;
    /** Bytes of zero padding before the header in a UDP payload. */
    public static final int UDP_PADDING = 2;
    /** Flag: the sender expects a reply. */
    public static final int FLAG_REPLY_EXPECTED = 0x80;
    /** The conventional low flag bits. */
    public static final int FLAGS_BASE = 0x07;
    /** Tag meaning "no tag" (the monitor allocates a transient one for the reply). */
    public static final int TAG_NONE = 0xFF;
    /** Port/CPU of the host side of an Ethernet connection. */
    public static final int PORT_ETH = 7;
    public static final int CPU_ETH = 31;

    public SdpHeader {
        checkRange("flags", flags, 0xFF);
        checkRange("tag", tag, 0xFF);
        checkRange("dest port", destPort, 7);
        checkRange("dest CPU", destCpu, 31);
        checkRange("source port", srcPort, 7);
        checkRange("source CPU", srcCpu, 31);
        if (dest == null || src == null) {
            throw new IllegalArgumentException("SDP header: chip must not be null");
        }
    }

    /** A host request to port 0 of a core: flags 0x87 or 0x07, tag 0xFF, source PORT_ETH. */
    public static SdpHeader fromHost(ChipLocation chip, int cpu, boolean replyExpected) {
        return new SdpHeader(replyExpected ? FLAG_REPLY_EXPECTED | FLAGS_BASE : FLAGS_BASE,
                TAG_NONE, 0, cpu, PORT_ETH, CPU_ETH, chip, ChipLocation.ZERO);
    }

    public boolean replyExpected() {
        return (flags & FLAG_REPLY_EXPECTED) != 0;
    }

    /**
     * SCAMP's reply header ({@code swap_sdp_hdr}): source and destination swapped, the source
     * chip replaced by the answering chip, REPLY_EXPECTED cleared.
     */
    public SdpHeader reply(ChipLocation answeringChip) {
        return new SdpHeader(flags & ~FLAG_REPLY_EXPECTED, tag, srcPort, srcCpu, destPort, destCpu,
                src, answeringChip);
    }

    /** Writes the 8 header bytes; never changes this header. */
    public void encode(ByteBuf out) {
        out.writeByte(flags);
        out.writeByte(tag);
        out.writeByte(destPort << 5 | destCpu);
        out.writeByte(srcPort << 5 | srcCpu);
        out.writeByte(dest.y());
        out.writeByte(dest.x());
        out.writeByte(src.y());
        out.writeByte(src.x());
    }

    /** Reads 8 header bytes. */
    public static SdpHeader decode(ByteBuf in) {
        if (in.readableBytes() < SIZE) {
            throw new MalformedPacketException("SDP header", in.readerIndex(), SIZE, in.readableBytes());
        }
        int flags = in.readUnsignedByte();
        int tag = in.readUnsignedByte();
        int dest = in.readUnsignedByte();
        int src = in.readUnsignedByte();
        int dy = in.readUnsignedByte();
        int dx = in.readUnsignedByte();
        int sy = in.readUnsignedByte();
        int sx = in.readUnsignedByte();
        return new SdpHeader(flags, tag, dest >>> 5, dest & 0x1F, src >>> 5, src & 0x1F,
                new ChipLocation(dx, dy), new ChipLocation(sx, sy));
    }

    /** Writes the two zero padding bytes that precede the header in a UDP payload. */
    public static void writeUdpPadding(ByteBuf out) {
        out.writeShortLE(0);
    }

    /** Skips the two padding bytes of a UDP payload (their value is not checked, as in SCAMP). */
    public static void skipUdpPadding(ByteBuf in) {
        if (in.readableBytes() < UDP_PADDING) {
            throw new MalformedPacketException("SDP padding", in.readerIndex(), UDP_PADDING,
                    in.readableBytes());
        }
        in.skipBytes(UDP_PADDING);
    }

    private static void checkRange(String field, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("SDP header: " + field + " " + v + " outside 0.." + max);
        }
    }
}
