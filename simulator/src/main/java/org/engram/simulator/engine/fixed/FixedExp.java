package org.engram.simulator.engine.fixed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The exponential of spinn_common ({@code stdfix-exp.c}: {@code expk} and {@code expulr}), which
 * sPyNNaker calls on the core to derive the membrane and synaptic decays. Reproduced bit for bit,
 * because its last bit differs from the correctly rounded exponential for about 2 % of arguments.
 *
 * <p>For an S16.15 argument {@code x = z - f / 2^15} ({@code z} an integer, {@code 0 <= f < 2^15})
 * it forms {@code e^x} as a 64-bit number with 32 fraction bits: it starts from
 * {@code E[z] = round(2^32 e^z)}, multiplies by {@code e^(-j/16)} for the top four bits {@code j}
 * of {@code f} (as {@code v - v M[j]}, {@code M[j] = round(2^32 (1 - e^(-j/16)))}), then by
 * {@code e^(-y)} for the remaining eleven bits, with {@code 1 - e^(-y)} from a quadratic whose
 * coefficients are spinn_common's. Each multiplication by a fraction rounds the low word up when
 * its low 32 bits are at least {@code 2^31 - 1}. {@code expk} keeps bits 17..48 (truncating),
 * {@code expulr} the low 32 bits. Arguments below {@code -340695 / 2^15} give 0.
 */
public final class FixedExp {
    /** Arguments (S16.15 words) outside this range saturate. */
    static final int MIN_ARGUMENT = -340695;
    static final int MAX_ARGUMENT = 363408;
    /** E[z + 13] = round(2^32 e^z) for z in [-13, 12]. */
    private static final long[] POWERS = new long[26];
    /** M[j] = round(2^32 (1 - e^(-j/16))) for j in [0, 15]. */
    private static final long[] SIXTEENTHS = new long[16];
    /** spinn_common's quadratic for 2^32 (1 - e^(-y / 2^32)), y below 2^28 (its {@code __exp_series}). */
    private static final long SERIES_0 = 5294L;
    private static final long SERIES_1 = 4293434720L;
    private static final long SERIES_2 = 2081624032L;
    private static final long LOW_32 = 0xFFFFFFFFL;

    static {
        MathContext mc = new MathContext(60);
        BigDecimal twoTo32 = BigDecimal.valueOf(1L << 32);
        BigDecimal e = exp(BigDecimal.ONE, mc);
        for (int z = -13; z <= 12; z++) {
            BigDecimal power = z >= 0 ? e.pow(z, mc) : BigDecimal.ONE.divide(e.pow(-z, mc), mc);
            POWERS[z + 13] = power.multiply(twoTo32).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
        for (int j = 0; j < 16; j++) {
            BigDecimal decay = exp(BigDecimal.valueOf(-j).divide(BigDecimal.valueOf(16), mc), mc);
            SIXTEENTHS[j] = BigDecimal.ONE.subtract(decay).multiply(twoTo32).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        }
    }

    private FixedExp() {}

    /** e^x by its Taylor series (x of magnitude at most 1), to the context's precision. */
    private static BigDecimal exp(BigDecimal x, MathContext mc) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 100; k++) {
            term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return sum;
    }

    /** The table entry {@code round(2^32 e^z)}, for tests. */
    static long power(int z) {
        return POWERS[z + 13];
    }

    /** The table entry {@code round(2^32 (1 - e^(-j/16)))}, for tests. */
    static long sixteenth(int j) {
        return SIXTEENTHS[j];
    }

    /** spinn_common's {@code expk}: e^x of an S16.15 word, as an S16.15 word. */
    public static int expk(int x) {
        if (x > MAX_ARGUMENT) {
            return Integer.MAX_VALUE;
        }
        if (x < MIN_ARGUMENT) {
            return 0;
        }
        return (int) (wide(x) >>> 17);
    }

    /** spinn_common's {@code expulr}: e^x of an S16.15 word, as a U0.32 word (0 for x = 0, which overflows). */
    public static int expulr(int x) {
        if (x > MAX_ARGUMENT) {
            return Integer.MAX_VALUE;
        }
        if (x < MIN_ARGUMENT) {
            return 0;
        }
        return (int) wide(x);
    }

    /** e^x with 32 fraction bits. */
    private static long wide(int x) {
        int z = x >> 15;
        int f = x - (z << 15);
        if (f == 0) {
            return POWERS[z + 13];
        }
        z++;
        f = (1 << 15) - f;
        long v = POWERS[z + 13];
        v -= scale(v, SIXTEENTHS[f >> 11]);
        long y = (long) (f & 0x7FF) << 17;
        return v - scale(v, series(y));
    }

    /** spinn_common's quadratic for 1 - e^(-y), y and result as U0.32, in 32-bit unsigned arithmetic. */
    private static long series(long y) {
        long t = (SERIES_1 - highProduct(SERIES_2, y)) & LOW_32;
        t = highProduct(t, y);
        return (t + SERIES_0) & LOW_32;
    }

    /** The top 32 bits of the product of two unsigned 32-bit numbers. */
    private static long highProduct(long a, long b) {
        return (a * b) >>> 32;
    }

    /**
     * x times the U0.32 fraction y: the low word's product rounded up when its low 32 bits are
     * at least 2^31 - 1, plus the high word's product (spinn_common's {@code scale64}).
     */
    private static long scale(long x, long y) {
        long low = (x & LOW_32) * y;
        long rounded = (low >>> 32) + ((low & LOW_32) >= 0x7FFFFFFFL ? 1 : 0);
        return rounded + (x >>> 32) * y;
    }
}
