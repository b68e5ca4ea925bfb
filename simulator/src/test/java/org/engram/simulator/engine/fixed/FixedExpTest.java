package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * spinn_common's exponential. The pinned words were worked out with spinn_common's algorithm as
 * {@link FixedExp} describes it (outside this code base); the sweeps bound the error against the
 * exact exponential.
 */
class FixedExpTest {

    @Test
    void tablesHoldSpinnCommonsEntries() {
        // entries of __exp_hi and __expm1_mid in spinn_common's stdfix-exp.c
        assertEquals(9708L, FixedExp.power(-13));
        assertEquals(1L << 32, FixedExp.power(0));
        assertEquals(11674931555L, FixedExp.power(1));
        assertEquals(699026506411923L, FixedExp.power(12));
        assertEquals(0L, FixedExp.sixteenth(0));
        assertEquals(260218914L, FixedExp.sixteenth(1));
        assertEquals(2613033936L, FixedExp.sixteenth(15));
        for (int z = -13; z <= 12; z++) {
            assertEquals(Math.rint(Math.exp(z) * 4294967296.0), FixedExp.power(z), 1.0, "e^" + z);
        }
        for (int j = 0; j < 16; j++) {
            assertEquals(Math.rint(-Math.expm1(-j / 16.0) * 4294967296.0), FixedExp.sixteenth(j), 1.0, "j " + j);
        }
    }

    /** exp_TC of the CA3 and CUBA parameters: -dt/tau_m as kdivk gives it. */
    @ParameterizedTest
    @CsvSource({
        "-1638, 31170",   // tau_m 20 ms at dt 1 ms
        "-10922, 23479",  // tau_m 3 ms at dt 1 ms (CA3 slow)
        "-65536, 4434",   // tau_m 0.5 ms at dt 1 ms (CA3 fast)
        "-163, 32605",    // tau_m 20 ms at dt 0.1 ms
        "-32768, 12054",  // e^-1
        "-1, 32766"})     // one below the exact floor
    void expkGivesSpinnCommonsWords(int x, int word) {
        assertEquals(word, FixedExp.expk(x));
    }

    @Test
    void expkIsWithinOneUnitOfTheExactFloorAndSaturates() {
        for (int x = FixedExp.MIN_ARGUMENT; x <= 0; x += 13) {
            double exact = Math.floor(Math.exp(x / 32768.0) * 32768);
            assertEquals(exact, FixedExp.expk(x), 1.0, "x " + x);
        }
        assertEquals(0, FixedExp.expk(FixedExp.MIN_ARGUMENT - 1));
        assertEquals(Integer.MAX_VALUE, FixedExp.expk(FixedExp.MAX_ARGUMENT + 1));
        assertEquals(0x8000, FixedExp.expk(0));
        assertEquals(Math.floor(Math.E * 32768), FixedExp.expk(0x8000), 1.0);
    }

    /** Synaptic decays: tau_syn 5 ms at 1 ms, 0.3 ms at 1 ms (CA3), 5 and 10 ms at 0.1 ms (CUBA). */
    @ParameterizedTest
    @CsvSource({"-6553, D1996247", "-109231, 09219FC8", "-655, FAEF13F4", "-327, FD7550D4"})
    void expulrGivesSpinnCommonsWords(int x, String hex) {
        assertEquals((int) Long.parseLong(hex, 16), FixedExp.expulr(x));
    }

    @Test
    void expulrIsWithinItsSeriesErrorAndOverflowsAtZero() {
        for (int x = FixedExp.MIN_ARGUMENT; x < 0; x += 11) {
            double exact = Math.exp(x / 32768.0) * 4294967296.0;
            double word = Integer.toUnsignedLong(FixedExp.expulr(x));
            assertTrue(Math.abs(word - exact) <= 6000, "x " + x + ": " + word + " against " + exact);
        }
        assertEquals(0, FixedExp.expulr(0)); // 2^32 does not fit U0.32: spinn_common gives 0
        assertEquals(0, FixedExp.expulr(FixedExp.MIN_ARGUMENT - 1));
    }
}
