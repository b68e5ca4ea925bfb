package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sPyNNaker's STDP decay tables. */
class StdpLutTest {

    @ParameterizedTest
    @CsvSource({
        "1.0, 3.0, 24",    // CA3: ln(2048) * 3 = 22.9 -> 24 entries
        "1.0, 20.0, 154",  // ln(2048) * 20 = 152.5 -> 154
        "0.1, 20.0, 1526", // ln(2048) * 200 = 1524.9 -> 1526
        "1.0, 0.1, 2"})    // ln(2048) * 0.1 = 0.76 -> 2
    void tablesReachTheLastNonZeroEntryInAnEvenLength(double dt, double tau, int size) {
        int[] lut = StdpLut.of(dt, tau);
        assertEquals(size, lut.length);
        for (int k = 0; k < size; k++) {
            assertEquals((int) Math.floor(2048 * Math.exp(-k * dt / tau)), lut[k], "entry " + k);
        }
        assertEquals(0, StdpLut.decay(lut, size));
        assertEquals(0, StdpLut.decay(lut, -1));
        assertEquals(2048, StdpLut.decay(lut, 0));
    }

    /** (a * b) >> 11 of the low signed halfwords: 69632 = 0x11000 counts as 0x1000 = 4096, 0x18000 as -32768. */
    @ParameterizedTest
    @CsvSource({"2048, 1443, 1443", "-2048, 1443, -1443", "100, 1762, 86", "-3, 1024, -2", "69632, 2048, 4096",
        "98304, 2048, -32768"})
    void theStdpProductUsesTheLowHalfwordsAndFloors(int a, int b, int product) {
        assertEquals(product, StdpLut.multiply(a, b));
    }
}
