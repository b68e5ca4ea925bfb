package org.engram.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.engram.simulator.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small IDX files written here byte by byte from the format, read back, and broken on purpose. */
class IdxTest {
    @TempDir
    Path dir;

    /** Three 2 x 4 images whose pixel (i, r, c) is 40 i + 4 r + c + 120: values on both sides of 127. */
    private static byte[] threeImages() {
        ByteBuffer out = ByteBuffer.allocate(16 + 3 * 2 * 4).putInt(0x803).putInt(3).putInt(2).putInt(4);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 8; k++) {
                out.put((byte) (40 * i + k + 120));
            }
        }
        return out.array();
    }

    private static byte[] labels(int... digits) {
        ByteBuffer out = ByteBuffer.allocate(8 + digits.length).putInt(0x801).putInt(digits.length);
        for (int d : digits) {
            out.put((byte) d);
        }
        return out.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path writeGzip(String name, byte[] bytes) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(bytes);
        }
        return write(name, packed.toByteArray());
    }

    @Test
    void plainAndGzippedFilesRoundTrip() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = gzip ? writeGzip("i.gz", threeImages()) : write("i", threeImages());
            Path labels = gzip ? writeGzip("l.gz", labels(7, 0, 9)) : write("l", labels(7, 0, 9));
            Mnist mnist = Mnist.read(images, labels);
            assertEquals(3, mnist.count());
            assertEquals(2, mnist.rows());
            assertEquals(4, mnist.cols());
            for (int i = 0; i < 3; i++) {
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals(40 * i + 4 * r + c + 120, mnist.pixel(i, r, c), "gzip " + gzip + " pixel " + i + "," + r + "," + c);
                    }
                }
            }
            assertArrayEquals(new int[] {200, 201, 202, 203, 204, 205, 206, 207}, mnist.pixels(2));
            assertArrayEquals(new int[] {7, 0, 9}, new int[] {mnist.label(0), mnist.label(1), mnist.label(2)});
            assertArrayEquals(new int[] {7, 0, 9}, Idx.readLabels(labels));
        }
    }

    @Test
    void wrongMagicSaysWhatWasFoundAndExpected() throws IOException {
        Path labels = write("labels", labels(1, 2, 3));
        assertMessage(labels + ": magic number 0x00000801 (labels); expected 0x00000803 (images)",
                () -> Idx.readImages(labels));
        byte[] odd = threeImages();
        odd[2] = 0x0D; // floats
        Path images = write("images", odd);
        assertMessage(images + ": magic number 0x00000D03 (not an IDX file of unsigned bytes); expected 0x00000803 (images)",
                () -> Idx.readImages(images));
    }

    @Test
    void truncatedPayloadSaysHowManyBytesWereExpectedAndFound() throws IOException {
        Path plain = write("images", Arrays.copyOf(threeImages(), 16 + 20));
        assertMessage(plain + ": truncated: the header (3 x 2 x 4) promises 24 payload bytes; found 20", () -> Idx.readImages(plain));
        Path labels = write("labels", Arrays.copyOf(labels(1, 2, 3), 10));
        assertMessage(labels + ": truncated: the header (3) promises 3 payload bytes; found 2", () -> Idx.readLabels(labels));
    }

    @Test
    void truncatedHeaderSaysHowManyBytesWereExpectedAndFound() throws IOException {
        for (int length : new int[] {0, 1, 4, 15}) {
            Path cut = write("images" + length, Arrays.copyOf(threeImages(), length));
            assertMessage(cut + ": truncated header: images need 16 bytes; found " + length, () -> Idx.readImages(cut));
        }
        Path gz = writeGzip("images.gz", Arrays.copyOf(threeImages(), 9));
        assertMessage(gz + ": truncated header: images need 16 bytes; found 9", () -> Idx.readImages(gz));
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        Path whole = writeGzip("whole.gz", threeImages());
        byte[] packed = Files.readAllBytes(whole);
        Path cut = write("cut.gz", Arrays.copyOf(packed, packed.length - 12));
        assertMessage(cut + ": corrupt or truncated gzip data (Unexpected end of ZLIB input stream)", () -> Idx.readImages(cut));
    }

    @Test
    void fileThatIsNeitherGzipNorIdxIsNamed() throws IOException {
        Path zip = write("images.zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertMessage(zip + ": neither gzip nor IDX: starts with 50 4b; expected 1f 8b (gzip) or 00 00 (an IDX magic number)",
                () -> Idx.readImages(zip));
    }

    @Test
    void zeroOrAbsurdSizesAreRejectedBeforeReading() throws IOException {
        assertMessage(header("rows0", 3, 0, 28) + ": rows 0 in the header; expected 1 to 65535", this::readLastHeader);
        assertMessage(header("cols", 3, 28, 70_000) + ": cols 70000 in the header; expected 1 to 65535", this::readLastHeader);
        assertMessage(header("count0", 0, 28, 28) + ": count 0 in the header; expected 1 to 2147483647", this::readLastHeader);
        assertMessage(header("count", -1, 28, 28) + ": count 4294967295 in the header; expected 1 to 2147483647",
                this::readLastHeader);
        assertMessage(header("huge", 60_000, 65_535, 65_535) + ": count x rows x cols in the header exceed 2147483639 bytes,"
                + " the most one file may hold", this::readLastHeader);
    }

    private Path lastHeader;

    private Path header(String name, int count, int rows, int cols) throws IOException {
        lastHeader = write(name, ByteBuffer.allocate(16).putInt(0x803).putInt(count).putInt(rows).putInt(cols).array());
        return lastHeader;
    }

    private void readLastHeader() throws IOException {
        Idx.readImages(lastHeader);
    }

    @Test
    void dataAfterThePayloadIsRejected() throws IOException {
        Path longer = write("images", Arrays.copyOf(threeImages(), 16 + 24 + 1));
        assertMessage(longer + ": data after the 24 payload bytes the header (3 x 2 x 4) promises; expected the file to end",
                () -> Idx.readImages(longer));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = write("images", threeImages());
        Path labels = write("labels", labels(1, 2));
        assertMessage(labels + ": 2 labels for the 3 images of " + images + "; expected one label per image",
                () -> Mnist.read(images, labels));
    }

    @Test
    void labelsMustBeDigits() throws IOException {
        Path images = write("images", threeImages());
        Path labels = write("labels", labels(1, 10, 2));
        assertMessage(labels + ": label 10 at index 1; expected a digit 0 to 9", () -> Mnist.read(images, labels));
    }

    @Test
    void missingFileIsAUserError() {
        Path none = dir.resolve("none.gz");
        assertMessage(none + ": no such file", () -> Idx.readLabels(none));
    }

    @Test
    void aDirectoryGivesTheFirstImagesFileThatHasItsLabelsBeside() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("mnist"));
        Files.write(sub.resolve("a-images-idx3-ubyte"), threeImages());   // no labels beside: skipped
        writeGzip("mnist/t10k-images-idx3-ubyte.gz", threeImages());
        writeGzip("mnist/t10k-labels-idx1-ubyte.gz", labels(4, 5, 6));
        Files.write(sub.resolve("train-images.idx3-ubyte"), threeImages());
        Files.write(sub.resolve("train-labels.idx1-ubyte"), labels(1, 2, 3));
        Mnist mnist = Mnist.read(sub);
        assertEquals(4, mnist.label(0), "t10k sorts before train");
        assertEquals(6, mnist.label(2));
        assertEquals(2, mnist.rows());
    }

    @Test
    void aDirectoryWithoutMnistFilesOrNoDirectoryIsNamed() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "no digits");
        assertMessage(dir + ": no MNIST files; expected a *images-idx3-ubyte[.gz] file beside its"
                + " *labels-idx1-ubyte[.gz] file", () -> Mnist.read(dir));
        Path missing = dir.resolve("missing");
        assertMessage(missing + ": not a directory; expected one with MNIST IDX files", () -> Mnist.read(missing));
    }

    private interface Read {
        void run() throws IOException;
    }

    private static void assertMessage(String expected, Read read) {
        IdxFormatException e = assertThrows(IdxFormatException.class, read::run);
        assertEquals(expected, e.getMessage());
        assertInstanceOf(UserError.class, e);
    }
}
