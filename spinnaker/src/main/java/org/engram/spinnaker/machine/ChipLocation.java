package org.engram.spinnaker.machine;

/**
 * A chip's coordinates. On the wire a chip is a P2P address {@code x << 8 | y}, written as a
 * little-endian u16, so the y byte comes first.
 *
 * @param x column, 0–255
 * @param y row, 0–255
 */
public record ChipLocation(int x, int y) implements Comparable<ChipLocation> {
    /** The address SCAMP maps to the root chip of the machine that received the packet. */
    public static final ChipLocation ROOT_ALIAS = new ChipLocation(255, 255);
    /** The chip every board is booted from, and the Ethernet chip of a single board. */
    public static final ChipLocation ZERO = new ChipLocation(0, 0);

    public ChipLocation {
        if (x < 0 || x > 255 || y < 0 || y > 255) {
            throw new IllegalArgumentException(
                    "chip (" + x + "," + y + "): coordinates must be in 0..255");
        }
    }

    /** The P2P address {@code x << 8 | y}. */
    public int p2pAddress() {
        return x << 8 | y;
    }

    /** The chip at a P2P address {@code x << 8 | y} (only the low 16 bits are used). */
    public static ChipLocation ofP2pAddress(int address) {
        return new ChipLocation((address >>> 8) & 0xFF, address & 0xFF);
    }

    @Override
    public int compareTo(ChipLocation o) {
        return x != o.x ? Integer.compare(x, o.x) : Integer.compare(y, o.y);
    }

    @Override
    public String toString() {
        return "(" + x + "," + y + ")";
    }
}
