package org.engram.models.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of the MNIST database, plain or gzip-compressed (told apart by the
 * first two bytes: gzip's {@code 1f 8b}, IDX's {@code 00 00}). All integers are big-endian:
 *
 * <pre>
 *   magic    4 bytes  00 00 08 dims   (08: unsigned bytes; dims: 3 for images, 1 for labels)
 *   sizes    dims x 4 bytes           images: count, rows, cols; labels: count
 *   payload  product of the sizes     one unsigned byte each, image after image, row-major
 * </pre>
 *
 * <p>Every size is checked (at least 1, within bounds that fit an array) before it sizes anything,
 * and the file must end exactly after the payload. Any fault is an {@link IdxFormatException}
 * naming the file.
 */
public final class Idx {
    /** Magic number of an {@code idx3-ubyte} file: unsigned bytes in three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an {@code idx1-ubyte} file: unsigned bytes in one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Largest number of rows or columns accepted: far above any image data set, far below overflow. */
    public static final int MAX_SIDE = 65_535;
    /** Largest payload one array can hold. */
    public static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;

    private Idx() {
    }

    /** Reads an {@code idx3-ubyte} image file, gzip-compressed or not. */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readImages(file.toString(), in);
        }
    }

    /** Reads an {@code idx1-ubyte} label file, gzip-compressed or not; the labels are 0 to 255. */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readLabels(file.toString(), in);
        }
    }

    /** Reads {@code idx3-ubyte} images from a stream; {@code source} names it in messages. */
    public static IdxImages readImages(String source, InputStream in) throws IOException {
        Contents images = read(source, in, IMAGES_MAGIC);
        return new IdxImages(source, images.sizes[0], images.sizes[1], images.sizes[2], images.payload);
    }

    /** Reads {@code idx1-ubyte} labels from a stream; {@code source} names it in messages. */
    public static int[] readLabels(String source, InputStream in) throws IOException {
        byte[] payload = read(source, in, LABELS_MAGIC).payload;
        int[] labels = new int[payload.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = payload[i] & 0xFF;
        }
        return labels;
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(file.toString(), "no such file");
        }
    }

    /** A file's sizes (count first) and payload, both checked against each other. */
    private record Contents(int[] sizes, byte[] payload) {
    }

    /** Reads a whole file with the given magic number. */
    private static Contents read(String source, InputStream raw, int magic) throws IOException {
        int dims = magic & 0xFF;
        int headerBytes = 4 + 4 * dims;
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1F && b1 == 0x8B;
        if (!gzip && b1 < 0) {
            throw truncatedHeader(source, magic, headerBytes, b0 < 0 ? 0 : 1);
        }
        if (!gzip && (b0 != 0 || b1 != 0)) {
            throw new IdxFormatException(source, String.format("neither gzip nor IDX: starts with %02x %02x;"
                    + " expected 1f 8b (gzip) or 00 00 (an IDX magic number)", b0, b1));
        }
        try {
            InputStream in = gzip ? new GZIPInputStream(buffered) : buffered;
            byte[] header = in.readNBytes(headerBytes);
            if (header.length >= 4 && readInt(header, 0) != magic) {
                throw new IdxFormatException(source, String.format("magic number 0x%08X (%s); expected 0x%08X (%s)",
                        readInt(header, 0), kind(readInt(header, 0)), magic, kind(magic)));
            }
            if (header.length < headerBytes) {
                throw truncatedHeader(source, magic, headerBytes, header.length);
            }
            int[] sizes = new int[dims];
            long payloadBytes = 1;
            String[] names = dims == 3 ? new String[] {"count", "rows", "cols"} : new String[] {"count"};
            for (int d = 0; d < dims; d++) {
                long size = readInt(header, 4 + 4 * d) & 0xFFFF_FFFFL;
                long max = d == 0 ? Integer.MAX_VALUE : MAX_SIDE;
                if (size < 1 || size > max) {
                    throw new IdxFormatException(source, names[d] + " " + size + " in the header; expected 1 to " + max);
                }
                sizes[d] = (int) size;
                payloadBytes *= size;
                if (payloadBytes > MAX_PAYLOAD_BYTES) {
                    throw new IdxFormatException(source, String.join(" x ", names) + " in the header exceed "
                            + MAX_PAYLOAD_BYTES + " bytes, the most one file may hold");
                }
            }
            // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
            byte[] payload = in.readNBytes((int) payloadBytes);
            if (payload.length < payloadBytes) {
                throw new IdxFormatException(source, "truncated: the header (" + product(sizes) + ") promises "
                        + payloadBytes + " payload bytes; found " + payload.length);
            }
            if (in.read() >= 0) {
                throw new IdxFormatException(source, "data after the " + payloadBytes + " payload bytes the header ("
                        + product(sizes) + ") promises; expected the file to end");
            }
            return new Contents(sizes, payload);
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(source, "corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    private static IdxFormatException truncatedHeader(String source, int magic, int expected, int found) {
        return new IdxFormatException(source, "truncated header: " + kind(magic) + " need " + expected
                + " bytes; found " + found);
    }

    private static String product(int[] sizes) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < sizes.length; d++) {
            text.append(d == 0 ? "" : " x ").append(sizes[d]);
        }
        return text.toString();
    }

    private static String kind(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "images";
            case LABELS_MAGIC -> "labels";
            default -> "not an IDX file of unsigned bytes";
        };
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }
}
