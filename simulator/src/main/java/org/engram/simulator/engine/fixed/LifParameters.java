package org.engram.simulator.engine.fixed;

/**
 * The neuron region of a core image: the S16.15 words the host writes for one slice of LIF
 * neurons, one array per parameter, indexed by neuron (sPyNNaker's LIF, threshold and synapse
 * parameter structs, with the same fields). The core derives its constants from these when it
 * starts (see {@link NeuronCore}). The arrays belong to the region; the builder or an image
 * decoder fills them.
 */
public final class LifParameters {
    /** Model codes. */
    public static final int IF_CURR_EXP = 0;
    public static final int IF_CURR_DELTA = 1;
    /** Reset codes: {@code v = v_reset}, or {@code v -= v_thresh - v_reset}. */
    public static final int RESET_SET = 0;
    public static final int RESET_SUBTRACT = 1;

    /** {@link #IF_CURR_EXP} or {@link #IF_CURR_DELTA}. */
    public final int model;
    /** {@link #RESET_SET} or {@link #RESET_SUBTRACT}, for every neuron of the slice. */
    public final int reset;
    /** The step, ms (S16.15). */
    public final int timeStep;
    /** Initial membrane potential, mV. */
    public final int[] vInit;
    public final int[] vRest;
    /** Membrane capacitance, nF. */
    public final int[] cm;
    public final int[] tauM;
    public final int[] iOffset;
    public final int[] vReset;
    /** Refractory period, ms. */
    public final int[] tauRefrac;
    /** Initial refractory counter, steps (an integer, not S16.15). */
    public final int[] refractInit;
    public final int[] vThresh;
    /** Excitatory and inhibitory synaptic time constants (ms) and initial currents (nA); unused for delta synapses. */
    public final int[] tauSynE;
    public final int[] isynE;
    public final int[] tauSynI;
    public final int[] isynI;

    /** A region of {@code n} neurons with every word zero. */
    public LifParameters(int model, int reset, int timeStep, int n) {
        if (model != IF_CURR_EXP && model != IF_CURR_DELTA) {
            throw new IllegalArgumentException("model code " + model + "; expected " + IF_CURR_EXP + " or "
                    + IF_CURR_DELTA);
        }
        if (reset != RESET_SET && reset != RESET_SUBTRACT) {
            throw new IllegalArgumentException("reset code " + reset + "; expected " + RESET_SET + " (set) or "
                    + RESET_SUBTRACT + " (subtract)");
        }
        if (timeStep <= 0) {
            throw new IllegalArgumentException("time step word " + timeStep + "; expected a positive S16.15 word");
        }
        if (n <= 0) {
            throw new IllegalArgumentException(n + " neurons; expected at least one");
        }
        this.model = model;
        this.reset = reset;
        this.timeStep = timeStep;
        vInit = new int[n];
        vRest = new int[n];
        cm = new int[n];
        tauM = new int[n];
        iOffset = new int[n];
        vReset = new int[n];
        tauRefrac = new int[n];
        refractInit = new int[n];
        vThresh = new int[n];
        tauSynE = new int[n];
        isynE = new int[n];
        tauSynI = new int[n];
        isynI = new int[n];
    }

    /** The number of neurons. */
    public int size() {
        return vInit.length;
    }

    public boolean delta() {
        return model == IF_CURR_DELTA;
    }

    /** True if a spike subtracts {@code v_thresh - v_reset} from v rather than setting v_reset. */
    public boolean subtracts() {
        return reset == RESET_SUBTRACT;
    }
}
