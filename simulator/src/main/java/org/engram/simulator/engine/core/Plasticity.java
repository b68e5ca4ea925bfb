package org.engram.simulator.engine.core;

import java.util.Arrays;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.WeightDependence;

/**
 * The state and update of every plastic synapse: the all-to-all pair rule with deferred updates,
 * applied when a pre spike is processed, with the synaptic delay treated as dendritic (a post
 * spike at {@code p} meets pre spikes at the synapse at {@code p + d}).
 *
 * <p>At a pre spike at {@code t}, with {@code t_l} and {@code r_l} the previous pre spike's time
 * and pre trace ({@code r <- r exp(-(t - t_l)/tau_plus) + 1} at each pre spike):
 * <ol>
 *   <li>for each post spike {@code p} with {@code t_l < p + d <= t}, in order:
 *       {@code w <- potentiate(w, A_plus r_l exp(-(p + d - t_l)/tau_plus))};</li>
 *   <li>for the latest post spike {@code p*} with {@code p* + d < t} (event mode) or
 *       {@code p* + d <= t} (grid mode, where sPyNNaker depresses even at a zero interval):
 *       {@code w <- depress(w, A_minus o(p*) exp(-(t - p* - d)/tau_minus))}, where {@code o(p*)} is
 *       the post trace right after {@code p*};</li>
 *   <li>the updated weight is the one transmitted.</li>
 * </ol>
 * Each step clamps to [w_min, w_max] (the weight dependence does). A pair at exactly zero interval
 * therefore changes nothing in event mode, and depresses in grid mode.
 *
 * <p>Threads: a synapse's state is read and written only at its pre spikes, and reads only its post
 * neuron's spikes, so the thread that owns a block of neurons may update the synapses that reach
 * them, through its own {@link #lane} of the block, beside the others.
 */
public final class Plasticity {
    private final BuiltNetwork net;
    private final boolean depressAtZero;
    public final double[] weight;
    private final double[] lastPreTime;
    private final double[] lastPreTrace;
    /** Post histories by global neuron (null for neurons no plastic synapse reaches). */
    private final PostHistory[] history;
    /**
     * Each neuron's latest {@link #RECENT} post spikes, latest first (-infinity: none), and the
     * traces right after each, one per rule slot, in flat arrays: a pre spike mostly needs no
     * more than these, and reading them costs one load where the history costs a chain of three.
     * A recent trace o(p) is kept scaled as {@code o(p) exp((p - epoch)/tau_minus)}, so that the
     * depression of a pre spike at t, {@code A_minus o(p) exp(-(t - p - d)/tau_minus)}, is that
     * times {@code exp(-(t - d - epoch)/tau_minus)}, one factor for all synapses of the spike
     * ({@link #depressionFactor}) instead of an exponential each.
     */
    private static final int RECENT = 4;
    private final double[] recentTime;
    private final double[] recentTrace;
    private final int slots;
    /** tau_minus of each rule slot. */
    private final double[] slotTau;
    /** The epoch moves forward every this many ms (100 of the shortest tau_minus: factors stay below e^100). */
    private final double rebaseMs;
    private double epoch;
    /** The neurons whose recent traces this instance rebases: all, or a lane's block. */
    private final int neuronFrom;
    private final int neuronTo;
    /** The last depression factor computed: its slot, time, delay and value. */
    private int factorSlot = -1;
    private double factorT;
    private double factorDelay;
    private double factor;
    /** Per rule: its slot in the histories' trace table (rules with equal tau_minus share one). */
    private final int[] ruleSlot;

    private final double[] delayMs;
    /** Per rule: -1/tau_plus and -1/tau_minus (a multiplication where a division is slower). */
    private final double[] rateTauPlus;
    private final double[] rateTauMinus;
    /** The last pre-trace decay computed: its rule, times and value. */
    private int decayRule = -1;
    private double decayT;
    private double decayFrom;
    private double decay;

    /**
     * @param delayMs each plastic synapse's delay as the engine applies it (the grid engine rounds
     *        delays to whole steps; the dendritic shift uses the same value)
     */
    public Plasticity(BuiltNetwork net, boolean depressAtZero, double[] delayMs) {
        this.net = net;
        this.depressAtZero = depressAtZero;
        this.delayMs = delayMs;
        int n = net.plasticTarget.length;
        weight = net.plasticWeight.clone();
        lastPreTime = new double[n];
        Arrays.fill(lastPreTime, Double.NEGATIVE_INFINITY);
        lastPreTrace = new double[n];
        double[] taus = Arrays.stream(net.rules).mapToDouble(r -> r.timing_dependence().tau_minus()).distinct()
                .toArray();
        ruleSlot = new int[net.rules.length];
        for (int r = 0; r < net.rules.length; r++) {
            double tau = net.rules[r].timing_dependence().tau_minus();
            for (int k = 0; k < taus.length; k++) {
                if (taus[k] == tau) {
                    ruleSlot[r] = k;
                }
            }
        }
        slots = taus.length;
        slotTau = taus;
        rebaseMs = 100 * Arrays.stream(taus).min().orElse(Double.POSITIVE_INFINITY);
        rateTauPlus = Arrays.stream(net.rules).mapToDouble(r -> -1 / r.timing_dependence().tau_plus()).toArray();
        rateTauMinus = Arrays.stream(net.rules).mapToDouble(r -> -1 / r.timing_dependence().tau_minus()).toArray();
        // none without plastic synapses (no post spike is then tracked): 32 bytes a neuron saved
        int tracked = n == 0 ? 0 : net.neuronCount;
        recentTime = new double[tracked * RECENT];
        Arrays.fill(recentTime, Double.NEGATIVE_INFINITY);
        recentTrace = new double[tracked * RECENT * slots];
        history = new PostHistory[net.neuronCount];
        for (int s = 0; s < n; s++) {
            int post = net.plasticTarget[s];
            if (history[post] == null) {
                history[post] = new PostHistory(taus);
            }
        }
        neuronFrom = 0;
        neuronTo = tracked;
    }

    /** A lane of {@code shared}: its state, its own epoch and caches, rebasing neurons from..to-1. */
    private Plasticity(Plasticity shared, int from, int to) {
        net = shared.net;
        depressAtZero = shared.depressAtZero;
        delayMs = shared.delayMs;
        weight = shared.weight;
        lastPreTime = shared.lastPreTime;
        lastPreTrace = shared.lastPreTrace;
        ruleSlot = shared.ruleSlot;
        slots = shared.slots;
        slotTau = shared.slotTau;
        rebaseMs = shared.rebaseMs;
        rateTauPlus = shared.rateTauPlus;
        rateTauMinus = shared.rateTauMinus;
        recentTime = shared.recentTime;
        recentTrace = shared.recentTrace;
        history = shared.history;
        epoch = shared.epoch;
        boolean tracked = recentTime.length > 0;
        neuronFrom = tracked ? from : 0;
        neuronTo = tracked ? to : 0;
    }

    /**
     * The plasticity of the neurons {@code from..to-1} and the synapses that reach them, for the
     * thread that owns them: it shares this instance's state, and has its own scratch, so that
     * lanes of disjoint blocks run beside each other. Its traces are rebased only by
     * {@link #rebaseIfDue}, which each lane must then be given at the same times.
     */
    public Plasticity lane(int from, int to) {
        return new Plasticity(this, from, to);
    }

    /** True if plastic synapses reach neuron {@code g} (its spikes must be reported). */
    public boolean tracksPost(int g) {
        return history[g] != null;
    }

    /** Records a post spike of neuron {@code g} at {@code t}; spikes arrive in time order. */
    public void postSpike(int g, double t) {
        PostHistory h = history[g];
        if (h != null) {
            h.add(t);
            rebaseIfDue(t);
            int base = g * RECENT;
            System.arraycopy(recentTime, base, recentTime, base + 1, RECENT - 1);
            System.arraycopy(recentTrace, base * slots, recentTrace, (base + 1) * slots, (RECENT - 1) * slots);
            recentTime[base] = t;
            for (int k = 0; k < slots; k++) {
                recentTrace[base * slots + k] = h.trace(k, h.size() - 1) * Math.exp((t - epoch) / slotTau[k]);
            }
        }
    }

    /** Processes a pre spike at {@code t} on plastic synapse {@code s} and returns the weight to transmit. */
    public double preSpike(int s, double t) {
        int r = net.plasticRule[s];
        STDPMechanism rule = net.rules[r];
        SpikePairRule timing = rule.timing_dependence();
        double d = delayMs[s];
        int post = net.plasticTarget[s];
        double tl = lastPreTime[s];
        int base = post * RECENT;
        rebaseIfDue(t);
        double w;
        int arrived = -1; // the history's count of arrivals by t, once needed
        if (recentTime[base] + d <= t && recentTime[base + RECENT - 1] + d <= tl) {
            // none in flight, and those that arrived since the last pre spike are recent ones
            w = weight[s];
            if (tl != Double.NEGATIVE_INFINITY) {
                for (int i = RECENT - 2; i >= 0; i--) {
                    double p = recentTime[base + i];
                    if (p + d > tl) {
                        w = potentiatedBy(r, s, w, p + d - tl);
                    }
                }
            }
        } else {
            arrived = history[post].countArrivals(t, d);
            w = potentiated(s, history[post], arrived, weight[s]);
        }
        // latest post spike whose dendritically delayed arrival is before t (or at t, in grid
        // mode): a recent one, unless all recent ones are too late and older ones exist
        int i = 0;
        while (i < RECENT && !(recentTime[base + i] + d < t || (depressAtZero && recentTime[base + i] + d <= t))) {
            i++;
        }
        // the trace of that spike decayed to t, if there is one
        double decayed = Double.NaN;
        if (i < RECENT) {
            if (recentTime[base + i] != Double.NEGATIVE_INFINITY) {
                decayed = recentTrace[(base + i) * slots + ruleSlot[r]] * depressionFactor(ruleSlot[r], t, d);
            }
        } else {
            PostHistory h = history[post];
            int k = (arrived >= 0 ? arrived : h.countArrivals(t, d)) - 1;
            while (!depressAtZero && k >= 0 && h.time(k) + d >= t) {
                k--;
            }
            if (k >= 0) {
                decayed = h.trace(ruleSlot[r], k) * Math.exp((t - (h.time(k) + d)) * rateTauMinus[r]);
            }
        }
        if (!Double.isNaN(decayed)) {
            w = rule.weight_dependence().depress(w, timing.A_minus() * decayed);
        }
        lastPreTrace[s] = (tl == Double.NEGATIVE_INFINITY ? 0 : lastPreTrace[s] * preTraceDecay(r, t, tl)) + 1.0;
        lastPreTime[s] = t;
        weight[s] = w;
        return w;
    }

    /** {@code exp(-(t - d - epoch)/tau_minus)} of a rule slot: see {@link #recentTrace}. */
    private double depressionFactor(int slot, double t, double d) {
        if (t != factorT || d != factorDelay || slot != factorSlot) {
            factorT = t;
            factorDelay = d;
            factorSlot = slot;
            factor = Math.exp(-(t - d - epoch) / slotTau[slot]);
        }
        return factor;
    }

    /**
     * Moves the epoch to t once it is {@link #rebaseMs} behind, rescaling the recent traces (of
     * this instance's neurons). The spikes call it; an engine that calls it at every step first
     * makes the epoch's moves depend on time alone, not on which neurons spike.
     */
    public void rebaseIfDue(double t) {
        if (t - epoch <= rebaseMs) {
            return;
        }
        for (int k = 0; k < slots; k++) {
            double f = Math.exp(-(t - epoch) / slotTau[k]);
            for (int e = neuronFrom * RECENT * slots + k, end = neuronTo * RECENT * slots; e < end; e += slots) {
                recentTrace[e] *= f;
            }
        }
        epoch = t;
        factorSlot = -1;
    }

    /**
     * exp(-(t - tl) / tau_plus) of rule {@code r}. All plastic synapses of one source see the same
     * pre spikes, so consecutive calls mostly ask for the same factor: the last one is kept.
     */
    private double preTraceDecay(int r, double t, double tl) {
        if (t != decayT || tl != decayFrom || r != decayRule) {
            decayT = t;
            decayFrom = tl;
            decayRule = r;
            decay = Math.exp((t - tl) * rateTauPlus[r]);
        }
        return decay;
    }

    /**
     * The weight {@code w} of synapse {@code s} with the potentiation of the post spikes arriving in
     * (t_l, t] applied, where the first {@code arrived} spikes of {@code h} arrive by t.
     */
    private double potentiated(int s, PostHistory h, int arrived, double w) {
        double tl = lastPreTime[s];
        if (tl == Double.NEGATIVE_INFINITY) {
            return w;
        }
        double d = delayMs[s];
        int from = arrived;
        while (from > 0 && h.time(from - 1) + d > tl) {
            from--;
        }
        for (int k = from; k < arrived; k++) {
            w = potentiatedBy(net.plasticRule[s], s, w, h.time(k) + d - tl);
        }
        return w;
    }

    /** Weight w of synapse s (rule r) potentiated by a post spike arriving dt after its last pre spike. */
    private double potentiatedBy(int r, int s, double w, double dt) {
        STDPMechanism rule = net.rules[r];
        return rule.weight_dependence().potentiate(w, rule.timing_dependence().A_plus() * lastPreTrace[s]
                * Math.exp(dt * rateTauPlus[r]));
    }

    /** The weights of a projection's connections at {@code t}, with every potentiation due by then. */
    public double[] weightsAt(int[] synapses, double t) {
        double[] out = new double[synapses.length];
        for (int c = 0; c < synapses.length; c++) {
            int s = synapses[c];
            PostHistory h = history[net.plasticTarget[s]];
            out[c] = potentiated(s, h, h.countArrivals(t, delayMs[s]), weight[s]);
        }
        return out;
    }
}
