package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdrTest {
    private static final Sdr A = Sdr.ofSparse(10, 7, 1, 5, 3);
    private static final Sdr B = Sdr.ofSparse(10, 3, 4, 5);

    @Test
    void overlapUnionAndIntersectionOfAHandExample() {
        assertEquals(2, A.overlap(B));
        assertEquals(2, B.overlap(A));
        assertEquals(Sdr.ofSparse(10, 3, 5), A.intersection(B));
        assertEquals(Sdr.ofSparse(10, 1, 3, 4, 5, 7), A.union(B));
        assertEquals(B.union(A), A.union(B));
        assertEquals(4, A.overlap(A));
        assertEquals(A, A.union(A));
        assertEquals(A, A.intersection(A));
        Sdr empty = Sdr.ofSparse(10);
        assertEquals(0, A.overlap(empty));
        assertEquals(A, A.union(empty));
        assertEquals(empty, A.intersection(empty));
    }

    @Test
    void sparseViewIsSortedAndDenseViewAgreesWithIt() {
        assertArrayEquals(new int[] {1, 3, 5, 7}, A.sparse());
        boolean[] dense = A.dense();
        assertArrayEquals(new boolean[] {false, true, false, true, false, true, false, true, false, false}, dense);
        assertEquals(A, Sdr.ofDense(dense));
        assertEquals(4, A.activeCount());
        assertEquals(10, A.size());
        assertEquals(0.4, A.sparsity(), 0.0);
        assertTrue(A.isActive(5));
        assertFalse(A.isActive(4));
    }

    @Test
    void viewsAreCopiesSoTheSdrCannotChange() {
        A.sparse()[0] = 9;
        A.dense()[0] = true;
        assertArrayEquals(new int[] {1, 3, 5, 7}, A.sparse());
        int[] given = {2, 4};
        Sdr sdr = Sdr.ofSparse(5, given);
        given[0] = 3;
        assertArrayEquals(new int[] {2, 4}, sdr.sparse());
    }

    @ParameterizedTest(name = "n={0} w={1}")
    @CsvSource({"1,0", "1,1", "10,3", "2048,40", "100000,2000", "64,64"})
    void randomSdrHasExactlyTheActiveCount(int size, int w) {
        SplittableRandom rng = new SplittableRandom(7);
        for (int draw = 0; draw < 5; draw++) {
            Sdr sdr = Sdr.random(size, w, rng);
            assertEquals(w, sdr.activeCount());
            assertEquals(size, sdr.size());
            assertEquals(sdr, Sdr.ofSparse(size, sdr.sparse()), "indices sorted, unique, in range");
        }
    }

    @Test
    void sameSeedGivesTheSameSdrAndAnotherSeedAnother() {
        Sdr first = Sdr.random(2048, 40, new SplittableRandom(42));
        assertEquals(first, Sdr.random(2048, 40, new SplittableRandom(42)));
        assertNotEquals(first, Sdr.random(2048, 40, new SplittableRandom(43)));
    }

    @Test
    void randomSdrActivatesEveryBitEquallyOften() {
        // 4000 draws of 5 of 20 bits: each bit's count is Binomial(4000, 1/4), mean 1000, sd 27.4;
        // a bias of 6 sd (165) in any bit fails. The seed is fixed, so the test cannot flicker.
        int draws = 4000;
        int[] count = new int[20];
        SplittableRandom rng = new SplittableRandom(1);
        for (int d = 0; d < draws; d++) {
            for (int i : Sdr.random(20, 5, rng).sparse()) {
                count[i]++;
            }
        }
        for (int i = 0; i < count.length; i++) {
            assertEquals(1000, count[i], 165, "bit " + i);
        }
    }

    @Test
    void randomWithSparsityRoundsTheActiveCount() {
        assertEquals(5, Sdr.randomWithSparsity(100, 0.05, new SplittableRandom(3)).activeCount());
        assertEquals(3, Sdr.randomWithSparsity(10, 0.26, new SplittableRandom(3)).activeCount());
        assertEquals(10, Sdr.randomWithSparsity(10, 1.0, new SplittableRandom(3)).activeCount());
    }

    @ParameterizedTest(name = "fraction {0}")
    @ValueSource(doubles = {0.0, 0.1, 0.25, 0.5, 0.99, 1.0})
    void noiseKeepsTheActiveCountAndMovesTheStatedBits(double fraction) {
        SplittableRandom rng = new SplittableRandom(11);
        Sdr original = Sdr.random(1000, 40, rng);
        int moved = (int) Math.round(fraction * 40);
        for (int draw = 0; draw < 5; draw++) {
            Sdr noisy = original.addNoise(fraction, rng);
            assertEquals(40, noisy.activeCount());
            assertEquals(40 - moved, original.overlap(noisy), "overlap = w - moved bits");
        }
    }

    @Test
    void noiseCanMoveBitsIntoEveryInactivePosition() {
        // All 3 active bits of 6 move, so the 3 inactive ones must all turn on.
        Sdr x = Sdr.ofSparse(6, 0, 2, 4);
        assertEquals(Sdr.ofSparse(6, 1, 3, 5), x.addNoise(1.0, new SplittableRandom(5)));
    }

    @Test
    void noiseIsSeeded() {
        Sdr x = Sdr.random(500, 25, new SplittableRandom(2));
        assertEquals(x.addNoise(0.4, new SplittableRandom(9)), x.addNoise(0.4, new SplittableRandom(9)));
    }

    @Test
    void rejectsBadInputNamingValueAndExpectation() {
        assertMessage("SDR of size 10: active index 12 is out of range; expected 0 <= index < 10",
                () -> Sdr.ofSparse(10, 3, 12));
        assertMessage("SDR of size 10: active index -1 is out of range; expected 0 <= index < 10",
                () -> Sdr.ofSparse(10, -1));
        assertMessage("SDR of size 10: active index 3 is given twice; expected each active index once",
                () -> Sdr.ofSparse(10, 3, 5, 3));
        assertMessage("SDR: size 0 is out of range; expected size >= 1", () -> Sdr.ofSparse(0));
        assertMessage("SDR of size 10: sparsity 1.5 is out of range; expected 0 <= sparsity <= 1",
                () -> Sdr.randomWithSparsity(10, 1.5, new SplittableRandom(1)));
        assertMessage("SDR of size 10: sparsity NaN is out of range; expected 0 <= sparsity <= 1",
                () -> Sdr.randomWithSparsity(10, Double.NaN, new SplittableRandom(1)));
        assertMessage("SDR of size 10: active count 11 is out of range; expected 0 <= count <= 10",
                () -> Sdr.random(10, 11, new SplittableRandom(1)));
        assertMessage("SDR of size 10: overlap with an SDR of size 11; expected the same size 10",
                () -> A.overlap(Sdr.ofSparse(11, 1)));
        assertMessage("SDR of size 10: noise fraction -0.1 is out of range; expected 0 <= fraction <= 1",
                () -> A.addNoise(-0.1, new SplittableRandom(1)));
        assertMessage("SDR of size 10: noise fraction 1.0 would move 8 active bits but only 2 bits are inactive",
                () -> Sdr.ofSparse(10, 0, 1, 2, 3, 4, 5, 6, 7).addNoise(1.0, new SplittableRandom(1)));
        assertMessage("SDR of size 10: index 10 is out of range; expected 0 <= index < 10", () -> A.isActive(10));
    }
}
