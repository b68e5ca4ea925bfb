package org.engram.models.hlop;

/**
 * The deterministic rate code that turns an intensity {@code p} in [0, 1] (a pixel) into spikes
 * over {@code T} steps: an integrate-and-fire encoder that starts half-way to its threshold, so
 * <pre>
 *   p fires at step t (0-based)  ⇔  floor((t+1)·p + ½) > floor(t·p + ½)
 * </pre>
 * It fires {@code floor(T·p + ½)} times in {@code T} steps (p rounded to the nearest multiple of
 * 1/T), spread as evenly as the steps allow, and at most once a step; 0 never fires and 1 fires at
 * every step. The network trains on these spikes and the exported network replays the same ones,
 * so training and simulation see one input.
 */
public final class RateCode {
    private RateCode() {}

    /** True when intensity {@code p} (0 to 1) spikes at step {@code t} (0-based). */
    public static boolean fires(double p, int t) {
        return Math.floor((t + 1) * p + 0.5) > Math.floor(t * p + 0.5);
    }

    /** The steps, ascending, at which {@code p} spikes among steps 0 to {@code timesteps − 1}. */
    public static int[] steps(double p, int timesteps) {
        int[] out = new int[timesteps];
        int n = 0;
        for (int t = 0; t < timesteps; t++) {
            if (fires(p, t)) {
                out[n++] = t;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Checks that every element of {@code rows} is an intensity from 0 to 1; {@code place} names
     * the caller in the message.
     */
    static void check(String place, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                double p = rows[i][j];
                if (!(p >= 0 && p <= 1)) {   // also rejects NaN
                    throw new InvalidHlopException(place, "input " + i + " element " + j, p, "an intensity from 0 to 1");
                }
            }
        }
    }
}
