package org.engram.spinnaker.machine;

import java.util.Optional;

/**
 * The memory of one SpiNNaker chip as SCAMP's READ, WRITE and FILL reach it. Each region has a
 * buffered and an unbuffered alias that address the same bytes.
 *
 * <pre>
 * 0x60000000 – 0x67FFFFFF  SDRAM, 128 MiB (0x70000000 unbuffered); system area from 0x67800000
 * 0xE1000000 – 0xE1017FFF  router: MC route RAM +0x4000, key +0x8000, mask +0xC000,
 *                          P2P table +0x10000 (0xF1000000 unbuffered)
 * 0xE5000000 – 0xE5007FFF  System RAM, 32 KiB: VCPU blocks at +0x7000, SV struct at +0x7F00
 *                          (0xF5000000 unbuffered)
 * </pre>
 */
public enum MemoryRegion {
    SDRAM(0x6000_0000L, 0x7000_0000L, 128L << 20),
    ROUTER(0xE100_0000L, 0xF100_0000L, 0x18000L),
    SYSRAM(0xE500_0000L, 0xF500_0000L, 32L << 10);

    /** The system variables (sv_t, 256 bytes), as hosts address them. */
    public static final long SV_BASE = 0xF500_7F00L;
    /** Size of the sv_t struct. */
    public static final int SV_SIZE = 256;
    /** First VCPU block (vcpu_t, 128 bytes per virtual core). */
    public static final long VCPU_BASE = 0xE500_7000L;
    /** Size of one vcpu_t. */
    public static final int VCPU_SIZE = 128;
    /** Start of the 8 MiB system SDRAM area (sv->sdram_sys), used as a load buffer by hosts. */
    public static final long SDRAM_SYS = 0x6780_0000L;
    /** The router's P2P table: 3 bits per destination, one 128-byte column per x. */
    public static final long P2P_TABLE = 0xE101_0000L;
    /** Number of multicast routing entries. */
    public static final int MC_TABLE_SIZE = 1024;

    private final long buffered;
    private final long unbuffered;
    private final long sizeBytes;

    MemoryRegion(long buffered, long unbuffered, long sizeBytes) {
        this.buffered = buffered;
        this.unbuffered = unbuffered;
        this.sizeBytes = sizeBytes;
    }

    public long base() {
        return buffered;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * The region holding all of {@code [address, address + length)} through one alias, and the
     * offset of {@code address} within it; empty if the range is not inside one region.
     */
    public static Optional<Located> locate(long address, long length) {
        if (address < 0 || length < 0 || address > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        for (MemoryRegion r : values()) {
            for (long base : new long[] {r.buffered, r.unbuffered}) {
                if (address >= base && address - base + length <= r.sizeBytes) {
                    return Optional.of(new Located(r, address - base));
                }
            }
        }
        return Optional.empty();
    }

    /** A valid address range: its region and the offset of its first byte in the region. */
    public record Located(MemoryRegion region, long offset) {}

    /** A one-line description of the valid ranges, for error messages. */
    public static String describe() {
        return "SDRAM 0x60000000-0x67FFFFFF (or 0x70000000-0x77FFFFFF), router 0xE1000000-0xE1017FFF,"
                + " System RAM 0xE5000000-0xE5007FFF (or 0xF5000000-0xF5007FFF)";
    }
}
