package org.engram.simulator.engine.fixed;

/**
 * The fixed-point formats and operations of the SpiNNaker core application, on plain {@code int}
 * words. Every operation states its rounding, since the result must be the one an ARM968 core
 * computes (see {@code simulator/docs/fixed-point.md}).
 *
 * <ul>
 *   <li>S16.15 ({@code accum}): a signed 32-bit word, value = word / 2<sup>15</sup>.</li>
 *   <li>U0.32 ({@code unsigned long fract}): an unsigned 32-bit word held in an {@code int},
 *       value = unsigned word / 2<sup>32</sup>, in [0, 1).</li>
 * </ul>
 */
public final class FixedPoint {
    /** 1.0 in S16.15. */
    public static final int ONE = 1 << 15;
    /** The largest U0.32 word (just under 1.0), which GCC writes for the constant {@code 1.0ulr}. */
    public static final int U032_ALMOST_ONE = 0xFFFFFFFF;
    private static final long LOW_32 = 0xFFFFFFFFL;

    private FixedPoint() {}

    /**
     * The S16.15 word of a value as the host writes it: {@code round(value * 2^15)}, ties to
     * even (Python's {@code round}, which SpiNNaker's front end uses).
     *
     * @throws ArithmeticException if the value is outside the S16.15 range
     */
    public static int s1615(double value) {
        double scaled = Math.rint(value * ONE);
        if (!(scaled >= Integer.MIN_VALUE && scaled <= Integer.MAX_VALUE)) {
            throw new ArithmeticException(value + " is outside the S16.15 range [-65536, 65536)");
        }
        return (int) scaled;
    }

    /** True if {@link #s1615} can encode the value. */
    public static boolean fitsS1615(double value) {
        double scaled = Math.rint(value * ONE);
        return scaled >= Integer.MIN_VALUE && scaled <= Integer.MAX_VALUE;
    }

    /** The value of an S16.15 word. */
    public static double toDouble(int s1615) {
        return s1615 / (double) ONE;
    }

    /** The value of a U0.32 word. */
    public static double u032ToDouble(int u032) {
        return Integer.toUnsignedLong(u032) / 4294967296.0;
    }

    /**
     * The U0.32 word of a fraction in [0, 1] as the host writes it: {@code round(value * 2^32)},
     * held at the largest word for values that round to 2<sup>32</sup>.
     */
    public static int u032(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ArithmeticException(value + " is not a fraction in [0, 1]");
        }
        double scaled = Math.rint(value * 4294967296.0);
        return scaled >= 4294967295.0 ? U032_ALMOST_ONE : (int) (long) scaled;
    }

    /**
     * The S16.15 product {@code a * b}: the 64-bit product shifted right by 15 and cut to 32 bits,
     * which rounds toward minus infinity. This is what GCC's ARM back end emits for
     * {@code accum * accum} (an {@code SMULL} and two shifts; no rounding, no saturation).
     */
    public static int multiply(int a, int b) {
        return (int) (((long) a * b) >> 15);
    }

    /**
     * The S16.15 quotient {@code a / b} as sPyNNaker's {@code kdivk} computes it: the unsigned
     * 64-bit division of {@code a << 15} by {@code b}, truncated, cut to 32 bits. Both operands
     * are treated as unsigned (the callers divide positive values).
     *
     * @throws ArithmeticException if {@code b} is zero
     */
    public static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("S16.15 division by zero");
        }
        return (int) Long.divideUnsigned(Integer.toUnsignedLong(a) << 15, Integer.toUnsignedLong(b));
    }

    /** True if {@link #divide} of these positive words fits 31 bits, so that the quotient is a positive word. */
    public static boolean quotientFits(int a, int b) {
        return b != 0 && Long.divideUnsigned(Integer.toUnsignedLong(a) << 15, Integer.toUnsignedLong(b))
                <= Integer.MAX_VALUE;
    }

    /** The smallest integer not below an S16.15 value (sPyNNaker's {@code lif_ceil_accum}). */
    public static int ceil(int s1615) {
        int integer = s1615 >> 15;
        return (s1615 & 0x7FFF) > 0 ? integer + 1 : integer;
    }

    /**
     * An S16.15 value times a U0.32 fraction: the signed 64-bit product plus 2<sup>31</sup>,
     * shifted right by 32 (round to nearest, ties up). sPyNNaker's {@code decay_s1615} truncates
     * instead; applied every step to a synaptic current, truncation loses half a unit per step
     * and biases the current down by {@code 0.5 / (1 - decay)} units, which at small steps
     * shifts firing rates by percents (see {@code simulator/docs/fixed-point.md}).
     */
    public static int decay(int s1615, int u032) {
        return (int) (((long) s1615 * (u032 & LOW_32) + (1L << 31)) >> 32);
    }

    /**
     * A positive S16.15 value times a U0.32 fraction, as a U0.32 fraction (sPyNNaker's
     * {@code decay_s1615_to_u032}): the unsigned 64-bit product shifted right by 15, cut to 32 bits.
     */
    public static int u032Product(int s1615, int u032) {
        return (int) ((Integer.toUnsignedLong(s1615) * (u032 & LOW_32)) >>> 15);
    }
}
