package org.engram.spinnaker.scp;

/**
 * SCAMP's {@code rtr_entry_t} (16 bytes, little-endian), the layout both of a CMD_RTR LOAD buffer
 * and of SCAMP's copy of the multicast table at {@code sv->rtr_copy}.
 *
 * <pre>
 * off 0  next  u16   LOAD: entry number (added to the load's offset); copy: the router-entry
 *                    allocator's "next block" link (block heads only)
 * off 2  free  u16   LOAD: unused (but the first entry's count when the load's count is 0);
 *                    copy: 0x8000 | virtual core &lt;&lt; 8 | app id for an entry that was set
 *                    ({@code rtr_mc_set}), the allocator's "next free block" for a free block head
 * off 4  route u32   bits 0–5 links E … S, bits 6–23 virtual cores 0–17; a cleared copy entry
 *                    holds 0xFF000000
 * off 8  key   u32   0xFFFFFFFF when cleared
 * off 12 mask  u32   0 when cleared
 * </pre>
 *
 * The copy has 1025 entries: the 1024 of the table and one that ends the allocator's list.
 * SpiNNMan reads an entry as {@code <2xBxIII} (the app id is the low byte of {@code free}) and
 * skips entries whose route is 0xFF000000 or more.
 */
public record RouterEntry(int next, int free, int route, int key, int mask) {
    public static final int SIZE = 16;
    /** {@code free} of a set copy entry and of an allocated block head. */
    public static final int FREE_IN_USE = 0x8000;
    /** Route of a cleared copy entry. */
    public static final int CLEARED_ROUTE = 0xFF00_0000;
    /** The route field proper; the bits above are the app id when a host passes one in. */
    public static final int ROUTE_BITS = 0x00FF_FFFF;

    /** The copy entry {@code rtr_mc_set} writes: SCAMP (virtual core 0) sets every entry. */
    public static RouterEntry set(int next, int key, int mask, int route, int appId) {
        return new RouterEntry(next, FREE_IN_USE | (appId & 0xFF), route & ROUTE_BITS, key, mask);
    }

    /** The owning app id of a set copy entry: the low byte of {@code free}. */
    public int appId() {
        return free & 0xFF;
    }

    /** Whether SpiNNMan would skip this copy entry as unused. */
    public boolean isCleared() {
        return Integer.compareUnsigned(route, CLEARED_ROUTE) >= 0;
    }

    public void encode(byte[] b, int off) {
        putU16(b, off, next);
        putU16(b, off + 2, free);
        putU32(b, off + 4, route);
        putU32(b, off + 8, key);
        putU32(b, off + 12, mask);
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        encode(b, 0);
        return b;
    }

    /** The entry at {@code off}; the caller has checked that 16 bytes are there. */
    public static RouterEntry decode(byte[] b, int off) {
        return new RouterEntry(getU16(b, off), getU16(b, off + 2), getU32(b, off + 4), getU32(b, off + 8),
                getU32(b, off + 12));
    }

    private static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    private static void putU32(byte[] b, int off, int v) {
        putU16(b, off, v);
        putU16(b, off + 2, v >>> 16);
    }

    private static int getU16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static int getU32(byte[] b, int off) {
        return getU16(b, off) | getU16(b, off + 2) << 16;
    }
}
