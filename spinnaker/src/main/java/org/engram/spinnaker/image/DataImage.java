package org.engram.spinnaker.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One core's data image in SDRAM, in the layout of sPyNNaker's data specification: a header, then
 * the regions one after another, each a whole number of little-endian 32-bit words.
 *
 * <pre>
 * offset  size        field
 *      0     4        magic 0xAD130AD6
 *      4     4        version 0x00010000
 *      8  32 x 12     region table: per region {pointer (absolute address, 0 if absent),
 *                     checksum (sum of its words, modulo 2^32), n_words}
 *    392     ...      region 0's words, region 1's words, ... (in region order, no gaps)
 * </pre>
 *
 * The image's address is what the loader writes to the core's {@code user0}, so a core finds its
 * image, and each region through the table, from that one word.
 *
 * @param baseAddress where the image lies (its header's first byte)
 * @param regions the regions' words by region number; {@code null} where a region is absent
 */
public record DataImage(long baseAddress, List<int[]> regions) {
    public static final int MAGIC = 0xAD130AD6;
    public static final int VERSION = 0x0001_0000;
    public static final int MAX_REGIONS = 32;
    public static final int HEADER_BYTES = 8 + MAX_REGIONS * 12;

    public DataImage {
        if (baseAddress < 0 || baseAddress > 0xFFFF_FFFFL || (baseAddress & 3) != 0) {
            throw new IllegalArgumentException("image address 0x" + Long.toHexString(baseAddress)
                    + ": expected a word-aligned 32-bit address");
        }
        if (regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException(regions.size() + " regions; an image holds at most " + MAX_REGIONS);
        }
        List<int[]> copy = new ArrayList<>(regions.size());
        for (int[] r : regions) {
            copy.add(r == null ? null : r.clone());
        }
        regions = java.util.Collections.unmodifiableList(copy);
    }

    /** Region {@code k}'s words (a copy), or {@code null} when the image has no such region. */
    public int[] region(int k) {
        return k < regions.size() && regions.get(k) != null ? regions.get(k).clone() : null;
    }

    /** The image's size in bytes, header included. */
    public int sizeBytes() {
        long words = 0;
        for (int[] r : regions) {
            words += r == null ? 0 : r.length;
        }
        return Math.toIntExact(HEADER_BYTES + 4 * words);
    }

    /** The address of region {@code k} (0 when absent). */
    public long regionAddress(int k) {
        if (k >= regions.size() || regions.get(k) == null) {
            return 0;
        }
        long offset = HEADER_BYTES;
        for (int j = 0; j < k; j++) {
            offset += regions.get(j) == null ? 0 : 4L * regions.get(j).length;
        }
        return baseAddress + offset;
    }

    /** The sum of a region's words modulo 2^32, as the data specification's checksum. */
    public static int checksum(int[] words) {
        int sum = 0;
        for (int w : words) {
            sum += w;
        }
        return sum;
    }

    /** The image as it lies in memory. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(sizeBytes()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION);
        for (int k = 0; k < MAX_REGIONS; k++) {
            int[] r = k < regions.size() ? regions.get(k) : null;
            b.putInt(r == null ? 0 : (int) regionAddress(k)).putInt(r == null ? 0 : checksum(r))
                    .putInt(r == null ? 0 : r.length);
        }
        for (int[] r : regions) {
            if (r != null) {
                for (int w : r) {
                    b.putInt(w);
                }
            }
        }
        return b.array();
    }

    /** Reads memory: {@code length} bytes at {@code address}. */
    @FunctionalInterface
    public interface Memory {
        byte[] read(long address, int length);
    }

    /**
     * Reads an image back from memory through its header, as a core does from its {@code user0}:
     * checks the magic, the version, that every region lies inside {@code limitBytes} of the image's
     * allocation, and every region's checksum.
     *
     * @param limitBytes the size of the block the image was written to; no region may reach past it
     */
    public static DataImage read(Memory memory, long address, long limitBytes) {
        if (limitBytes < HEADER_BYTES) {
            throw new MalformedImageException(address, "the block of " + limitBytes + " bytes cannot hold the "
                    + HEADER_BYTES + "-byte header");
        }
        ByteBuffer h = ByteBuffer.wrap(memory.read(address, HEADER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = h.getInt();
        if (magic != MAGIC) {
            throw new MalformedImageException(address, String.format("magic 0x%08X; expected 0x%08X", magic, MAGIC));
        }
        int version = h.getInt();
        if (version != VERSION) {
            throw new MalformedImageException(address, String.format("version 0x%08X; this reader reads 0x%08X",
                    version, VERSION));
        }
        int[][] table = new int[MAX_REGIONS][3];
        int last = -1;
        for (int k = 0; k < MAX_REGIONS; k++) {
            table[k][0] = h.getInt();
            table[k][1] = h.getInt();
            table[k][2] = h.getInt();
            if (table[k][0] != 0) {
                last = k;
            }
        }
        List<int[]> regions = new ArrayList<>(Arrays.asList(new int[last + 1][]));
        for (int k = 0; k <= last; k++) {
            long pointer = table[k][0] & 0xFFFF_FFFFL;
            long words = table[k][2] & 0xFFFF_FFFFL;
            if (pointer == 0) {
                continue;
            }
            if (pointer < address + HEADER_BYTES || pointer + 4 * words > address + limitBytes || (pointer & 3) != 0) {
                throw new MalformedImageException(address, String.format(
                        "region %d at 0x%08X with %d words lies outside the image's %d bytes", k, pointer, words,
                        limitBytes));
            }
            ByteBuffer r = ByteBuffer.wrap(memory.read(pointer, (int) (4 * words))).order(ByteOrder.LITTLE_ENDIAN);
            int[] w = new int[(int) words];
            r.asIntBuffer().get(w);
            if (checksum(w) != table[k][1]) {
                throw new MalformedImageException(address, String.format(
                        "region %d checksum 0x%08X; its words sum to 0x%08X", k, table[k][1], checksum(w)));
            }
            regions.set(k, w);
        }
        return new DataImage(address, regions);
    }
}
