package org.engram.simulator.engine.fixed;

/**
 * sPyNNaker's STDP decay tables: entry {@code k} is {@code floor(2048 e^(-k dt / tau))}, the
 * decay over {@code k} steps in the STDP format (signed 16-bit words with 11 fraction bits,
 * {@value #ONE} = 1.0). The table has the even number of entries at or above
 * {@code ln(2048) tau / dt} (so that it reaches the last non-zero value); a lookup beyond it gives 0.
 */
public final class StdpLut {
    /** 1.0 in the STDP format (11 fraction bits). */
    public static final int ONE = 1 << 11;
    /** The fraction bits of the STDP format. */
    public static final int FRACTION_BITS = 11;

    private StdpLut() {}

    /** The table of {@code tau} (ms) at step {@code dt} (ms). */
    public static int[] of(double dtMs, double tauMs) {
        double lambda = dtMs / tauMs;
        double reach = Math.log(ONE) / lambda;
        int size = (int) Math.min(1 << 16, 2 * Math.ceil(reach / 2));
        int[] lut = new int[size];
        for (int k = 0; k < size; k++) {
            lut[k] = (int) Math.floor(Math.exp(-k * lambda) * ONE);
        }
        return lut;
    }

    /** The decay over {@code steps} steps: the entry, or 0 beyond the table (and for negative steps). */
    static int decay(int[] lut, int steps) {
        return steps >= 0 && steps < lut.length ? lut[steps] : 0;
    }

    /**
     * The STDP product of two values: both cut to their low 16 bits (signed), multiplied, shifted
     * right by 11 (rounding toward minus infinity): the ARM {@code SMULBB} sPyNNaker uses.
     */
    static int multiply(int a, int b) {
        return ((short) a * (short) b) >> FRACTION_BITS;
    }
}
