package org.engram.simulator.engine.fixed;

/**
 * spinn_common's {@code mars_kiss64_seed}: Marsaglia's KISS generator in the 32-bit form of D. Jones
 * (JKISS), four 32-bit words of state {@code x, y, z, c}. Each draw, in unsigned 32-bit arithmetic:
 * <pre>
 *   x = 314527869 x + 1234567
 *   y ^= y &lt;&lt; 5;  y ^= y &gt;&gt;&gt; 7;  y ^= y &lt;&lt; 22
 *   t = 4294584393 z + c  (64 bits);  c = t &gt;&gt;&gt; 32;  z = low 32 bits of t
 *   return x + y + z
 * </pre>
 * A seed is made valid as spinn_common's {@code validate_mars_kiss64_seed} does: y = 0 becomes
 * 13031301, and c becomes {@code c mod 698769068 + 1} (so that z and c are never both 0).
 */
public final class Kiss64 {
    private static final long LOW_32 = 0xFFFFFFFFL;
    private int x;
    private int y;
    private int z;
    private int c;

    /** A generator from four seed words, validated as above. */
    public Kiss64(int x, int y, int z, int c) {
        this.x = x;
        this.y = y == 0 ? 13031301 : y;
        this.z = z;
        this.c = (int) (Integer.toUnsignedLong(c) % 698769068L + 1);
    }

    /** The next uniform 32-bit word (unsigned, held in an int). */
    public int next() {
        x = 314527869 * x + 1234567;
        y ^= y << 5;
        y ^= y >>> 7;
        y ^= y << 22;
        long t = 4294584393L * (z & LOW_32) + (c & LOW_32);
        c = (int) (t >>> 32);
        z = (int) t;
        return x + y + z;
    }

    /** The state words {x, y, z, c}, as a core image stores them. */
    public int[] state() {
        return new int[] {x, y, z, c};
    }
}
