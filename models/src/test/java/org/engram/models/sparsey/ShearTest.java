package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class ShearTest {

    @Test
    void aDiagonalThroughAWholePixelCentroidBecomesAColumn() {
        int[] leaning = {
            0, 0, 100,
            0, 100, 0,
            100, 0, 0};
        // centroid (1, 1); covariance 100 (1·-1 + 0 + -1·1) = -200, row variance 100 (1 + 0 + 1) = 200
        assertEquals(-1.0, Shear.slant(leaning, 3, 3), 0.0);
        assertArrayEquals(new int[] {
            0, 100, 0,
            0, 100, 0,
            0, 100, 0}, Shear.deskew(leaning, 3, 3));
    }

    @Test
    void halfPixelShiftsShareTheInkBetweenNeighbours() {
        int[] leaning = {
            0, 0, 0, 100,
            0, 0, 100, 0,
            0, 100, 0, 0,
            100, 0, 0, 0};
        // centroid (1.5, 1.5), slant -500 / 500; row r samples column c - r + 1.5, half-way between two pixels
        assertEquals(-1.0, Shear.slant(leaning, 4, 4), 0.0);
        assertArrayEquals(new int[] {
            0, 50, 50, 0,
            0, 50, 50, 0,
            0, 50, 50, 0,
            0, 50, 50, 0}, Shear.deskew(leaning, 4, 4));
    }

    @Test
    void aDigitLeaningLeftLeansPositiveAndStraightensToo() {
        int[] leaning = {
            200, 0, 0,
            0, 200, 0,
            0, 0, 200,
            0, 0, 0};
        assertEquals(1.0, Shear.slant(leaning, 4, 3), 0.0);
        assertArrayEquals(new int[] {
            0, 200, 0,
            0, 200, 0,
            0, 200, 0,
            0, 0, 0}, Shear.deskew(leaning, 4, 3));
    }

    @Test
    void uprightBlankAndOneRowImagesAreUnchanged() {
        int[] upright = {
            0, 9, 0,
            0, 9, 0,
            0, 9, 0};
        int[] blank = new int[6];
        int[] oneRow = {0, 0, 0, 7, 8, 9};
        for (int[] image : new int[][] {upright, blank, oneRow}) {
            int rows = image.length / 3;
            assertEquals(0.0, Shear.slant(image, rows, 3), 0.0);
            int[] out = Shear.deskew(image, rows, 3);
            assertArrayEquals(image, out);
            assertNotSame(image, out, "a new array");
        }
    }

    @Test
    void badImagesAreRejected() {
        assertMessage("deskew: image of 5 pixels as 2 x 3; expected rows x cols pixels, each side at least 1",
                () -> Shear.deskew(new int[5], 2, 3));
        assertMessage("deskew: image of 0 pixels as 0 x 3; expected rows x cols pixels, each side at least 1",
                () -> Shear.slant(new int[0], 0, 3));
        assertMessage("deskew: pixel 1 is -4; expected ink >= 0", () -> Shear.deskew(new int[] {0, -4}, 1, 2));
    }
}
