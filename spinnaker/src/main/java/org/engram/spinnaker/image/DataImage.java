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
 *    392     ...      the input regions' words, in region order, no gaps; then the space of the
 *                     output regions, in region order
 * </pre>
 *
 * An input region is written by the host and checked by its checksum. An output region (the
 * recordings) is space the core fills: the host reserves it but writes nothing there, so the
 * bytes loaded are the header and the input regions only; its table entry has bit 31 of
 * {@code n_words} set (as sPyNNaker's recording header marks its channels) and checksum 0.
 *
 * <p>The image's address is what the loader writes to the core's {@code user0}, so a core finds
 * its image, and each region through the table, from that one word.
 *
 * @param baseAddress where the image lies (its header's first byte)
 * @param regions the regions by region number; {@code null} where a region is absent
 */
public record DataImage(long baseAddress, List<Region> regions) {
    public static final int MAGIC = 0xAD130AD6;
    public static final int VERSION = 0x0001_0000;
    public static final int MAX_REGIONS = 32;
    public static final int HEADER_BYTES = 8 + MAX_REGIONS * 12;
    /** The bit of {@code n_words} that marks an output region. */
    public static final int OUTPUT_FLAG = 0x8000_0000;

    /**
     * One region: the words the host writes ({@code words}), or {@code outputWords} of space the
     * core fills ({@code words} null).
     */
    public record Region(int[] words, int outputWords) {
        public Region {
            if (words != null ? outputWords != 0 : outputWords <= 0) {
                throw new IllegalArgumentException("a region is either input words or a positive output size");
            }
            words = words == null ? null : words.clone();
        }

        public static Region input(int... words) {
            return new Region(words, 0);
        }

        public static Region output(int words) {
            return new Region(null, words);
        }

        public boolean isOutput() {
            return words == null;
        }

        /** The words a core sees there: the written ones, or the size of the output space. */
        public int sizeWords() {
            return words == null ? outputWords : words.length;
        }

        @Override
        public int[] words() {
            return words == null ? null : words.clone();
        }
    }

    public DataImage {
        if (baseAddress < 0 || baseAddress > 0xFFFF_FFFFL || (baseAddress & 3) != 0) {
            throw new IllegalArgumentException("image address 0x" + Long.toHexString(baseAddress)
                    + ": expected a word-aligned 32-bit address");
        }
        if (regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException(regions.size() + " regions; an image holds at most " + MAX_REGIONS);
        }
        regions = java.util.Collections.unmodifiableList(new ArrayList<>(regions));
    }

    /** Region {@code k}, or {@code null} when the image has no such region. */
    public Region region(int k) {
        return k < regions.size() ? regions.get(k) : null;
    }

    /** The bytes the image occupies: header, input regions and output space. */
    public long sizeBytes() {
        long words = 0;
        for (Region r : regions) {
            words += r == null ? 0 : r.sizeWords();
        }
        return HEADER_BYTES + 4 * words;
    }

    /** The address of region {@code k} (0 when absent): input regions first, then output space. */
    public long regionAddress(int k) {
        Region target = region(k);
        if (target == null) {
            return 0;
        }
        long offset = HEADER_BYTES;
        for (int pass = 0; pass < 2; pass++) {
            boolean outputs = pass == 1;
            for (int j = 0; j < regions.size(); j++) {
                Region r = regions.get(j);
                if (r == null || r.isOutput() != outputs) {
                    continue;
                }
                if (j == k) {
                    return baseAddress + offset;
                }
                offset += 4L * r.sizeWords();
            }
        }
        throw new AssertionError("region " + k + " not found");
    }

    /** The sum of a region's words modulo 2^32, as the data specification's checksum. */
    public static int checksum(int[] words) {
        int sum = 0;
        for (int w : words) {
            sum += w;
        }
        return sum;
    }

    /** How many bytes {@link #toBytes} gives: the header and the input regions. */
    public long writtenBytes() {
        long written = HEADER_BYTES;
        for (Region r : regions) {
            written += r == null || r.isOutput() ? 0 : 4L * r.sizeWords();
        }
        return written;
    }

    /** What the host writes at {@link #baseAddress}: the header and the input regions. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(writtenBytes())).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION);
        for (int k = 0; k < MAX_REGIONS; k++) {
            Region r = region(k);
            if (r == null) {
                b.putInt(0).putInt(0).putInt(0);
            } else {
                b.putInt((int) regionAddress(k)).putInt(r.isOutput() ? 0 : checksum(r.words))
                        .putInt(r.isOutput() ? OUTPUT_FLAG | r.outputWords : r.words.length);
            }
        }
        for (Region r : regions) {
            if (r != null && !r.isOutput()) {
                for (int w : r.words) {
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
     * allocation, and every input region's checksum. Output regions are not read (their size is).
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
        List<Region> regions = new ArrayList<>(Arrays.asList(new Region[last + 1]));
        for (int k = 0; k <= last; k++) {
            long pointer = table[k][0] & 0xFFFF_FFFFL;
            boolean output = (table[k][2] & OUTPUT_FLAG) != 0;
            long words = table[k][2] & ~OUTPUT_FLAG;
            if (pointer == 0) {
                continue;
            }
            if (pointer < address + HEADER_BYTES || pointer + 4 * words > address + limitBytes || (pointer & 3) != 0
                    || (output && words == 0)) {
                throw new MalformedImageException(address, String.format(
                        "region %d at 0x%08X with %d words lies outside the image's %d bytes", k, pointer, words,
                        limitBytes));
            }
            if (output) {
                regions.set(k, Region.output((int) words));
                continue;
            }
            ByteBuffer r = ByteBuffer.wrap(memory.read(pointer, (int) (4 * words))).order(ByteOrder.LITTLE_ENDIAN);
            int[] w = new int[(int) words];
            r.asIntBuffer().get(w);
            if (checksum(w) != table[k][1]) {
                throw new MalformedImageException(address, String.format(
                        "region %d checksum 0x%08X; its words sum to 0x%08X", k, table[k][1], checksum(w)));
            }
            regions.set(k, Region.input(w));
        }
        DataImage image = new DataImage(address, regions);
        for (int k = 0; k <= last; k++) {
            if (image.region(k) != null && image.regionAddress(k) != (table[k][0] & 0xFFFF_FFFFL)) {
                throw new MalformedImageException(address, String.format(
                        "region %d at 0x%08X; the regions before it place it at 0x%08X", k, table[k][0],
                        image.regionAddress(k)));
            }
        }
        return image;
    }
}
