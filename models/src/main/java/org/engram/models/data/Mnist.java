package org.engram.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Handwritten digits with their labels: {@link #count()} images of {@link #rows()} x
 * {@link #cols()} pixels (0 background to 255 ink) and one label 0 to 9 each. Reads the original
 * MNIST files (60,000 training or 10,000 test digits) unchanged, or the 10,000 digits bundled with
 * this module ({@link #bundled()}), whose order is shuffled so any prefix is close to
 * class-balanced. Immutable.
 */
public final class Mnist {
    /** The bundled files, relative to this class. */
    static final String BUNDLED_IMAGES = "mnist-10k/images-idx3-ubyte.gz";
    static final String BUNDLED_LABELS = "mnist-10k/labels-idx1-ubyte.gz";

    private final IdxImages images;
    private final int[] labels;

    /**
     * @throws IdxFormatException if the counts differ or a label is not a digit; the message names
     *     {@code labelSource}
     */
    Mnist(IdxImages images, String labelSource, int[] labels) {
        if (labels.length != images.count()) {
            throw new IdxFormatException(labelSource, labels.length + " labels for the " + images.count()
                    + " images of " + images.source() + "; expected one label per image");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 9) {
                throw new IdxFormatException(labelSource, "label " + labels[i] + " at index " + i + "; expected a digit 0 to 9");
            }
        }
        this.images = images;
        this.labels = labels.clone();
    }

    /** Reads an image file and its label file ({@code idx3-ubyte}, {@code idx1-ubyte}, gzipped or not). */
    public static Mnist read(Path imageFile, Path labelFile) throws IOException {
        return new Mnist(Idx.readImages(imageFile), labelFile.toString(), Idx.readLabels(labelFile));
    }

    /**
     * Reads the MNIST files of a directory: the first {@code *images-idx3-ubyte[.gz]} (or
     * {@code *images.idx3-ubyte}) file in name order that has its labels file beside it, the same
     * name with {@code labels} and {@code idx1}, gzipped or not, such as
     * {@code train-images-idx3-ubyte.gz} and {@code train-labels-idx1-ubyte.gz}.
     *
     * @throws IdxFormatException if {@code dir} is not a directory, holds no such pair, or a file
     *     of the pair is malformed
     */
    public static Mnist read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IdxFormatException(dir.toString(), "not a directory; expected one with MNIST IDX files");
        }
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> p.getFileName().toString().matches(".*images[-.]idx3-ubyte(\\.gz)?")).sorted()
                    .toList();
        }
        for (Path image : images) {
            String label = image.getFileName().toString().replaceFirst("images([-.])idx3", "labels$1idx1")
                    .replaceFirst("\\.gz$", "");
            for (String name : new String[] {label, label + ".gz"}) {
                if (Files.isRegularFile(image.resolveSibling(name))) {
                    return read(image, image.resolveSibling(name));
                }
            }
        }
        throw new IdxFormatException(dir.toString(), "no MNIST files; expected a *images-idx3-ubyte[.gz] file beside"
                + " its *labels-idx1-ubyte[.gz] file");
    }

    /** The 10,000 digits bundled with this module (see {@code mnist-10k/README.md} beside this class). */
    public static Mnist bundled() {
        try (InputStream images = resource(BUNDLED_IMAGES); InputStream labels = resource(BUNDLED_LABELS)) {
            return new Mnist(Idx.readImages(BUNDLED_IMAGES, images), BUNDLED_LABELS, Idx.readLabels(BUNDLED_LABELS, labels));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled MNIST digits", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Mnist.class.getResourceAsStream(name);
        if (in == null) {
            // the files ship in this module's jar: their absence is a broken build, not a user error
            throw new IllegalStateException("bundled resource " + name + " missing beside " + Mnist.class.getName());
        }
        return in;
    }

    public int count() {
        return images.count();
    }

    public int rows() {
        return images.rows();
    }

    public int cols() {
        return images.cols();
    }

    /** The pixel at {@code row}, {@code col} of digit {@code index}, 0 to 255. */
    public int pixel(int index, int row, int col) {
        return images.pixel(index, row, col);
    }

    /** A copy of digit {@code index}'s pixels, row-major, each 0 to 255. */
    public int[] pixels(int index) {
        return images.pixels(index);
    }

    /** The digit, 0 to 9, that image {@code index} shows. */
    public int label(int index) {
        return labels[index];
    }
}
