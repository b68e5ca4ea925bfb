package org.engram.simulator.engine.fixed;

/**
 * The STDP region of a core image: one pair rule (all-to-all traces) for every plastic synapse of
 * the core, and one weight dependence with bounds and amplitudes per receptor (index 0
 * excitatory, 1 inhibitory), as sPyNNaker allows one rule per population.
 *
 * <p>Formats: the decay tables as {@link StdpLut} makes them; {@code wMin}, {@code wMax} in ring
 * buffer weight units of the receptor; {@code aPlus}, {@code aMinus} in weight units for the
 * additive dependence (at most 32767, a 16-bit multiply operand) and in S16.15 for the
 * multiplicative one.
 */
public final class StdpParameters {
    public final int[] lutPlus;
    public final int[] lutMinus;
    public final boolean multiplicative;
    public final int[] wMin = new int[2];
    public final int[] wMax = new int[2];
    public final int[] aPlus = new int[2];
    public final int[] aMinus = new int[2];

    public StdpParameters(int[] lutPlus, int[] lutMinus, boolean multiplicative) {
        if (lutPlus.length == 0 || lutMinus.length == 0) {
            throw new IllegalArgumentException("an STDP decay table needs at least one entry");
        }
        this.lutPlus = lutPlus;
        this.lutMinus = lutMinus;
        this.multiplicative = multiplicative;
    }
}
