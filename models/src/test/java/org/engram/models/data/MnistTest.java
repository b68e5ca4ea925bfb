package org.engram.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled 10,000 digits, compared with the files read here independently of {@link Idx}
 * (plain {@link GZIPInputStream} and {@link DataInputStream}) and with values pinned from the files.
 */
class MnistTest {
    private static final Path BUNDLED = Path.of("src/main/resources/org/engram/models/data");
    private static Mnist mnist;

    @BeforeAll
    static void readBundled() {
        mnist = Mnist.bundled();
    }

    @Test
    void bundledHoldsTenThousandDigitsOfTwentyEightSquare() {
        assertEquals(10_000, mnist.count());
        assertEquals(28, mnist.rows());
        assertEquals(28, mnist.cols());
    }

    @Test
    void everyPixelAndLabelMatchesAnIndependentReadOfTheFiles() throws IOException {
        int[] header = new int[4];
        byte[] pixels = new byte[10_000 * 28 * 28];
        try (DataInputStream in = gunzip(Mnist.BUNDLED_IMAGES)) {
            for (int k = 0; k < 4; k++) {
                header[k] = in.readInt();
            }
            in.readFully(pixels);
            assertEquals(-1, in.read(), "image file ends after the payload");
        }
        assertArrayEquals(new int[] {0x803, 10_000, 28, 28}, header);
        byte[] labels = new byte[10_000];
        try (DataInputStream in = gunzip(Mnist.BUNDLED_LABELS)) {
            assertEquals(0x801, in.readInt());
            assertEquals(10_000, in.readInt());
            in.readFully(labels);
        }
        for (int i = 0; i < 10_000; i++) {
            assertEquals(labels[i], mnist.label(i), "label " + i);
            int[] expected = new int[784];
            for (int k = 0; k < 784; k++) {
                expected[k] = pixels[i * 784 + k] & 0xFF;
            }
            assertArrayEquals(expected, mnist.pixels(i), "image " + i);
            assertEquals(pixels[i * 784 + 14 * 28 + 15] & 0xFF, mnist.pixel(i, 14, 15), "image " + i + " pixel (14, 15)");
        }
    }

    @Test
    void pinnedValuesFromTheFiles() {
        int[] firstLabels = new int[10];
        for (int i = 0; i < 10; i++) {
            firstLabels[i] = mnist.label(i);
        }
        assertArrayEquals(new int[] {8, 0, 2, 0, 0, 0, 9, 6, 4, 1}, firstLabels);
        assertEquals(9, mnist.label(9_999));
        // the first ink of digit 0, row by row, and a pixel above 127 (read as unsigned)
        assertEquals(0, mnist.pixel(0, 5, 17));
        assertEquals(30, mnist.pixel(0, 5, 18));
        assertEquals(77, mnist.pixel(0, 5, 19));
        assertEquals(20, mnist.pixel(0, 14, 14));
        assertEquals(130, mnist.pixel(9_999, 6, 13));
        assertEquals(207, mnist.pixel(9_999, 6, 14));
        assertEquals(24_984, sum(mnist.pixels(0)));
        assertEquals(20_616, sum(mnist.pixels(9_999)));
    }

    @Test
    void firstTwoThousandAreCloseToClassBalanced() {
        int[] perDigit = new int[10];
        for (int i = 0; i < 2_000; i++) {
            perDigit[mnist.label(i)]++;
        }
        // the histogram the README states (172 to 227 of each digit), exactly as the file holds it
        assertArrayEquals(new int[] {207, 227, 198, 198, 186, 172, 202, 216, 182, 212}, perDigit);
        for (int count : perDigit) {
            assertTrue(count >= 172 && count <= 227, "per digit " + count);
        }
    }

    @Test
    void pixelsReturnsACopy() {
        int[] image = mnist.pixels(0);
        image[5 * 28 + 18] = 0;
        assertEquals(30, mnist.pixel(0, 5, 18));
    }

    private static DataInputStream gunzip(String name) throws IOException {
        return new DataInputStream(new GZIPInputStream(Files.newInputStream(BUNDLED.resolve(name))));
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
