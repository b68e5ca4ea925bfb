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
 * @param identifier the application's name, e.g. {@code engram.lif}
 * @param body what follows the header (not copied)
 */
public record ApplicationImage(String identifier, byte[] body) {
    public static final int HEADER_SIZE = 32;
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
