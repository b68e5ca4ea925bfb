package org.engram.models.data;

/**
 * Images of one size read from an {@code idx3-ubyte} file: {@code count} images of {@code rows} x
 * {@code cols} unsigned byte pixels. Immutable; pixel accessors return 0 to 255 and arrays returned
 * are copies.
 */
public final class IdxImages {
    private final String source;
    private final int count;
    private final int rows;
    private final int cols;
    /** Image after image, each row-major: pixel (i, r, c) is at i * rows * cols + r * cols + c. */
    private final byte[] pixels;

    IdxImages(String source, int count, int rows, int cols, byte[] pixels) {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(source + ": " + pixels.length + " pixels for " + count + " x " + rows + " x " + cols);
        }
        this.source = source;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    /** Where the images were read from (a file name or resource), for messages. */
    public String source() {
        return source;
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The pixel at {@code row}, {@code col} of image {@code image}, 0 (background) to 255 (ink). */
    public int pixel(int image, int row, int col) {
        checkIndex(image);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        return pixels[(image * rows + row) * cols + col] & 0xFF;
    }

    /** A copy of image {@code image}'s pixels, row-major, each 0 to 255. */
    public int[] pixels(int image) {
        checkIndex(image);
        int size = rows * cols;
        int[] out = new int[size];
        for (int k = 0, at = image * size; k < size; k++, at++) {
            out[k] = pixels[at] & 0xFF;
        }
        return out;
    }

    private void checkIndex(int image) {
        if (image < 0 || image >= count) {
            throw new IndexOutOfBoundsException("image " + image + " outside 0.." + (count - 1));
        }
    }
}
