package org.engram.simulator.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for a two-dimensional array of little-endian float64
 * in C order (row after row), as {@code numpy.load} reads it:
 * <pre>
 * offset 0   6 bytes   magic "\x93NUMPY"
 *        6   2 bytes   version 1, 0
 *        8   2 bytes   header length (little-endian): {@value #HEADER_BYTES} - 10
 *       10             {'descr': '&lt;f8', 'fortran_order': False, 'shape': (ROWS, COLUMNS), }
 *                      padded with spaces to {@value #HEADER_BYTES} bytes in all, ending in '\n'
 *  {@value #HEADER_BYTES}            the values, 8 bytes each, row after row
 * </pre>
 * The header has a fixed size, so that a file written as a run goes can state its row count at the
 * end without moving the data.
 */
final class Npy {
    /** The whole header, magic included: a multiple of 64, as NumPy aligns it. */
    static final int HEADER_BYTES = 128;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DICT = Pattern.compile("\\{'descr': '([^']*)', 'fortran_order': (True|False), "
            + "'shape': \\((\\d+), (\\d+)\\), }\\s*");

    private Npy() {}

    /** The shape of a file's array: rows by columns. */
    record Shape(long rows, int columns) {
        long valueOffset(long row, int column) {
            return HEADER_BYTES + (row * columns + column) * Double.BYTES;
        }
    }

    /** The header of an array of {@code rows} by {@code columns} float64. */
    static ByteBuffer header(long rows, int columns) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        StringBuilder text = new StringBuilder(dict);
        while (text.length() < HEADER_BYTES - 10 - 1) {
            text.append(' ');
        }
        text.append('\n');
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) (HEADER_BYTES - 10));
        b.put(text.toString().getBytes(StandardCharsets.US_ASCII));
        return b.flip();
    }

    /** Reads and checks the header of an array this class writes; errors name the file. */
    static Shape readHeader(FileChannel in, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && in.read(b, b.position()) > 0) {
            // read until the header is complete or the file ends
        }
        if (b.position() < HEADER_BYTES) {
            throw new RecordingFormatException(file + ": " + b.position() + " bytes; a .npy header takes "
                    + HEADER_BYTES);
        }
        b.flip();
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || b.get() != 1 || b.get() != 0
                || b.getShort() != HEADER_BYTES - 10) {
            throw new RecordingFormatException(file + ": not a NumPy .npy file of version 1.0 with a "
                    + HEADER_BYTES + "-byte header");
        }
        byte[] text = new byte[HEADER_BYTES - 10];
        b.get(text);
        Matcher m = DICT.matcher(new String(text, StandardCharsets.US_ASCII));
        if (!m.matches() || !m.group(1).equals("<f8") || !m.group(2).equals("False")) {
            throw new RecordingFormatException(file + ": expected a C-order array of '<f8' (float64), rows by columns");
        }
        long rows = Long.parseLong(m.group(3));
        long columns = Long.parseLong(m.group(4));
        if (columns < 1 || columns > Integer.MAX_VALUE || rows > (Long.MAX_VALUE - HEADER_BYTES) / 8 / columns
                || in.size() < HEADER_BYTES + rows * columns * 8) {
            throw new RecordingFormatException(file + ": the header's shape (" + rows + ", " + columns
                    + ") needs " + (HEADER_BYTES + rows * columns * 8) + " bytes; the file has " + in.size());
        }
        return new Shape(rows, (int) columns);
    }
}
