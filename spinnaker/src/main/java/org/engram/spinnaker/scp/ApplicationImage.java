package org.engram.spinnaker.scp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image of an Engram application as CMD_AR, CMD_AS, CMD_APP_COPY_RUN and flood fills load
 * it: a 32-byte header naming the application, then its bytes, padded to whole words. The
 * emulator runs the Java application registered under the name on the cores that start it; a
 * board cannot run it (it is not an APLX file).
 *
 * <pre>
 * off 0   "ENGR"       magic
 * off 4   identifier   1–28 printable ASCII characters, NUL-padded to 28 bytes
 * off 32  body         any bytes; the image is padded with zeros to a multiple of 4
 * </pre>
 *
 * <p>An APLX file (what SARK's loader runs on a board: a table of 16-byte entries, each an opcode
 * and three operands, ended by an unknown opcode) carries the same header by starting with one
 * more entry, a relative copy ({@link #APLX_RCOPY}) of exactly 32 bytes whose source is the
 * header (the operand is the header's offset from the entry's start; {@link #headerOffset}). On a
 * board the copy lands in ITCM, which the application's own table then overwrites.
 *
 * @param identifier the application's name, e.g. {@code engram.lif}
 * @param body what follows the header (not copied)
 */
public record ApplicationImage(String identifier, byte[] body) {
    public static final int HEADER_SIZE = 32;
    /** SARK's APLX_RCOPY: copy {@code length} bytes from {@code source} (relative to the entry) to {@code destination}. */
    public static final int APLX_RCOPY = 2;
    /** Bytes of an APLX table entry: opcode, destination, source, length (little-endian words). */
    public static final int APLX_ENTRY_SIZE = 16;
    public static final int MAX_IDENTIFIER = HEADER_SIZE - 4;
    private static final byte[] MAGIC = {'E', 'N', 'G', 'R'};

    public ApplicationImage {
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER
                || !identifier.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("application identifier '" + identifier
                    + "': expected 1.." + MAX_IDENTIFIER + " printable ASCII characters without spaces");
        }
    }

    /** Header, body and zero padding to a whole number of words. */
    public byte[] encode() {
        byte[] out = new byte[(HEADER_SIZE + body.length + 3) / 4 * 4];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        byte[] id = identifier.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, out, MAGIC.length, id.length);
        System.arraycopy(body, 0, out, HEADER_SIZE, body.length);
        return out;
    }

    /**
     * Where the 32-byte header lies in an image whose first 16 bytes are given: 0 if they start
     * with the magic, the copy's source if they are an APLX relative copy of 32 bytes from a
     * word-aligned place past the entry; -1 otherwise.
     */
    public static long headerOffset(byte[] first) {
        if (first.length >= MAGIC.length && Arrays.equals(first, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return 0;
        }
        if (first.length < APLX_ENTRY_SIZE) {
            return -1;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(first).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long source = Integer.toUnsignedLong(b.getInt(8));
        boolean copy = b.getInt(0) == APLX_RCOPY && b.getInt(12) == HEADER_SIZE;
        return copy && source >= APLX_ENTRY_SIZE && source % 4 == 0 ? source : -1;
    }

    /**
     * The identifier in an image's first 32 bytes, or empty if they are not an Engram header
     * (another binary, or too few bytes).
     */
    public static Optional<String> identifierOf(byte[] header) {
        if (header.length < HEADER_SIZE || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        int end = MAGIC.length;
        while (end < HEADER_SIZE && header[end] != 0) {
            end++;
        }
        String id = new String(header, MAGIC.length, end - MAGIC.length, StandardCharsets.US_ASCII);
        try {
            return Optional.of(new ApplicationImage(id, new byte[0]).identifier());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
