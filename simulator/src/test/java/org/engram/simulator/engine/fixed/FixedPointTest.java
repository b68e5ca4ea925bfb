package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixed-point formats and operations, against values worked out by hand. */
class FixedPointTest {

    /** The S16.15 table of the protocol notes (sPyNNaker's IF_curr_exp defaults). */
    @ParameterizedTest
    @CsvSource({"-65, FFDF8000", "-50, FFE70000", "20, 000A0000", "5, 00028000", "1.0, 00008000", "0.1, 00000CCD"})
    void s1615WordsMatchTheProtocolTable(double value, String hex) {
        assertEquals((int) Long.parseLong(hex, 16), FixedPoint.s1615(value));
    }

    @Test
    void s1615RoundsToNearestEvenAndRefusesWhatDoesNotFit() {
        assertEquals(2, FixedPoint.s1615(2.5 / 32768)); // a tie goes to the even word
        assertEquals(4, FixedPoint.s1615(3.5 / 32768));
        assertEquals(-65536 * 32768, FixedPoint.s1615(-65536));
        assertFalse(FixedPoint.fitsS1615(65536));
        assertThrows(ArithmeticException.class, () -> FixedPoint.s1615(65536));
    }

    @Test
    void multiplyTruncatesTowardMinusInfinityAsGccEmitsIt() {
        int half = 0x4000;
        assertEquals(0xC000, FixedPoint.multiply(0x18000, half)); // 3 * 0.5 = 1.5 exactly
        assertEquals(1, FixedPoint.multiply(3, half)); // 1.5 units -> 1
        assertEquals(-2, FixedPoint.multiply(-3, half)); // -1.5 units -> -2
        assertEquals(-1, FixedPoint.multiply(-1, 1)); // -2^-15 units -> -1
    }

    @Test
    void divideTruncatesAsKdivk() {
        assertEquals(10922, FixedPoint.divide(0x8000, 3 * 0x8000)); // 1/3 = 10922.67 units
        // cm 0.2 nF is the word 6554; tau_m / cm = (655360 << 15) / 6554 = 3276600.01 (99.994 MOhm)
        assertEquals(3276600, FixedPoint.divide(FixedPoint.s1615(20), FixedPoint.s1615(0.2)));
        assertThrows(ArithmeticException.class, () -> FixedPoint.divide(1, 0));
        assertTrue(FixedPoint.quotientFits(FixedPoint.s1615(100), FixedPoint.s1615(1)));
        assertFalse(FixedPoint.quotientFits(FixedPoint.s1615(100), 1)); // 100 / 2^-15 overflows
    }

    @Test
    void ceilRoundsUpAnyFraction() {
        assertEquals(1, FixedPoint.ceil(0x8000));
        assertEquals(2, FixedPoint.ceil(0x8001));
        assertEquals(0, FixedPoint.ceil(0));
        // tau_refrac 5 ms at 0.1 ms: 5 / 0.10000610 = 49.997 -> 50 steps
        assertEquals(50, FixedPoint.ceil(FixedPoint.divide(FixedPoint.s1615(5), FixedPoint.s1615(0.1))));
    }

    @Test
    void decayRoundsToNearest() {
        int half = 0x80000000;
        assertEquals(2, FixedPoint.decay(3, half)); // 1.5 units -> 2
        assertEquals(-1, FixedPoint.decay(-3, half)); // -1.5 units -> -1 (ties up)
        assertEquals(0, FixedPoint.decay(1, 0x7FFFFFFF)); // just under half a unit -> 0
        assertEquals(0x8000, FixedPoint.decay(0x8000, FixedPoint.U032_ALMOST_ONE)); // 1 - 2^-32 of 1.0
    }

    @Test
    void u032WordsAndProducts() {
        assertEquals(0x80000000, FixedPoint.u032(0.5));
        assertEquals(FixedPoint.U032_ALMOST_ONE, FixedPoint.u032(1.0));
        assertEquals(0.5, FixedPoint.u032ToDouble(0x80000000));
        // (5.0 as S16.15) * 0.25 as U0.32 = 1.25 as U0.32: (163840 * 2^30) >> 15 = 1.25 * 2^32 -> cut to 32 bits
        assertEquals((int) (163840L * (1L << 30) >>> 15), FixedPoint.u032Product(163840, 0x40000000));
        assertEquals(0x40000000, FixedPoint.u032Product(0x8000 / 2, 0x80000000)); // 0.5 * 0.5
    }
}
