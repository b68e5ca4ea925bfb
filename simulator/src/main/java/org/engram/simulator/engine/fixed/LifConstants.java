package org.engram.simulator.engine.fixed;

/**
 * The constants a core derives from its {@link LifParameters} when it starts, per neuron, as
 * sPyNNaker's LIF model and exponential synapses do ({@code h} is the step; {@link FixedPoint}
 * gives each operation's rounding):
 * <pre>
 *   R         = tau_m / cm                           S16.15, MOhm
 *   exp_TC    = expk(-(h / tau_m))                   S16.15
 *   T_refract = ceil(tau_refrac / h)                 steps
 *   decay     = expulr(-(h / tau_syn))               U0.32, per receptor
 *   init      = (tau_syn / h) (1 - decay)            U0.32, per receptor (1 is the largest U0.32 word)
 * </pre>
 * Delta synapses have neither decay nor init (both 0).
 */
public final class LifConstants {
    public final int[] rMembrane;
    public final int[] expTc;
    public final int[] refractSteps;
    public final int[] decayE;
    public final int[] decayI;
    public final int[] initE;
    public final int[] initI;

    /**
     * @throws ArithmeticException naming the neuron if a divisor word (cm, a time constant, the
     *         step) is zero
     */
    public LifConstants(LifParameters p) {
        int n = p.size();
        rMembrane = new int[n];
        expTc = new int[n];
        refractSteps = new int[n];
        decayE = new int[n];
        decayI = new int[n];
        initE = new int[n];
        initI = new int[n];
        int h = p.timeStep;
        for (int i = 0; i < n; i++) {
            try {
                rMembrane[i] = FixedPoint.divide(p.tauM[i], p.cm[i]);
                expTc[i] = FixedExp.expk(-FixedPoint.divide(h, p.tauM[i]));
                refractSteps[i] = FixedPoint.ceil(FixedPoint.divide(p.tauRefrac[i], h));
                if (!p.delta()) {
                    decayE[i] = decay(h, p.tauSynE[i]);
                    decayI[i] = decay(h, p.tauSynI[i]);
                    initE[i] = init(h, p.tauSynE[i], decayE[i]);
                    initI[i] = init(h, p.tauSynI[i], decayI[i]);
                }
            } catch (ArithmeticException e) {
                throw new ArithmeticException("neuron " + i + ": cm or a time constant is a zero word");
            }
        }
    }

    /** {@code expulr(-(h / tau))}. */
    static int decay(int h, int tau) {
        return FixedExp.expulr(-FixedPoint.divide(h, tau));
    }

    /** {@code (tau / h)(1 - decay)}. */
    static int init(int h, int tau, int decay) {
        return FixedPoint.u032Product(FixedPoint.divide(tau, h), FixedPoint.U032_ALMOST_ONE - decay);
    }
}
