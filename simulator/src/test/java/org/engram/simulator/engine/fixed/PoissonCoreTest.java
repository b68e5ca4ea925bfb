package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Poisson source's generator and draws, against the documented recurrences computed here in
 * 64-bit arithmetic (JKISS, SplitMix64 and Knuth's product method).
 */
class PoissonCoreTest {
    static final long M = 0xFFFFFFFFL;

    /** JKISS from the recurrence: state {x, y, z, c} as unsigned 32-bit values in longs. */
    static long next(long[] s) {
        s[0] = (314527869L * s[0] + 1234567L) & M;
        s[1] ^= (s[1] << 5) & M;
        s[1] ^= s[1] >>> 7;
        s[1] ^= (s[1] << 22) & M;
        long t = 4294584393L * s[2] + s[3]; // the 64-bit product wraps; its bits are the unsigned ones
        s[3] = t >>> 32;
        s[2] = t & M;
        return (s[0] + s[1] + s[2]) & M;
    }

    /** The seed words, validated: y = 0 becomes 13031301, c becomes c mod 698769068 + 1. */
    static long[] state(int[] words) {
        long y = words[1] & M;
        return new long[] {words[0] & M, y == 0 ? 13031301 : y, words[2] & M, (words[3] & M) % 698769068L + 1};
    }

    @Test
    void kissOutputsFollowTheRecurrence() {
        int[] seed = {123456789, 987654321, 43219876, 6543217};
        long[] ref = state(seed);
        Kiss64 kiss = new Kiss64(seed[0], seed[1], seed[2], seed[3]);
        for (int k = 0; k < 10_000; k++) {
            assertEquals(next(ref), Integer.toUnsignedLong(kiss.next()), "output " + k);
        }
        // the first output for David Jones' JKISS seed, worked out from the recurrence:
        // x = 314527869 * 123456789 + 1234567, y = 987654321 shifted, z = low word of
        // 4294584393 * 43219876 + 6543218
        assertEquals(560241514L, Integer.toUnsignedLong(new Kiss64(seed[0], seed[1], seed[2], seed[3]).next()));
    }

    @Test
    void seedsAreValidatedAsSpinnCommonDoes() {
        int[] bad = {5, 0, 7, -1};
        long[] ref = state(bad);
        Kiss64 kiss = new Kiss64(bad[0], bad[1], bad[2], bad[3]);
        assertEquals(13031301, kiss.state()[1]);
        assertEquals(0xFFFFFFFFL % 698769068L + 1, kiss.state()[3]);
        for (int k = 0; k < 100; k++) {
            assertEquals(next(ref), Integer.toUnsignedLong(kiss.next()));
        }
    }

    static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void sliceSeedsAreTwoSplitMixOutputs() {
        long networkSeed = 42;
        long state = networkSeed ^ (3L << 32 | 5);
        long a = splitMix(state + 0x9E3779B97F4A7C15L);
        long b = splitMix(state + 2 * 0x9E3779B97F4A7C15L);
        assertArrayEquals(new int[] {(int) a, (int) (a >>> 32), (int) b, (int) (b >>> 32)}, FixedBuilder.seed(42, 3, 5));
        assertTrue(FixedBuilder.seed(42, 3, 5)[0] != FixedBuilder.seed(42, 3, 6)[0], "slices differ");
    }

    @Test
    void countsFollowKnuthsMethodOnTheSlicesGenerator() {
        // lambda = 0.4 (rate 400 Hz at 1 ms) for neuron 0 in steps [2, 300); neuron 1 silent (rate 0)
        PoissonParameters p = new PoissonParameters(2, new int[] {11, 22, 33, 44});
        long limit = Math.round(Math.exp(-0.4) * 4294967296.0);
        p.expMinusLambda[0] = (int) limit;
        p.expMinusLambda[1] = FixedPoint.U032_ALMOST_ONE;
        p.startTick[0] = 2;
        p.endTick[0] = 300;
        p.endTick[1] = 300;
        PoissonCore core = new PoissonCore(0x500, p);
        long[] ref = state(p.seed);
        long total = 0;
        for (int t = 0; t < 320; t++) {
            int expected = 0;
            if (t >= 2 && t < 300) {
                long prod = next(ref);
                while (prod > limit) {
                    expected++;
                    prod = (prod * next(ref)) >>> 32;
                }
            }
            if (t < 300) {
                next(ref); // neuron 1 draws one uniform, never above its e^-0
            }
            int sent = core.step();
            assertEquals(expected, sent, "step " + t);
            for (int k = 0; k < sent; k++) {
                assertEquals(0x500, core.emitted()[k]);
            }
            assertEquals(expected > 0 ? 1 : 0, core.spikeBits()[0]);
            total += sent;
        }
        // 298 steps of mean 0.4: 119 spikes, standard deviation 11
        assertEquals(0.4 * 298, total, 3 * Math.sqrt(0.4 * 298));
        assertArrayEquals(new int[] {(int) ref[0], (int) ref[1], (int) ref[2], (int) ref[3]}, core.generatorState());
    }
}
