package org.engram.simulator.engine.event;

import java.util.Arrays;
import org.engram.simulator.build.BuiltNetwork;

/**
 * The linear LIF neurons ({@code IF_curr_delta}, and {@code IF_curr_exp} whose synaptic time
 * constants are both below tau_m) in a scaled global-time form, in which a synaptic delivery is a
 * multiply-add and a rigorous test for "may this input bring the threshold crossing forward?" is
 * one comparison.
 *
 * <p><b>Representation.</b> Between events, with {@code v_inf = v_rest + (tau_m/cm) i_offset},
 * <pre>
 *   v(t) = v_inf + a(t) - kE E(t) + kI I(t),      kE = tau_m tau_E / (cm (tau_m - tau_E)) > 0,
 *                                                 kI = tau_m tau_I / (cm (tau_m - tau_I)) > 0,
 *   a(t) = a0 exp(-t/tau_m),  E(t) = E0 exp(-t/tau_E),  I(t) = I0 exp(-t/tau_I)
 * </pre>
 * ({@code -kE E} and {@code kI I} are the particular solutions of the current terms, {@code a} the
 * homogeneous part; this is the closed form of {@link CurrExpMembrane} rearranged.) Each
 * coefficient is stored multiplied by {@code g_tau(t) = exp((t - epoch)/tau)} of its own time
 * constant: {@code mh = a g_m}, {@code eh = E g_E}, {@code ih = I g_I}, constant between events. An
 * excitatory weight w at t makes E jump by w and, v being continuous, a by {@code kE w}:
 * {@code eh += w g_E(t); mh += kE w g_m(t)}. Inhibition: {@code ih += w g_I(t); mh -= kI w g_m(t)}.
 * Delta synapses (no E, I) jump v itself: {@code mh += w g_m(t)}. The factors depend on t and on
 * the time constants only, so they are computed once per time and class of neurons with equal
 * constants ({@link #factorsAt}) and every synapse of a spike shares them. Every
 * {@link #renormaliseEveryMs} the epoch moves forward and all scaled values are rescaled, which
 * keeps the factors below {@code e^50}.
 *
 * <p><b>Upper bound.</b> From a state at t, with {@code x = exp(-(s - t)/tau_m)},
 * {@code v(s) <= U(s) = v_inf + lin x + quad x^2}: {@code -kE E <= 0} is dropped, and the
 * inhibitory term {@code kI I exp(-(s - t)/tau_I)} is bounded by {@code kI I x^2} when
 * {@code tau_I <= tau_m / 2} ({@link #inhibitionSquared}: {@code quad = kI I}, {@code lin = a}),
 * else by {@code kI I x} ({@code quad = 0}, {@code lin = a + kI I}). In global time, with
 * {@code y = 1/g_m(s)}, {@code U = v_inf + bh y + qh y^2} ({@code bh = lin g_m(t)},
 * {@code qh = quad g_m(t)^2}). An input at a later t1 adds its PSP kernel, for which the bound
 * keeps a term at least as large: excitation w adds at most {@code kE w x1}
 * ({@code x1 = g_m(t1) y}), so bh grows by the same {@code kE w g_m(t1)} as mh; inhibition adds
 * {@code -kI w (x1 - exp(-(s - t1)/tau_I))}, at most {@code -kI w (x1 - x1^2)} when
 * inhibitionSquared (bh falls and qh grows; else the bound is left alone). U is then an upper
 * bound of v until the neuron's next check. The engine plans that check at a time Tp where U,
 * with room for more excitation, would reach threshold (END holds y(Tp)); U is
 * convex in y, so it stays below threshold on the rest of [now, Tp] while it is below at both
 * ends: while bh stays below NEED, which is all an excitatory delivery tests. Inhibition only
 * lowers U and never re-plans. NEED encodes the other states: -infinity "re-plan on any
 * excitation" (an exact FIRE is pending), +infinity "never" (refractory).
 *
 * <p><b>The excitatory current's share.</b> U needs to hold only until Tp, where
 * {@code x >= x_p = exp(-(Tp - t)/tau_m)}, and there {@code x^r >= x_p^(r-1) x}
 * ({@code r = tau_m/tau_E > 1}): the dropped {@code -kE E x^r} keeps a part,
 * {@code -kE E x_p^(r-1) x}, in lin. In global time that part of an input at t1 is
 * {@code -kE w g_E(t1) y(Tp)^(r-1) y}, so an excitatory delivery raises bh by
 * {@code w (kE g_m(t1) - g_E(t1) ED)} with {@code ED = kE y(Tp)^(r-1)}: less the nearer it comes to
 * Tp, where a PSP has not yet risen.
 */
final class ScaledMembranes {
    /** The epoch moves forward when the factor of the shortest time constant would pass e^50. */
    private static final double RENORMALISE_TAUS = 50;
    /** tau_syn must be below this fraction of tau_m, so that kE and kI stay well conditioned. */
    static final double MAX_TAU_SYN_RATIO = 0.95;

    final boolean[] scaled;
    /** The class (equal tau_m, tau_E, tau_I, cm) of each scaled neuron; see {@link #classOf}. */
    private final int[] classIndex;
    /** Whether all scaled neurons are one class (class 0): then no neuron's class is read. */
    private final boolean oneClass;
    /** v_inf = v_rest + (tau_m/cm) i_offset and v_thresh - v_inf of each scaled neuron. */
    private final ClassShared vInf;
    private final ClassShared room;
    /**
     * True when every target of a static (plastic) synapse is scaled and all scaled neurons are
     * one class (class 0).
     */
    final boolean singleClassTargets;
    final boolean singleClassPlasticTargets;
    /**
     * The per-neuron state, one record of {@link #STRIDE} doubles per neuron (offsets
     * {@link #MH} to {@link #END}) rather than an array per variable: a delivery touches one
     * record, one or two cache lines, where separate arrays cost a cache miss each once the
     * network outgrows the caches (100,000 neurons).
     * <ul>
     *   <li>MH, EH, IH: mh, eh, ih (see the class comment);</li>
     *   <li>BH, QH: the bound's coefficients, scaled: {@code bh = lin g_m}, {@code qh = quad g_m^2}
     *       (lin less the excitatory share, see below);</li>
     *   <li>NEED: the largest bh for which the bound stays below threshold on the planning
     *       interval ({@link #need}). It is -infinity while an exact FIRE is pending (any excitation re-plans), +infinity
     *       while refractory (no input re-plans);</li>
     *   <li>ED: {@code kE y(Tp)^(r-1)}, the excitatory current's share that the bound keeps (see
     *       the class comment);</li>
     *   <li>END: y = 1/g_m at the end of the planning interval (0: it never ends); while an exact
     *       FIRE is pending, y at the FIRE.</li>
     * </ul>
     */
    final double[] state;
    static final int STRIDE_SHIFT = 3;
    static final int STRIDE = 1 << STRIDE_SHIFT;
    static final int MH = 0;
    static final int EH = 1;
    static final int IH = 2;
    static final int BH = 3;
    static final int QH = 4;
    static final int NEED = 5;
    static final int ED = 6;
    static final int END = 7;
    /**
     * True from a spike until the check at the end of the refractory period sets v = v_reset
     * (exponential synapses; a delta neuron is never clamped: its state at the end of the
     * period is set at the spike, and the engine drops its inputs until then).
     */
    final boolean[] clamped;
    /** True once inhibition arrived after the last check: a planned FIRE must be confirmed. */
    final boolean[] inhibited;

    // per class
    final double[] tauM;
    final double[] tauE;
    final double[] tauI;
    final double[] kE;
    final double[] kI;
    /** Whether the class has delta synapses (IF_curr_delta: no synaptic currents, kE = kI = 0). */
    final boolean[] delta;
    /**
     * tau_m / tau_E and tau_m / tau_I when both are integers in [2, 16], so that v is a polynomial
     * in exp(-s/tau_m) ({@link PolynomialCrossing}); else 0.
     */
    final int[] powerE;
    final int[] powerI;
    /** Whether tau_I <= tau_m / 2, so that {@code exp(-s/tau_I) <= exp(-s/tau_m)^2}. */
    final boolean[] inhibitionSquared;
    /** Factors at {@link #factorTime}: g_m, g_E, g_I, and y = 1/g_m. */
    final double[] gm;
    final double[] ym;
    final double[] ge;
    final double[] gi;
    private final double[] factorTime;

    double epoch;
    final double renormaliseEveryMs;

    ScaledMembranes(BuiltNetwork net) {
        int n = net.neuronCount;
        scaled = new boolean[n];
        classIndex = new int[n];
        int classes = 0;
        double[][] keys = new double[4][8];
        for (int g = 0; g < n; g++) {
            if (!eligible(net, g)) {
                continue;
            }
            scaled[g] = true;
            boolean delta = net.model[g] == BuiltNetwork.IF_CURR_DELTA;
            double tm = net.tauM[g];
            double te = delta ? 0 : net.tauSynE[g];
            double ti = delta ? 0 : net.tauSynI[g];
            double c = net.cm[g];
            int k = 0;
            while (k < classes && !(keys[0][k] == tm && keys[1][k] == te && keys[2][k] == ti && keys[3][k] == c)) {
                k++;
            }
            if (k == classes) {
                if (classes == keys[0].length) {
                    for (int q = 0; q < 4; q++) {
                        keys[q] = Arrays.copyOf(keys[q], classes * 2);
                    }
                }
                keys[0][k] = tm;
                keys[1][k] = te;
                keys[2][k] = ti;
                keys[3][k] = c;
                classes++;
            }
            classIndex[g] = k;
        }
        oneClass = classes == 1;
        tauM = Arrays.copyOf(keys[0], classes);
        tauE = Arrays.copyOf(keys[1], classes);
        tauI = Arrays.copyOf(keys[2], classes);
        kE = new double[classes];
        kI = new double[classes];
        inhibitionSquared = new boolean[classes];
        delta = new boolean[classes];
        powerE = new int[classes];
        powerI = new int[classes];
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double c = keys[3][k];
            kE[k] = tauE[k] == 0 ? 0 : tauM[k] * tauE[k] / (c * (tauM[k] - tauE[k]));
            kI[k] = tauI[k] == 0 ? 0 : tauM[k] * tauI[k] / (c * (tauM[k] - tauI[k]));
            inhibitionSquared[k] = tauI[k] > 0 && 2 * tauI[k] <= tauM[k];
            delta[k] = kE[k] == 0 && kI[k] == 0;
            if (tauE[k] > 0) {
                int pe = CurrExpMembrane.integerRatio(tauM[k], tauE[k]);
                int pi = CurrExpMembrane.integerRatio(tauM[k], tauI[k]);
                powerE[k] = pe > 0 && pi > 0 ? pe : 0;
                powerI[k] = pe > 0 && pi > 0 ? pi : 0;
            }
            shortest = Math.min(shortest, tauM[k]);
            if (tauE[k] > 0) {
                shortest = Math.min(shortest, Math.min(tauE[k], tauI[k]));
            }
        }
        renormaliseEveryMs = RENORMALISE_TAUS * shortest;
        gm = new double[classes];
        ym = new double[classes];
        ge = new double[classes];
        gi = new double[classes];
        factorTime = new double[classes];
        Arrays.fill(factorTime, Double.NaN);
        double[] vInfs = new double[n];
        double[] rooms = new double[n];
        singleClassTargets = oneClass && allScaled(net.staticTarget);
        singleClassPlasticTargets = oneClass && allScaled(net.plasticTarget);
        state = new double[n << STRIDE_SHIFT];
        clamped = new boolean[n];
        inhibited = new boolean[n];
        for (int g = 0; g < n; g++) {
            if (scaled[g]) {
                int k = classIndex[g];
                double vInf = net.vRest[g] + net.tauM[g] / net.cm[g] * net.iOffset[g];
                vInfs[g] = vInf;
                rooms[g] = net.vThresh[g] - vInf;
                int r = record(g);
                state[r + EH] = net.synE0[g];
                state[r + IH] = net.synI0[g];
                state[r + MH] = net.v0[g] - vInf + kE[k] * net.synE0[g] - kI[k] * net.synI0[g];
                state[r + NEED] = Double.NEGATIVE_INFINITY;
            }
        }
        this.vInf = new ClassShared(vInfs);
        this.room = new ClassShared(rooms);
    }

    /**
     * A parameter of the scaled neurons, read once per class where all the neurons of the class
     * share it (the common case): the per-neuron array, a cache miss each time in a network that
     * outgrows the caches, is then not read.
     */
    private final class ClassShared {
        private final double[] perNeuron;
        /** Per class, the value all its neurons have, or NaN where they differ. */
        private final double[] perClass;

        ClassShared(double[] perNeuron) {
            this.perNeuron = perNeuron;
            perClass = new double[tauM.length];
            Arrays.fill(perClass, Double.NaN);
            boolean[] seen = new boolean[tauM.length];
            for (int g = 0; g < scaled.length; g++) {
                if (scaled[g]) {
                    int k = classIndex[g];
                    if (!seen[k]) {
                        seen[k] = true;
                        perClass[k] = perNeuron[g];
                    } else if (perClass[k] != perNeuron[g]) {
                        perClass[k] = Double.NaN; // stays NaN: NaN equals nothing
                    }
                }
            }
        }

        double of(int g) {
            double shared = perClass[classOf(g)];
            return Double.isNaN(shared) ? perNeuron[g] : shared;
        }
    }

    /** The class of scaled neuron g. */
    int classOf(int g) {
        return oneClass ? 0 : classIndex[g];
    }

    /** v_inf of scaled neuron g. */
    double vInf(int g) {
        return vInf.of(g);
    }

    /** v_thresh - v_inf of scaled neuron g. */
    double room(int g) {
        return room.of(g);
    }

    private boolean allScaled(int[] targets) {
        for (int j : targets) {
            if (!scaled[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Neurons whose dynamics this form covers exactly and whose bound holds: delta synapses, or
     * exponential currents decaying faster than the membrane, starting from non-negative currents.
     */
    private static boolean eligible(BuiltNetwork net, int g) {
        if (net.resetSubtracts[g]) {
            return false; // the scaled form restarts from v_reset after a spike; the exact path keeps the rest
        }
        if (net.receivesCurrent(g)) {
            return false; // the scaled form holds v_inf fixed; a current source changes it
        }
        byte m = net.model[g];
        if (m == BuiltNetwork.IF_CURR_DELTA) {
            return true;
        }
        return m == BuiltNetwork.IF_CURR_EXP && net.tauSynE[g] < MAX_TAU_SYN_RATIO * net.tauM[g]
                && net.tauSynI[g] < MAX_TAU_SYN_RATIO * net.tauM[g] && net.synE0[g] >= 0 && net.synI0[g] >= 0;
    }

    /**
     * For {@code room < 0} and {@code lin + quad < room}, {@code quad >= 0}: the x in (0, 1) where
     * {@code lin x + quad x^2} first reaches room as x falls from 1, that is the smaller root of
     * {@code quad x^2 + lin x - room} (the convex polynomial is positive at 0 and negative at 1),
     * in the form that does not cancel.
     */
    static double reachFactor(double lin, double quad, double room) {
        return -2 * room / (Math.sqrt(Math.max(0, lin * lin + 4 * quad * room)) - lin);
    }

    /** Makes gm, ge, gi of class k those of time t. */
    void factorsAt(int k, double t) {
        if (factorTime[k] != t) {
            double s = t - epoch;
            gm[k] = Math.exp(s / tauM[k]);
            ym[k] = 1 / gm[k];
            if (powerE[k] > 0) {
                // tau_m = n tau_E = m tau_I: powers of g_m instead of two more exponentials
                ge[k] = CurrExpMembrane.power(gm[k], powerE[k]);
                gi[k] = CurrExpMembrane.power(gm[k], powerI[k]);
            } else if (tauE[k] > 0) {
                ge[k] = Math.exp(s / tauE[k]);
                gi[k] = Math.exp(s / tauI[k]);
            }
            factorTime[k] = t;
        }
    }

    /** E of neuron g at the time of its class's factors. */
    double synE(int g) {
        return kE[classOf(g)] == 0 ? 0 : state[record(g) + EH] / ge[classOf(g)];
    }

    double synI(int g) {
        return kI[classOf(g)] == 0 ? 0 : state[record(g) + IH] / gi[classOf(g)];
    }

    /** a of neuron g at the time of its class's factors. */
    double homogeneous(int g) {
        return state[record(g) + MH] / gm[classOf(g)];
    }

    /** v of neuron g at the time of its class's factors (free evolution; the caller handles refractoriness). */
    double v(int g, double vInf) {
        int k = classOf(g);
        return vInf + homogeneous(g) - kE[k] * synE(g) + kI[k] * synI(g);
    }

    /**
     * Neuron g's bound has been set at the present time (factors gm, ym = 1/gm) and a CHECK
     * planned where it would reach threshold, at y(Tp) = {@code end} (0 if never), keeping the
     * excitatory share {@code ed}: inputs re-plan once the bound may reach threshold in between.
     */
    void planCheck(int g, double gm, double ym, double end, double ed) {
        int r = record(g);
        state[r + END] = end;
        state[r + ED] = ed;
        state[r + NEED] = need(g, gm, ym);
    }

    /**
     * {@code x^(r-1)} for r = tau_m/tau_E of class k (x in [0, 1]): with
     * {@code kE E x^(r-1)} taken from lin, the bound holds while {@code exp(-(s - t)/tau_m) >= x}.
     */
    double excitationShare(int k, double x) {
        if (tauE[k] == 0) {
            return 0;
        }
        return powerE[k] > 0 ? CurrExpMembrane.power(x, powerE[k] - 1) : Math.pow(x, tauM[k] / tauE[k] - 1);
    }

    /**
     * Neuron g has an exact FIRE pending, at y = {@code fireY} (0 if none is known): every
     * excitatory input re-plans it, starting from there.
     */
    void planFire(int g, double fireY) {
        int r = record(g);
        state[r + NEED] = Double.NEGATIVE_INFINITY;
        state[r + END] = fireY;
    }

    /** Neuron g is refractory: no input re-plans it. */
    void planRefractory(int g) {
        state[record(g) + NEED] = Double.POSITIVE_INFINITY;
    }

    /**
     * The inhibitory input -kI w (x1 - x1^2) at a time with factors gm and ym = 1/gm,
     * {@code d = -kI w gm < 0}: bh falls by |d| and qh grows by {@code |d| gm}, which lowers the
     * bound from then on. Need falls too, by {@code |d| gm y} at each y of the planning interval,
     * at most |d| (y <= ym): lowering it by |d| keeps it a lower bound of the exact value, and bh
     * keeps its distance to it (an excitatory input that reaches it recomputes it exactly). An
     * infinite need stays as it is.
     */
    void inhibit(int r, double d, double gm) {
        state[r + BH] += d;
        state[r + QH] -= d * gm;
        state[r + NEED] += d;
    }

    /**
     * Called when an excitatory input at a time with factors gm, ym = 1/gm has raised bh to need:
     * need is recomputed for the rest of the planning interval (it was for an interval that
     * started earlier, where the bound may have been the tighter) and tells whether bh is still
     * below it, in which case the plan holds.
     */
    boolean stillBelowAfterRestart(int g, double gm, double ym) {
        int r = record(g);
        if (Double.isInfinite(state[r + NEED])) {
            return false;
        }
        double need = need(g, gm, ym);
        state[r + NEED] = need;
        return state[r + BH] < need;
    }

    /**
     * The largest bh for which {@code v_inf + bh y + qh y^2} stays below threshold from the
     * present (y = ym, gm = 1/ym) to the end of the planning interval: the minimum of
     * {@code f(y) = room/y - qh y} over that range of y, which is at an end (f is concave when
     * room < 0 and decreasing otherwise). It stays valid, conservatively, as time goes on.
     */
    private double need(int g, double gm, double ym) {
        int r = record(g);
        double room = room(g);
        double q = state[r + QH];
        double atStart = room * gm - q * ym;
        double end = state[r + END];
        return end > 0 ? Math.min(atStart, room / end - q * end) : atStart;
    }

    /** The index in {@link #state} of neuron g's record. */
    static int record(int g) {
        return g << STRIDE_SHIFT;
    }

    /** Moves the epoch to t: every scaled value is divided by its factor at t. */
    void renormalise(double t) {
        int classes = tauM.length;
        double[] fm = new double[classes];
        double[] fe = new double[classes];
        double[] fi = new double[classes];
        for (int k = 0; k < classes; k++) {
            fm[k] = Math.exp(-(t - epoch) / tauM[k]);
            fe[k] = tauE[k] > 0 ? Math.exp(-(t - epoch) / tauE[k]) : 0;
            fi[k] = tauI[k] > 0 ? Math.exp(-(t - epoch) / tauI[k]) : 0;
        }
        for (int g = 0; g < scaled.length; g++) {
            if (scaled[g]) {
                int k = classOf(g);
                int r = record(g);
                state[r + MH] *= fm[k];
                state[r + BH] *= fm[k];
                state[r + QH] *= fm[k] * fm[k];
                state[r + NEED] *= fm[k]; // +-inf stays
                state[r + END] /= fm[k];
                state[r + EH] *= fe[k];
                state[r + ED] *= fe[k] > 0 ? fm[k] / fe[k] : 0; // y(Tp)^(r-1) = y(Tp)^r / y(Tp)
                state[r + IH] *= fi[k];
            }
        }
        epoch = t;
        Arrays.fill(factorTime, Double.NaN);
    }
}
