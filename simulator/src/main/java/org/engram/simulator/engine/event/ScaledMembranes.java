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
    /** A neuron whose bound may reach threshold within this time gets its exact crossing searched. */
    private static final double EXACT_WINDOW_MS = 1.0;
    /**
     * How many times a window check's window may double (see planWindowCheck): windows of 1 to 4
     * ms. A longer window spares checks of a neuron far below threshold, but each doubling costs
     * a test and a longer window's bound holds less often; the value is tuned on the benchmarks
     * (bench/RESULTS.md).
     */
    private static final int MAX_WINDOW_DOUBLINGS = 2;
    /**
     * Room for excitation left when a check is planned, mV, and at most this share of the gap
     * between the bound and threshold: the more room, the fewer inputs break the plan, but the
     * sooner it comes due. Checks coming due are cheap (bound checks are done in batches), re-plans
     * after an input are not, so the room is large; the values are tuned on the benchmarks
     * (bench/RESULTS.md).
     */
    private static final double SLACK_MV = 4.0;
    private static final double SLACK_SHARE = 0.7;
    /** {@link #NEED} while an exact FIRE is pending: any excitation re-plans. */
    private static final double REPLAN_ON_EXCITATION = Double.NEGATIVE_INFINITY;
    /** {@link #NEED} while refractory: no input re-plans. */
    private static final double NEVER_REPLAN = Double.POSITIVE_INFINITY;

    private final BuiltNetwork net;
    /** The first neuron this instance holds: it holds {@code first .. first + scaled.length - 1}. */
    private final int first;
    /** Whether each neuron held is in scaled form (indexed from {@link #first}). */
    private final boolean[] scaled;
    /** The class (equal tau_m, tau_E, tau_I, cm) of each neuron held; see {@link #classOf}. */
    private final int[] classIndex;
    /** Whether all scaled neurons of the network are one class (class 0): then no neuron's class is read. */
    private final boolean oneClass;
    /** v_inf = v_rest + (tau_m/cm) i_offset and v_thresh - v_inf of each neuron held. */
    private final ClassShared vInf;
    private final ClassShared room;
    /**
     * True when every target of a static (plastic) synapse in the network is scaled and all scaled
     * neurons are one class (class 0).
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
     *       interval ({@link #need}); {@link #REPLAN_ON_EXCITATION} while an exact FIRE is
     *       pending, {@link #NEVER_REPLAN} while refractory;</li>
     *   <li>ED: {@code kE y(Tp)^(r-1)}, the excitatory current's share that the bound keeps (see
     *       the class comment);</li>
     *   <li>END: y = 1/g_m at the end of the planning interval (0: it never ends); while an exact
     *       FIRE is pending, y at the FIRE.</li>
     * </ul>
     */
    private final double[] state;
    private static final int STRIDE_SHIFT = 3;
    private static final int STRIDE = 1 << STRIDE_SHIFT;
    /**
     * Where the first record starts: 6 doubles, so that with the array's 16-byte header every
     * record starts 64 bytes from the array's start, on a cache line's boundary where the array
     * does, and lies in one line. The G1 collector (the JVM's default) places an array of a
     * network that outgrows the caches, a humongous object, at the start of a region; without
     * the offset each record would straddle two lines, and a delivery miss twice (cuba at
     * 100,000 neurons, bench/RESULTS.md).
     */
    private static final int RECORDS_START = 6;
    private static final int MH = 0;
    private static final int EH = 1;
    private static final int IH = 2;
    private static final int BH = 3;
    private static final int QH = 4;
    private static final int NEED = 5;
    private static final int ED = 6;
    private static final int END = 7;
    /**
     * True from a spike until the check at the end of the refractory period sets v = v_reset
     * (exponential synapses; a delta neuron is never clamped: its state at the end of the
     * period is set at the spike, and inputs until then are dropped).
     */
    private final boolean[] clamped;
    /** True once inhibition arrived after the last check: a planned FIRE must be confirmed. */
    private final boolean[] inhibited;
    /** The end of each neuron's refractory period, indexed globally: the engine's array, shared. */
    private final double[] refractoryUntil;
    /** Where the neurons' checks and FIREs are planned. */
    private final NeuronSchedule schedule;
    private final PolynomialCrossing polynomial = new PolynomialCrossing();
    private final CurrExpMembrane currExp = new CurrExpMembrane();

    // per class
    private final double[] tauM;
    private final double[] tauE;
    private final double[] tauI;
    private final double[] kE;
    private final double[] kI;
    /** Whether the class has delta synapses (IF_curr_delta: no synaptic currents, kE = kI = 0). */
    private final boolean[] delta;
    /**
     * tau_m / tau_E and tau_m / tau_I when both are integers in [2, 16], so that v is a polynomial
     * in exp(-s/tau_m) ({@link PolynomialCrossing}); else 0.
     */
    private final int[] powerE;
    private final int[] powerI;
    /** Whether tau_I <= tau_m / 2, so that {@code exp(-s/tau_I) <= exp(-s/tau_m)^2}. */
    private final boolean[] inhibitionSquared;
    /** exp(-EXACT_WINDOW_MS / tau_m). */
    private final double[] exactWindowFactor;
    /** The factors of each class, at the time each was last asked for. */
    private final ClassFactors[] factors;

    private double epoch;
    private final double renormaliseEveryMs;

    /**
     * The factors of one class at one time, with which every synapse of a spike deposits
     * ({@link #deposit}): in fields of their own, since a store to a neuron's record (a double[])
     * cannot alias a field, so a delivery loop keeps them in registers.
     */
    static final class ClassFactors {
        private final int k;
        private double time = Double.NaN;
        /** g_m, 1/g_m, g_E, g_I (see the class comment). */
        double gm;
        double ym;
        double ge;
        double gi;
        /** kE g_m and kI g_m: the change of mh per unit of excitatory or inhibitory weight. */
        double excitation;
        double inhibition;
        final boolean delta;
        final boolean inhibitionSquared;

        private ClassFactors(int k, boolean delta, boolean inhibitionSquared) {
            this.k = k;
            this.delta = delta;
            this.inhibitionSquared = inhibitionSquared;
        }
    }

    /**
     * The neurons {@code first .. first + count - 1} of {@code net}, those of them in scaled form
     * planned on {@code schedule}; {@code refractoryUntil} is indexed globally.
     */
    ScaledMembranes(BuiltNetwork net, int first, int count, NeuronSchedule schedule, double[] refractoryUntil) {
        this.net = net;
        this.first = first;
        this.schedule = schedule;
        this.refractoryUntil = refractoryUntil;
        int n = net.neuronCount;
        scaled = new boolean[count];
        classIndex = new int[count];
        // the classes are numbered over the whole network, so that every part numbers them alike
        int classes = 0;
        double[][] keys = new double[4][8];
        for (int g = 0; g < n; g++) {
            if (!eligible(net, g)) {
                continue;
            }
            boolean isDelta = net.model[g] == BuiltNetwork.IF_CURR_DELTA;
            double tm = net.tauM[g];
            double te = isDelta ? 0 : net.tauSynE[g];
            double ti = isDelta ? 0 : net.tauSynI[g];
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
            if (g >= first && g < first + count) {
                scaled[g - first] = true;
                classIndex[g - first] = k;
            }
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
        exactWindowFactor = new double[classes];
        factors = new ClassFactors[classes];
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
            exactWindowFactor[k] = Math.exp(-EXACT_WINDOW_MS / tauM[k]);
            factors[k] = new ClassFactors(k, delta[k], inhibitionSquared[k]);
            shortest = Math.min(shortest, tauM[k]);
            if (tauE[k] > 0) {
                shortest = Math.min(shortest, Math.min(tauE[k], tauI[k]));
            }
        }
        renormaliseEveryMs = RENORMALISE_TAUS * shortest;
        double[] vInfs = new double[count];
        double[] rooms = new double[count];
        singleClassTargets = oneClass && allScaled(net, net.staticTarget);
        singleClassPlasticTargets = oneClass && allScaled(net, net.plasticTarget);
        state = new double[RECORDS_START + (count << STRIDE_SHIFT)];
        clamped = new boolean[count];
        inhibited = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (scaled[i]) {
                int g = first + i;
                int k = classIndex[i];
                double vi = net.vRest[g] + net.tauM[g] / net.cm[g] * net.iOffset[g];
                vInfs[i] = vi;
                rooms[i] = net.vThresh[g] - vi;
                int r = RECORDS_START + (i << STRIDE_SHIFT);
                state[r + EH] = net.synE0[g];
                state[r + IH] = net.synI0[g];
                state[r + MH] = net.v0[g] - vi + kE[k] * net.synE0[g] - kI[k] * net.synI0[g];
                state[r + NEED] = REPLAN_ON_EXCITATION;
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
            for (int i = 0; i < scaled.length; i++) {
                if (scaled[i]) {
                    int k = classIndex[i];
                    if (!seen[k]) {
                        seen[k] = true;
                        perClass[k] = perNeuron[i];
                    } else if (perClass[k] != perNeuron[i]) {
                        perClass[k] = Double.NaN; // stays NaN: NaN equals nothing
                    }
                }
            }
        }

        double of(int g) {
            double shared = perClass[classOf(g)];
            return Double.isNaN(shared) ? perNeuron[g - first] : shared;
        }
    }

    /** Whether neuron g (held here) is in scaled form. */
    boolean holds(int g) {
        return scaled[g - first];
    }

    /** The class of scaled neuron g. */
    int classOf(int g) {
        return oneClass ? 0 : classIndex[g - first];
    }

    /** v_inf of scaled neuron g. */
    private double vInf(int g) {
        return vInf.of(g);
    }

    /** v_thresh - v_inf of scaled neuron g. */
    private double room(int g) {
        return room.of(g);
    }

    /** The index in {@link #state} of neuron g's record. */
    private int record(int g) {
        return RECORDS_START + ((g - first) << STRIDE_SHIFT);
    }

    private static boolean allScaled(BuiltNetwork net, int[] targets) {
        for (int j : targets) {
            if (!eligible(net, j)) {
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
    private static double reachFactor(double lin, double quad, double room) {
        return -2 * room / (Math.sqrt(Math.max(0, lin * lin + 4 * quad * room)) - lin);
    }

    /** The factors of class k at time t. */
    ClassFactors factorsAt(int k, double t) {
        ClassFactors f = factors[k];
        if (f.time != t) {
            double s = t - epoch;
            f.gm = Math.exp(s / tauM[k]);
            f.ym = 1 / f.gm;
            if (powerE[k] > 0) {
                // tau_m = n tau_E = m tau_I: powers of g_m instead of two more exponentials
                f.ge = CurrExpMembrane.power(f.gm, powerE[k]);
                f.gi = CurrExpMembrane.power(f.gm, powerI[k]);
            } else if (tauE[k] > 0) {
                f.ge = Math.exp(s / tauE[k]);
                f.gi = Math.exp(s / tauI[k]);
            }
            f.excitation = kE[k] * f.gm;
            f.inhibition = kI[k] * f.gm;
            f.time = t;
        }
        return f;
    }

    /** E of neuron g at the time of factors f (those of g's class). */
    private double synE(int g, ClassFactors f) {
        return kE[f.k] == 0 ? 0 : state[record(g) + EH] / f.ge;
    }

    private double synI(int g, ClassFactors f) {
        return kI[f.k] == 0 ? 0 : state[record(g) + IH] / f.gi;
    }

    /** a of neuron g at the time of factors f. */
    private double homogeneous(int g, ClassFactors f) {
        return state[record(g) + MH] / f.gm;
    }

    /** v of neuron g at the time of factors f (free evolution; the caller handles refractoriness). */
    private double v(int g, ClassFactors f) {
        return vInf(g) + homogeneous(g, f) - kE[f.k] * synE(g, f) + kI[f.k] * synI(g, f);
    }

    /** v of scaled neuron g at t, not before its last event; changes nothing. */
    double voltage(int g, double t) {
        if (clamped[g - first] || t < refractoryUntil[g]) {
            return net.vReset[g];
        }
        return v(g, factorsAt(classOf(g), t));
    }

    // ---- deliveries: a multiply-add, and one comparison ----

    /**
     * Reads scaled neuron j's record and returns one of its values. The deliveries of a spike
     * touch their targets in a short loop before they deposit: its reads do not depend on one
     * another, so where the network outgrows the caches many of their misses are in flight at
     * once, where the deposits, longer, would overlap few.
     */
    double touchRecord(int j) {
        return state[record(j) + NEED];
    }

    /**
     * Scaled neuron j receives a signed weight (negative: inhibitory) at the time of factors f,
     * those of j's class. Returns whether the input raised j's bound to its need, so that
     * {@link #replanIfReached} must run: a spike's deliveries are all made first (a short loop
     * whose memory accesses overlap), then the few re-plans; the state they read is the same.
     */
    boolean deposit(int j, double w, ClassFactors f) {
        double[] s = state;
        int r = record(j);
        if (f.delta) {
            if (f.time < refractoryUntil[j]) {
                return false; // delta inputs during the refractory period are dropped
            }
            // delta synapses: v jumps, and the bound is v itself (bh is mh)
            double mh = s[r + MH] + w * f.gm;
            s[r + MH] = mh;
            if (w < 0) {
                inhibited[j - first] = true;
                return false;
            }
            return mh >= s[r + NEED];
        }
        // exponential synapses: a clamped neuron's currents take the input as any other's, and
        // the CHECK at the end of its refractory period (which comes before any later event, and
        // after the deliveries of its own time) sets a from them and v_reset; until then NEED is
        // NEVER_REPLAN, so no input re-plans it
        if (w >= 0) {
            double e = w * f.ge;
            s[r + EH] += e;
            double d = f.excitation * w;
            s[r + MH] += d;
            double bh = s[r + BH] + d - e * s[r + ED];
            s[r + BH] = bh;
            return bh >= s[r + NEED];
        }
        // inhibition only delays a crossing: a planned check or FIRE stays early enough; its
        // kernel -kI |w| (x1 - x1^2) at or above the exact one lowers the bound
        s[r + IH] -= w * f.gi;
        double d = f.inhibition * w;
        s[r + MH] += d;
        if (f.inhibitionSquared) {
            inhibit(r, d, f.gm);
        }
        inhibited[j - first] = true;
        return false;
    }

    /**
     * Scaled neuron j's bound was raised to its need by a deposit at the time of factors f:
     * re-planned unless the need, recomputed for the rest of the planning interval, is still
     * above the bound. Tested again here because one spike may reach j through several synapses.
     */
    void replanIfReached(int j, ClassFactors f) {
        int r = record(j);
        double bh = state[r + (f.delta ? MH : BH)];
        if (bh >= state[r + NEED] && (f.delta || !stillBelowAfterRestart(j, f))) {
            check(j, f.time);
        }
    }

    /**
     * The inhibitory input -kI w (x1 - x1^2) at a time with factors gm and ym = 1/gm,
     * {@code d = -kI w gm < 0}: bh falls by |d| and qh grows by {@code |d| gm}, which lowers the
     * bound from then on. Need falls too, by {@code |d| gm y} at each y of the planning interval,
     * at most |d| (y <= ym): lowering it by |d| keeps it a lower bound of the exact value, and bh
     * keeps its distance to it (an excitatory input that reaches it recomputes it exactly). An
     * infinite need stays as it is.
     */
    private void inhibit(int r, double d, double gm) {
        state[r + BH] += d;
        state[r + QH] -= d * gm;
        state[r + NEED] += d;
    }

    /**
     * Called when an excitatory input at the time of factors f has raised bh to need: need is
     * recomputed for the rest of the planning interval (it was for an interval that started
     * earlier, where the bound may have been the tighter) and tells whether bh is still below it,
     * in which case the plan holds.
     */
    private boolean stillBelowAfterRestart(int g, ClassFactors f) {
        int r = record(g);
        if (Double.isInfinite(state[r + NEED])) {
            return false;
        }
        double need = need(g, f.gm, f.ym);
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
        double rm = room(g);
        double q = state[r + QH];
        double atStart = rm * gm - q * ym;
        double end = state[r + END];
        return end > 0 ? Math.min(atStart, rm / end - q * end) : atStart;
    }

    // ---- checks: planning a neuron's next event ----

    /**
     * Reads the data that the check of neuron g reads first and returns their sum. A batch of
     * bound checks is touched in one short loop before it is checked: the loop's reads do not
     * depend on one another, so where the network outgrows the caches their misses overlap, while
     * the checks, long and one after another, would each wait for its own.
     */
    double touch(int g) {
        return state[record(g) + NEED] + room(g) + (mayBeRefractory(g, classOf(g)) ? refractoryUntil[g] : 0)
                + (inhibited[g - first] ? 1 : 0) + schedule.timeOf(g) + schedule.kindOf(g);
    }

    /**
     * Whether scaled neuron g (of class k) may be refractory, so that its end must be read: a
     * neuron with exponential synapses is clamped for as long as it is (its check at the end
     * unclamps it); one with delta synapses is never clamped, and its bound checks, planned from
     * the end of the period, may be taken early, within it.
     */
    private boolean mayBeRefractory(int g, int k) {
        return delta[k] || clamped[g - first];
    }

    /**
     * Plans scaled neuron j's next event from its state at t: the bound U (see the class comment)
     * tells how soon it could reach threshold. Beyond {@link #EXACT_WINDOW_MS} a BOUND_CHECK is
     * planned where U, its linear coefficient raised by some room for excitation, would reach
     * threshold. Within it, a BOUND_CHECK at the window's end if U for the window alone stays
     * below threshold with that room ({@link #planWindowCheck}), else the exact crossing is
     * searched and a FIRE planned.
     */
    void check(int j, double t) {
        int k = classOf(j);
        int i = j - first;
        if (mayBeRefractory(j, k) && t < refractoryUntil[j]) {
            state[record(j) + NEED] = NEVER_REPLAN;
            schedule.schedule(j, refractoryUntil[j], NeuronSchedule.CHECK);
            return;
        }
        ClassFactors f = factorsAt(k, t);
        if (clamped[i]) {
            unclamp(j, f);
        }
        // where an exact FIRE is pending and only excitation arrived since, the crossing can only
        // have moved earlier: the old one is where the search starts
        int r = record(j);
        double hint = state[r + NEED] == REPLAN_ON_EXCITATION && !inhibited[i]
                && schedule.kindOf(j) == NeuronSchedule.FIRE && schedule.isPending(j) ? state[r + END] * f.gm : 0;
        inhibited[i] = false;
        double rm = room(j);
        double e = synE(j, f);
        double in = synI(j, f);
        boolean isDelta = delta[k];
        double a = homogeneous(j, f);
        if (isDelta && state[r + MH] >= rm * f.gm) {
            // threshold is reached where mh >= room g_m, in the scale mh is stored in: mh / g_m
            // may round below room (an input of exactly v_thresh - v when v = v_inf would not fire)
            a = Math.max(a, rm);
        }
        // U(s) = v_inf + lin x + quad x^2, x = exp(-(s - t)/tau_m)
        double quad = inhibitionSquared[k] ? kI[k] * in : 0;
        double lin = a + kI[k] * in - quad;
        double bound = lin + quad;
        state[r + QH] = quad * f.gm * f.gm;
        double w = exactWindowFactor[k];
        if (bound < rm && rm >= 0) {
            // U never reaches threshold
            schedule.cancel(j);
            planCheckAt(j, f, 0, 0, lin, e);
        } else if (bound < rm && lin * w + quad * w * w < rm) {
            // U is below threshold at x = 1 and at the window's end, so on all of it (U is convex
            // in x): it reaches threshold beyond the window
            double planned = lin + Math.min(SLACK_MV, SLACK_SHARE * (rm - bound));
            // the bound with lin raised to planned reaches threshold at x = exp(-(Tp - t)/tau_m)
            double x = quad == 0 ? rm / planned : reachFactor(planned, quad, rm);
            schedule.schedule(j, t - tauM[k] * Math.log(x), NeuronSchedule.BOUND_CHECK);
            planCheckAt(j, f, x, excitationShare(k, x), lin, e);
        } else if (isDelta || !planWindowCheck(j, f, e, lin, quad, rm)) {
            state[r + BH] = lin * f.gm;
            // the crossing's x = exp(-s/tau_m), 0 if none; NaN: found as a time s
            double x;
            double s = Double.NaN;
            if (isDelta) {
                // v = v_inf + a exp(-s/tau_m): the bound is v itself, and it reaches threshold at
                // x = room / a (or now)
                x = bound >= rm ? 1 : rm / lin;
            } else if (powerE[k] > 0) {
                x = polynomial.largestRoot(-rm, a, -kE[k] * e, powerE[k], kI[k] * in, powerI[k], hint);
            } else {
                currExp.prepare(v(j, f), e, in, net.vRest[j], net.iOffset[j], net.cm[j], net.tauM[j],
                        net.tauSynE[j], net.tauSynI[j], net.vThresh[j]);
                s = currExp.firstCrossing();
                x = Double.NaN;
            }
            if (!Double.isNaN(x)) {
                s = x == 1 ? 0 : x > 0 ? -tauM[k] * Math.log(x) : Double.POSITIVE_INFINITY;
            }
            if (s != Double.POSITIVE_INFINITY) {
                schedule.schedule(j, t + s, NeuronSchedule.FIRE);
            } else {
                schedule.cancel(j);
            }
            // every excitatory input re-plans the FIRE, starting from it
            state[r + NEED] = REPLAN_ON_EXCITATION;
            state[r + END] = x > 0 ? x * f.ym : 0;
        }
    }

    /**
     * Where the bound may reach threshold within {@link #EXACT_WINDOW_MS}, the bound for a window
     * alone keeps the excitatory current's share (see the class comment) and often shows that
     * scaled neuron j stays below threshold over it with room for more excitation: then a
     * BOUND_CHECK is planned at the end of the longest such window, of EXACT_WINDOW_MS doubled up
     * to {@link #MAX_WINDOW_DOUBLINGS} times (f: the factors of the present), and true is
     * returned; false: the exact crossing must be searched.
     */
    private boolean planWindowCheck(int j, ClassFactors f, double e, double lin, double quad, double rm) {
        int k = f.k;
        double x = exactWindowFactor[k];
        // x^(r-1) squares with x as the window doubles
        double share = excitationShare(k, x);
        if (!windowBoundHolds(k, x, share, e, lin, quad, rm)) {
            return false;
        }
        double windowMs = EXACT_WINDOW_MS;
        for (int d = 0; d < MAX_WINDOW_DOUBLINGS && windowBoundHolds(k, x * x, share * share, e, lin, quad, rm);
                d++) {
            x *= x;
            share *= share;
            windowMs *= 2;
        }
        schedule.schedule(j, f.time + windowMs, NeuronSchedule.BOUND_CHECK);
        planCheckAt(j, f, x, share, lin, e);
        return true;
    }

    /**
     * Whether {@code v_inf + lin' x' + quad x'^2}, lin' being lin less the excitatory share for a
     * window ending at x ({@code share} is x^(r-1)) and raised by some room for excitation,
     * stays below threshold on [x, 1]: it is convex in x', so below at both ends is enough.
     */
    private boolean windowBoundHolds(int k, double x, double share, double e, double lin, double quad, double rm) {
        double linW = lin - kE[k] * e * share;
        double planned = linW + Math.min(SLACK_MV, SLACK_SHARE * (rm - linW - quad));
        return planned + quad < rm && planned * x + quad * x * x < rm;
    }

    /**
     * Sets scaled neuron j's bound for a check planned at x = exp(-(Tp - t)/tau_m) (0: never; f:
     * the factors of the present): lin less the excitatory share {@code kE E x^(r-1)}, E being j's
     * excitatory current {@code e} and {@code power} x^(r-1); inputs re-plan once the bound may
     * reach threshold before the check.
     */
    private void planCheckAt(int j, ClassFactors f, double x, double power, double lin, double e) {
        int k = f.k;
        double share = kE[k] * power;
        int r = record(j);
        state[r + BH] = (lin - share * e) * f.gm;
        // kE y(Tp)^(r-1) = kE x^(r-1) ym^(r-1), and ym^(r-1) = g_m / g_E
        state[r + END] = x * f.ym;
        state[r + ED] = share == 0 ? 0 : share * f.gm / f.ge;
        state[r + NEED] = need(j, f.gm, f.ym);
    }

    /**
     * {@code x^(r-1)} for r = tau_m/tau_E of class k (x in [0, 1]): with
     * {@code kE E x^(r-1)} taken from lin, the bound holds while {@code exp(-(s - t)/tau_m) >= x}.
     */
    private double excitationShare(int k, double x) {
        if (tauE[k] == 0) {
            return 0;
        }
        return powerE[k] > 0 ? CurrExpMembrane.power(x, powerE[k] - 1) : Math.pow(x, tauM[k] / tauE[k] - 1);
    }

    /** At the end of the refractory period (f: the factors of that time): v = v_reset. */
    private void unclamp(int j, ClassFactors f) {
        int k = f.k;
        state[record(j) + MH] = (net.vReset[j] - vInf(j) + kE[k] * synE(j, f) - kI[k] * synI(j, f)) * f.gm;
        clamped[j - first] = false;
    }

    // ---- spikes ----

    /**
     * Scaled neuron g's planned crossing came due at t. If inhibition arrived since the crossing
     * was found, the crossing is searched again from the present state (it can only have moved
     * later) and false returned; true: g spikes now, and the caller follows with {@link #reset}.
     */
    boolean confirmFire(int g, double t) {
        if (inhibited[g - first]) {
            check(g, t);
            return false;
        }
        return true;
    }

    /**
     * Scaled neuron g spiked at t: it is refractory until the end of tau_refrac. A neuron with
     * delta synapses drops the inputs of its refractory period, so its state at the end of it
     * (v_reset) is known at the spike: its next check is planned from there at once, and no event
     * marks the end. With exponential synapses the currents at the end depend on the inputs until
     * then: it is clamped, and a CHECK at the end unclamps it.
     */
    void reset(int g, double t) {
        double end = t + net.tauRefrac[g];
        refractoryUntil[g] = end;
        int k = classOf(g);
        if (delta[k]) {
            ClassFactors f = factorsAt(k, end);
            state[record(g) + MH] = (net.vReset[g] - vInf(g)) * f.gm;
            check(g, end);
        } else {
            clamped[g - first] = true;
            state[record(g) + NEED] = NEVER_REPLAN;
            schedule.schedule(g, end, NeuronSchedule.CHECK);
        }
    }

    // ---- the epoch ----

    /** How far ahead of the epoch events may come: the factors stay below e^{@value #RENORMALISE_TAUS}. */
    double renormaliseEveryMs() {
        return renormaliseEveryMs;
    }

    /** Whether the epoch must move before an event at t is processed. */
    boolean renormalisationDue(double t) {
        return t - epoch > renormaliseEveryMs;
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
        for (int i = 0; i < scaled.length; i++) {
            if (scaled[i]) {
                int k = oneClass ? 0 : classIndex[i];
                int r = RECORDS_START + (i << STRIDE_SHIFT);
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
        for (ClassFactors f : factors) {
            f.time = Double.NaN;
        }
    }
}
