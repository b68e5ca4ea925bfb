package org.engram.simulator.engine.fixed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.WeightDependence;

/**
 * Lays a network out as fixed-point core images: slices, keys, parameter words, synaptic rows
 * with their ring-buffer shifts, STDP words and spike-source regions; and finds every loss of
 * precision on the way. The cores are made only if no error was found.
 */
final class FixedBuilder {
    /** A relative rounding error above this earns a warning. */
    private static final double TOLERANCE = 0.01;
    /** Poisson counts per step are bounded for the ring-buffer shift at this tail probability. */
    private static final double POISSON_TAIL = 1e-6;
    private static final int RECEPTORS = 2;

    final Network network;
    final BuiltNetwork net;
    final double dt;
    private final int step;
    final List<Slice> slices = new ArrayList<>();
    final int[] firstKeys;
    private final int[] sliceOf;
    private final Set<PrecisionIssue> issues = new LinkedHashSet<>();
    // per slice: what its core will hold (null where it does not apply)
    private final LifParameters[] lif;
    private final LifConstants[] constants;
    private final Incoming[] incoming;
    private final int[][] shifts;
    private final StdpParameters[] stdp;
    private final SpikeTimes[] spikeTimes;
    private final PoissonParameters[] poisson;
    /** Per population: its STDP mechanism per receptor, where plastic projections reach it. */
    private final STDPMechanism[][] rules;
    /** Per global neuron: the most spikes it sends in one step (for the ring-buffer shifts). */
    private final double[] spikesPerStep;
    /** Per projection: its number of connections. */
    private final int[] connectionCount;

    /**
     * Why fixed mode refuses current sources: sPyNNaker's neuron model holds i_offset constant,
     * and the cores have no region to change it during a run.
     */
    static final String CURRENT_SOURCES_REFUSED = "fixed mode: current sources (DCSource, StepCurrentSource) are not "
            + "supported, as the SpiNNaker cores it computes hold i_offset constant; run in event or grid mode";

    FixedBuilder(Network network, double dtMs, FixedOptions options) {
        this.network = network;
        this.dt = dtMs;
        if (!(dtMs > 0) || !FixedPoint.fitsS1615(dtMs) || FixedPoint.s1615(dtMs) == 0) {
            throw new InvalidNetworkException("fixed mode: dt " + dtMs + " ms is not a positive S16.15 step");
        }
        if (!network.currentSources().isEmpty()) {
            throw new InvalidNetworkException(CURRENT_SOURCES_REFUSED + " (" + network.currentSources().size()
                    + " in this network, the first a " + network.currentSources().get(0).source().typeName()
                    + " into " + network.currentSources().get(0).cells().describe() + ")");
        }
        this.step = FixedPoint.s1615(dtMs);
        this.net = BuiltNetwork.build(network);
        List<Population> pops = network.populations();
        for (int p = 0; p < pops.size(); p++) {
            if (net.model[net.populationStart[p]] == BuiltNetwork.IF_COND_EXP) {
                throw new InvalidNetworkException("population " + pops.get(p).label() + ": IF_cond_exp is not "
                        + "supported in fixed mode; expected IF_curr_exp, IF_curr_delta, SpikeSourceArray or "
                        + "SpikeSourcePoisson");
            }
        }
        if (!options.perPopulation().isEmpty() && options.perPopulation().size() != pops.size()) {
            throw new IllegalArgumentException("fixed options: neurons per core given for "
                    + options.perPopulation().size() + " populations; the network has " + pops.size());
        }
        sliceOf = new int[net.neuronCount];
        for (int p = 0; p < pops.size(); p++) {
            int size = pops.get(p).size();
            int perCore = options.neuronsPerCore(p);
            for (int k = 0, first = 0; first < size; k++, first += perCore) {
                int n = Math.min(perCore, size - first);
                Slice s = new Slice(p, pops.get(p).label(), k, slices.size(), first, net.populationStart[p] + first, n);
                Arrays.fill(sliceOf, s.firstGlobal(), s.firstGlobal() + n, s.ordinal());
                slices.add(s);
            }
        }
        firstKeys = keys(options.keys());
        int count = slices.size();
        lif = new LifParameters[count];
        constants = new LifConstants[count];
        incoming = new Incoming[count];
        shifts = new int[count][];
        stdp = new StdpParameters[count];
        spikeTimes = new SpikeTimes[count];
        poisson = new PoissonParameters[count];
        rules = plasticRules();
        spikesPerStep = new double[net.neuronCount];
        Arrays.fill(spikesPerStep, 1);
        connectionCount = new int[network.projections().size()];
        for (Slice s : slices) {
            switch (net.model[s.firstGlobal()]) {
                case BuiltNetwork.SPIKE_SOURCE_ARRAY -> spikeTimes[s.ordinal()] = spikeTimes(s);
                case BuiltNetwork.SPIKE_SOURCE_POISSON -> poisson[s.ordinal()] = poisson(s);
                default -> neurons(s);
            }
        }
        if (!hasErrors()) {
            synapses();
        }
    }

    List<PrecisionIssue> issues() {
        return List.copyOf(issues);
    }

    boolean hasErrors() {
        return issues.stream().anyMatch(PrecisionIssue::isError);
    }

    // ---------------------------------------------------------------- slices and keys

    private int[] keys(KeyAssignment assignment) {
        int[] keys = new int[slices.size()];
        Integer[] order = new Integer[keys.length];
        for (Slice s : slices) {
            int key = assignment.firstKey(s);
            if ((key & ~s.keyMask()) != 0) {
                throw new InvalidNetworkException("key assignment: " + s + " starts at key 0x" + Integer.toHexString(key)
                        + ", whose low " + s.keyBits() + " bits are not zero");
            }
            keys[s.ordinal()] = key;
            order[s.ordinal()] = s.ordinal();
        }
        Arrays.sort(order, (a, b) -> Integer.compareUnsigned(keys[a], keys[b]));
        for (int k = 1; k < order.length; k++) {
            Slice before = slices.get(order[k - 1]);
            if (Integer.compareUnsigned(keys[before.ordinal()] | ~before.keyMask(), keys[order[k]]) >= 0) {
                throw new InvalidNetworkException("key assignment: the keys of " + before + " and "
                        + slices.get(order[k]) + " overlap");
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------- neurons

    private void neurons(Slice s) {
        int o = s.ordinal();
        String subject = "population " + s.label();
        int model = net.model[s.firstGlobal()] == BuiltNetwork.IF_CURR_DELTA ? LifParameters.IF_CURR_DELTA
                : LifParameters.IF_CURR_EXP;
        LifParameters p = new LifParameters(model, net.resetSubtracts[s.firstGlobal()] ? LifParameters.RESET_SUBTRACT
                : LifParameters.RESET_SET, step, s.size());
        boolean delta = p.delta();
        for (int i = 0; i < s.size(); i++) {
            int g = s.firstGlobal() + i;
            p.vInit[i] = word(subject, "initial v", net.v0[g]);
            p.vRest[i] = word(subject, "v_rest", net.vRest[g]);
            p.cm[i] = positiveWord(subject, "cm", net.cm[g]);
            p.tauM[i] = positiveWord(subject, "tau_m", net.tauM[g]);
            p.iOffset[i] = word(subject, "i_offset", net.iOffset[g]);
            p.vReset[i] = word(subject, "v_reset", net.vReset[g]);
            p.tauRefrac[i] = word(subject, "tau_refrac", net.tauRefrac[g]);
            p.vThresh[i] = word(subject, "v_thresh", net.vThresh[g]);
            if (!delta) {
                p.tauSynE[i] = positiveWord(subject, "tau_syn_E", net.tauSynE[g]);
                p.tauSynI[i] = positiveWord(subject, "tau_syn_I", net.tauSynI[g]);
                p.isynE[i] = word(subject, "initial isyn_exc", net.synE0[g]);
                p.isynI[i] = word(subject, "initial isyn_inh", net.synI0[g]);
            }
        }
        lif[o] = p;
        if (hasErrors()) {
            return;
        }
        for (int i = 0; i < s.size(); i++) {
            if (p.subtracts() && p.vThresh[i] <= p.vReset[i]) {
                int g = s.firstGlobal() + i;
                issues.add(PrecisionIssue.error(subject, "v_thresh - v_reset = " + num(net.vThresh[g] - net.vReset[g])
                        + " mV rounds to 0 in S16.15, so a subtractive reset would take nothing from v"));
            }
            quotient(subject, "tau_m / cm", p.tauM[i], p.cm[i]);
            quotient(subject, "dt / tau_m", step, p.tauM[i]);
            quotient(subject, "tau_refrac / dt", p.tauRefrac[i], step);
            if (!delta) {
                quotient(subject, "dt / tau_syn_E", step, p.tauSynE[i]);
                quotient(subject, "tau_syn_E / dt", p.tauSynE[i], step);
                quotient(subject, "dt / tau_syn_I", step, p.tauSynI[i]);
                quotient(subject, "tau_syn_I / dt", p.tauSynI[i], step);
            }
        }
        if (hasErrors()) {
            return;
        }
        LifConstants c = new LifConstants(p);
        constants[o] = c;
        for (int i = 0; i < s.size(); i++) {
            int g = s.firstGlobal() + i;
            checkDecay(subject, "tau_m", net.tauM[g], FixedPoint.toDouble(c.expTc[i]), FixedPoint.divide(step, p.tauM[i]));
            double refractMs = c.refractSteps[i] * dt;
            if (Math.abs(refractMs - net.tauRefrac[g]) > 1e-9 * Math.max(1, refractMs)) {
                issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                        "tau_refrac %s ms lasts %s of %s ms (%s ms)", num(net.tauRefrac[g]),
                        count(c.refractSteps[i], "step"), num(dt), num(refractMs))));
            }
            if (!delta) {
                checkSynapse(subject, "tau_syn_E", net.tauSynE[g], c.decayE[i], c.initE[i], p.tauSynE[i]);
                checkSynapse(subject, "tau_syn_I", net.tauSynI[g], c.decayI[i], c.initI[i], p.tauSynI[i]);
            }
        }
    }

    /** The S16.15 word of a parameter, or an error (and 0) if it does not fit. */
    private int word(String subject, String name, double value) {
        if (!FixedPoint.fitsS1615(value)) {
            issues.add(PrecisionIssue.error(subject, name + " " + num(value) + " does not fit S16.15 "
                    + "(-65536 to 65536)"));
            return 0;
        }
        return FixedPoint.s1615(value);
    }

    /** The word of a parameter the core divides by: an error if it rounds to zero. */
    private int positiveWord(String subject, String name, double value) {
        int w = word(subject, name, value);
        if (w <= 0 && FixedPoint.fitsS1615(value)) {
            issues.add(PrecisionIssue.error(subject, name + " " + num(value) + " rounds to zero in S16.15"));
        }
        return w;
    }

    private void quotient(String subject, String what, int a, int b) {
        if (!FixedPoint.quotientFits(a, b)) {
            issues.add(PrecisionIssue.error(subject, what + " = " + num(FixedPoint.toDouble(a) / FixedPoint.toDouble(b))
                    + " does not fit S16.15"));
        }
    }

    /**
     * A decay per step against its exact value: an error if {@code h / tau} rounds to zero (no
     * decay at all), a warning if {@code 1 - decay} is off by more than the tolerance.
     */
    private void checkDecay(String subject, String name, double tauMs, double decay, int stepOverTau) {
        if (stepOverTau == 0) {
            issues.add(PrecisionIssue.error(subject, name + " " + num(tauMs) + " ms is too long for a step of "
                    + num(dt) + " ms: dt / " + name + " rounds to zero, so nothing decays"));
            return;
        }
        double exact = -Math.expm1(-dt / tauMs);
        double error = Math.abs((1 - decay) - exact) / exact;
        if (error > TOLERANCE) {
            issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                    "%s %s ms at dt %s ms: the decay per step is off by %.2f %% in fixed point", name, num(tauMs),
                    num(dt), 100 * error)));
        }
    }

    private void checkSynapse(String subject, String name, double tauMs, int decay, int init, int tauWord) {
        checkDecay(subject, name, tauMs, FixedPoint.u032ToDouble(decay), FixedPoint.divide(step, tauWord));
        double exact = tauMs / dt * -Math.expm1(-dt / tauMs);
        double error = Math.abs(FixedPoint.u032ToDouble(init) - exact) / exact;
        if (error > TOLERANCE) {
            issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                    "%s %s ms at dt %s ms: the arrival factor is off by %.2f %% in fixed point", name, num(tauMs),
                    num(dt), 100 * error)));
        }
    }

    // ---------------------------------------------------------------- sources

    private SpikeTimes spikeTimes(Slice s) {
        int merged = 0;
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            long last = -1;
            for (double t : net.sourceTimes[s.firstGlobal() + i]) {
                long tick = Math.round(t / dt);
                if (tick > Integer.MAX_VALUE - 1) {
                    issues.add(PrecisionIssue.error("population " + s.label(), "spike time " + num(t)
                            + " ms is beyond 2^31 steps of " + num(dt) + " ms"));
                    break;
                }
                if (tick == last) {
                    merged++;
                } else {
                    pairs.add(new long[] {tick, i});
                    last = tick;
                }
            }
        }
        if (merged > 0) {
            issues.add(PrecisionIssue.warning("population " + s.label(), count(merged, "spike")
                    + " fall in the same step of " + num(dt) + " ms as another spike of their neuron and are merged "
                    + "(a core sends one key per neuron and step)"));
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] neurons = new int[pairs.size()];
        List<Integer> ticks = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            if (k == 0 || pairs.get(k)[0] != pairs.get(k - 1)[0]) {
                ticks.add((int) pairs.get(k)[0]);
                first.add(k);
            }
            neurons[k] = (int) pairs.get(k)[1];
        }
        first.add(pairs.size());
        return new SpikeTimes(s.size(), ticks.stream().mapToInt(Integer::intValue).toArray(),
                first.stream().mapToInt(Integer::intValue).toArray(), neurons);
    }

    private PoissonParameters poisson(Slice s) {
        PoissonParameters p = new PoissonParameters(s.size(), seed(network.seed(), s.population(), s.index()));
        for (int i = 0; i < s.size(); i++) {
            int g = s.firstGlobal() + i;
            double lambda = Math.max(0, net.poissonRate[g]) * dt / 1000;
            p.expMinusLambda[i] = FixedPoint.u032(Math.exp(-lambda));
            if (p.expMinusLambda[i] == 0) {
                issues.add(PrecisionIssue.warning("population " + s.label(), "rate " + num(net.poissonRate[g])
                        + " Hz is " + num(lambda) + " spikes per step: e^-lambda rounds to zero and the per-step "
                        + "generator draws far fewer"));
            }
            p.startTick[i] = firstTickAtOrAfter(net.poissonStart[g]);
            p.endTick[i] = firstTickAtOrAfter(net.poissonStart[g] + net.poissonDuration[g]);
            spikesPerStep[g] = poissonBound(lambda);
        }
        return p;
    }

    private int firstTickAtOrAfter(double ms) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.ceil(ms / dt - 1e-9)));
    }

    /** The count per step that a Poisson law of mean lambda exceeds with probability below the tail (at least 1). */
    private static double poissonBound(double lambda) {
        double term = Math.exp(-lambda);
        double cumulative = term;
        int k = 0;
        while (1 - cumulative > POISSON_TAIL && k < 1 << 20 && term > 0) {
            k++;
            term *= lambda / k;
            cumulative += term;
        }
        return Math.max(1, term > 0 ? k : Math.ceil(lambda + 10 * Math.sqrt(lambda)));
    }

    /**
     * The generator seed of slice {@code slice} of population {@code population}: two outputs of
     * SplitMix64 started at {@code seed XOR (population << 32 | slice)} give the words
     * {@code x, y} (low and high half of the first) and {@code z, c} (of the second).
     */
    static int[] seed(long networkSeed, int population, int slice) {
        long state = networkSeed ^ ((long) population << 32 | (slice & 0xFFFFFFFFL));
        long first = splitMix(state += 0x9E3779B97F4A7C15L);
        long second = splitMix(state + 0x9E3779B97F4A7C15L);
        return new int[] {(int) first, (int) (first >>> 32), (int) second, (int) (second >>> 32)};
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- STDP rules

    /** Per population and receptor, the STDP mechanism of the plastic projections reaching it. */
    private STDPMechanism[][] plasticRules() {
        List<Population> pops = network.populations();
        STDPMechanism[][] out = new STDPMechanism[pops.size()][];
        for (Projection pr : network.projections()) {
            if (!(pr.synapse() instanceof STDPMechanism rule)) {
                continue;
            }
            int post = pops.indexOf(pr.post().population());
            int r = pr.receptor() == Receptor.inhibitory ? 1 : 0;
            if (out[post] == null) {
                out[post] = new STDPMechanism[RECEPTORS];
            }
            for (STDPMechanism other : out[post]) {
                if (other != null && !other.timing_dependence().equals(rule.timing_dependence())) {
                    throw new InvalidNetworkException("projection " + pr.label() + ": population "
                            + pops.get(post).label() + " already receives STDP with " + other.timing_dependence()
                            + "; fixed mode, as SpiNNaker, runs one timing rule per population");
                }
            }
            STDPMechanism same = out[post][r];
            if (same != null && !same.weight_dependence().equals(rule.weight_dependence())) {
                throw new InvalidNetworkException("projection " + pr.label() + ": population "
                        + pops.get(post).label() + " already receives STDP with " + same.weight_dependence()
                        + " on this receptor; fixed mode runs one weight dependence per receptor");
            }
            if (out[post][1 - r] != null && out[post][1 - r].weight_dependence().getClass()
                    != rule.weight_dependence().getClass()) {
                throw new InvalidNetworkException("projection " + pr.label() + ": population "
                        + pops.get(post).label() + " receives additive and multiplicative STDP; fixed mode runs one "
                        + "kind of weight dependence per population");
            }
            out[post][r] = rule;
        }
        return out;
    }

    // ---------------------------------------------------------------- synapses

    /** The connections reaching one neuron slice, in projection and connection order. */
    private static final class Incoming {
        final Ints source = new Ints();
        final Ints target = new Ints();
        final Ints delay = new Ints();
        final Ints receptor = new Ints();
        final Ints projection = new Ints();
        final Ints connection = new Ints();
        final Ints plastic = new Ints();
        double[] weight = new double[64];

        void add(int src, int tgt, int d, int r, double w, boolean isPlastic, int k, int c) {
            if (source.size == weight.length) {
                weight = Arrays.copyOf(weight, 2 * weight.length);
            }
            weight[source.size] = w;
            source.add(src);
            target.add(tgt);
            delay.add(d);
            receptor.add(r);
            plastic.add(isPlastic ? 1 : 0);
            projection.add(k);
            connection.add(c);
        }

        int size() {
            return source.size;
        }
    }

    /** A growable int array. */
    private static final class Ints {
        int[] a = new int[64];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            a[size++] = v;
        }
    }

    /** Per projection: how its weights and delays fare in fixed point, for one warning each. */
    private static final class Rounding {
        int total;
        int zero;
        double smallestZero = Double.POSITIVE_INFINITY;
        int off;
        double worst;
        double unit;
        int roundedDelays;
        double exampleDelay;
        int exampleSteps;
    }

    private void synapses() {
        List<Projection> projections = network.projections();
        List<Population> pops = network.populations();
        Rounding[] rounding = new Rounding[projections.size()];
        for (Slice s : slices) {
            if (lif[s.ordinal()] != null) {
                incoming[s.ordinal()] = new Incoming();
            }
        }
        for (int k = 0; k < projections.size(); k++) {
            Projection pr = projections.get(k);
            rounding[k] = new Rounding();
            int preStart = net.populationStart[pops.indexOf(pr.pre().population())];
            int postStart = net.populationStart[pops.indexOf(pr.post().population())];
            int r = pr.receptor() == Receptor.inhibitory ? 1 : 0;
            boolean plastic = pr.synapse() instanceof STDPMechanism;
            BuiltNetwork.Connections c = net.connections(k);
            int[] pre = c.pre();
            int[] post = c.post();
            double[] w = c.weights();
            double[] d = c.delaysMs();
            connectionCount[k] = pre.length;
            for (int i = 0; i < pre.length; i++) {
                int target = postStart + post[i];
                Slice s = slices.get(sliceOf[target]);
                double exact = d[i] / dt;
                long steps = Math.max(1, Math.round(exact));
                if (steps > 1 << 15) {
                    issues.add(PrecisionIssue.error("projection " + pr.label(), "delay " + num(d[i]) + " ms is "
                            + steps + " steps of " + num(dt) + " ms; a core holds at most 32767"));
                    return;
                }
                if (Math.abs(exact - steps) > 1e-9 * Math.max(1, exact)) {
                    Rounding rd = rounding[k];
                    if (rd.roundedDelays++ == 0) {
                        rd.exampleDelay = d[i];
                        rd.exampleSteps = (int) steps;
                    }
                }
                incoming[s.ordinal()].add(preStart + pre[i], target - s.firstGlobal(), (int) steps, r, w[i], plastic, k, i);
            }
        }
        for (Slice s : slices) {
            if (lif[s.ordinal()] != null) {
                layOut(s, rounding);
            }
        }
        for (int k = 0; k < projections.size(); k++) {
            report("projection " + projections.get(k).label(), rounding[k],
                    pops.get(pops.indexOf(projections.get(k).post().population())));
        }
    }

    /** The ring-buffer shifts, ring size and weight words of one neuron slice. */
    private void layOut(Slice s, Rounding[] rounding) {
        int o = s.ordinal();
        Incoming in = incoming[o];
        STDPMechanism[] rule = rules[s.population()];
        double[][] sums = new double[RECEPTORS][s.size()];
        double[] biggest = new double[RECEPTORS];
        int maxDelay = 1;
        for (int i = 0; i < in.size(); i++) {
            int r = in.receptor.a[i];
            double w = in.weight[i];
            if (in.plastic.a[i] == 1) {
                w = Math.max(w, rule[r].weight_dependence().w_max());
            }
            sums[r][in.target.a[i]] += w * spikesPerStep[in.source.a[i]];
            biggest[r] = Math.max(biggest[r], w);
            maxDelay = Math.max(maxDelay, in.delay.a[i]);
        }
        int[] shift = new int[RECEPTORS];
        String unit = lif[o].delta() ? "mV" : "nA";
        for (int r = 0; r < RECEPTORS; r++) {
            double max = biggest[r];
            for (double sum : sums[r]) {
                max = Math.max(max, sum);
            }
            int power = power(max);
            if (power > 15) {
                issues.add(PrecisionIssue.error("population " + s.label(), String.format(Locale.ROOT,
                        "%s inputs to neurons %d-%d can sum to %s %s in one step; a 16-bit ring buffer holds under "
                                + "32768 %s", r == 0 ? "excitatory" : "inhibitory", s.first(), s.first() + s.size() - 1,
                        num(max), unit, unit)));
                return;
            }
            shift[r] = power;
        }
        shifts[o] = shift;
        int indexBits = Slice.bits(s.size());
        int delayBits = Math.max(1, Slice.bits(maxDelay + 1));
        if (indexBits + 1 + delayBits > 16) {
            int allowed = (1 << (15 - indexBits)) - 1;
            for (int i = 0; i < in.size(); i++) {
                if (in.delay.a[i] > allowed) {
                    issues.add(PrecisionIssue.error("projection " + network.projections().get(in.projection.a[i]).label(),
                            "delays up to " + maxDelay + " steps of " + num(dt) + " ms reach " + s + "; a core of "
                                    + s.size() + " neurons holds delays up to " + allowed + " steps"));
                }
            }
            return;
        }
        LifConstants c = constants[o];
        for (int i = 0; i < in.size(); i++) {
            int r = in.receptor.a[i];
            double w = in.weight[i];
            Rounding rd = rounding[in.projection.a[i]];
            double scale = Math.scalb(1.0, 15 - shift[r]);
            long word = Math.round(Math.rint(w * scale));
            rd.total++;
            rd.unit = Math.max(rd.unit, 1 / scale);
            if (word > 0xFFFF) {
                issues.add(PrecisionIssue.error("projection " + network.projections().get(in.projection.a[i]).label(),
                        "weight " + num(w) + " " + unit + " is beyond the 16-bit ring-buffer word"));
                return;
            }
            int arriving = lif[o].delta() || word == 0 ? (int) word << shift[r]
                    : FixedPoint.decay((int) word << shift[r], r == 0 ? c.initE[in.target.a[i]] : c.initI[in.target.a[i]]);
            if (w > 0 && arriving == 0) {
                rd.zero++;
                rd.smallestZero = Math.min(rd.smallestZero, w);
            } else if (w > 0) {
                double error = Math.abs(word / scale - w) / w;
                rd.worst = Math.max(rd.worst, error);
                if (error > TOLERANCE) {
                    rd.off++;
                }
            }
        }
        if (rule != null) {
            stdp[o] = stdpWords(s, rule, shift);
        }
    }

    /**
     * sPyNNaker's shift for the largest input {@code max}: {@code ceil(log2 max)} (at least 0), plus
     * one if that power of two is not above {@code max}; that is, the smallest {@code p >= 0} with
     * {@code 2^p > max}, computed from the exponent so that exact powers of two are exact.
     */
    static int power(double max) {
        return max < 1 ? 0 : Math.getExponent(max) + 1;
    }

    private void report(String subject, Rounding rd, Population post) {
        String unit = net.model[net.populationStart[network.populations().indexOf(post)]] == BuiltNetwork.IF_CURR_DELTA
                ? "mV" : "nA";
        if (rd.zero > 0) {
            issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                    "%d of %d weights (the smallest %s %s) round to zero in fixed point (one ring-buffer unit is "
                            + "%s %s)", rd.zero, rd.total, num(rd.smallestZero), unit, num(rd.unit), unit)));
        }
        if (rd.off > 0) {
            issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                    "%d of %d weights are off by more than 1 %% in fixed point (at most %.2f %%; one ring-buffer "
                            + "unit is %s %s)", rd.off, rd.total, 100 * rd.worst, num(rd.unit), unit)));
        }
        if (rd.roundedDelays > 0) {
            issues.add(PrecisionIssue.warning(subject, count(rd.roundedDelays, "delay") + " of " + rd.total
                    + " are not whole steps of " + num(dt) + " ms and are rounded (" + num(rd.exampleDelay) + " ms to "
                    + count(rd.exampleSteps, "step") + ")"));
        }
    }

    private StdpParameters stdpWords(Slice s, STDPMechanism[] rule, int[] shift) {
        STDPMechanism any = rule[0] != null ? rule[0] : rule[1];
        String subject = "population " + s.label();
        double tauPlus = any.timing_dependence().tau_plus();
        double tauMinus = any.timing_dependence().tau_minus();
        int[] plus = StdpLut.of(dt, tauPlus);
        int[] minus = StdpLut.of(dt, tauMinus);
        for (int[] lut : new int[][] {plus, minus}) {
            if (lut.length < 2 || lut[1] == 0) {
                issues.add(PrecisionIssue.warning(subject, "STDP time constant " + num(lut == plus ? tauPlus : tauMinus)
                        + " ms is so short for a step of " + num(dt) + " ms that pairs one step apart change nothing"));
            }
        }
        boolean multiplicative = any.weight_dependence() instanceof WeightDependence.MultiplicativeWeightDependence;
        StdpParameters p = new StdpParameters(plus, minus, multiplicative);
        for (int r = 0; r < RECEPTORS; r++) {
            if (rule[r] == null) {
                continue;
            }
            WeightDependence wd = rule[r].weight_dependence();
            double scale = Math.scalb(1.0, 15 - shift[r]);
            p.wMin[r] = (int) Math.rint(wd.w_min() * scale);
            p.wMax[r] = (int) Math.rint(wd.w_max() * scale);
            p.aPlus[r] = amplitude(subject, "A_plus", rule[r].timing_dependence().A_plus(), multiplicative, scale);
            p.aMinus[r] = amplitude(subject, "A_minus", rule[r].timing_dependence().A_minus(), multiplicative, scale);
        }
        return p;
    }

    /**
     * An STDP amplitude: in weight units (additive; at most 32767, a 16-bit multiply operand)
     * or S16.15 (multiplicative), with a warning if it rounds off by more than the tolerance.
     */
    private int amplitude(String subject, String name, double a, boolean multiplicative, double scale) {
        double exact = multiplicative ? a * FixedPoint.ONE : a * scale;
        if (exact > Short.MAX_VALUE && !multiplicative) {
            issues.add(PrecisionIssue.error(subject, String.format(Locale.ROOT,
                    "%s %s is %s weight units; the 16-bit STDP multiply holds at most 32767", name, num(a), num(exact))));
            return 0;
        }
        if (!FixedPoint.fitsS1615(a)) {
            issues.add(PrecisionIssue.error(subject, name + " " + num(a) + " does not fit S16.15"));
            return 0;
        }
        long word = Math.round(Math.rint(exact));
        if (a > 0 && Math.abs(word - exact) > TOLERANCE * exact) {
            issues.add(PrecisionIssue.warning(subject, String.format(Locale.ROOT,
                    "%s %s is %s %s and rounds to %d (off by %.1f %%)", name, num(a), num(exact),
                    multiplicative ? "in S16.15" : "weight units", word, 100 * Math.abs(word - exact) / exact)));
        }
        return (int) word;
    }

    // ---------------------------------------------------------------- the cores

    /** The cores, in slice order, and where each plastic connection lives. */
    record Cores(List<Core> cores, int[][] plasticCore, int[][] plasticSynapse) {}

    Cores cores() {
        if (hasErrors()) {
            throw new IllegalStateException("the network has fixed-point errors");
        }
        List<Projection> projections = network.projections();
        int[][] plasticCore = new int[projections.size()][];
        int[][] plasticSynapse = new int[projections.size()][];
        for (int k = 0; k < projections.size(); k++) {
            if (projections.get(k).synapse() instanceof STDPMechanism) {
                plasticCore[k] = new int[connectionCount[k]];
                plasticSynapse[k] = new int[connectionCount[k]];
            }
        }
        List<Core> cores = new ArrayList<>();
        for (Slice s : slices) {
            int o = s.ordinal();
            int key = firstKeys[o];
            if (spikeTimes[o] != null) {
                cores.add(new SpikeArrayCore(key, spikeTimes[o]));
            } else if (poisson[o] != null) {
                cores.add(new PoissonCore(key, poisson[o]));
            } else {
                // a slice that no plastic synapse reaches needs no rule, though its population has one
                SynapticMatrix m = matrix(s, plasticCore, plasticSynapse);
                cores.add(new NeuronCore(key, lif[o], m, m.plasticControl.length == 0 ? null : stdp[o]));
            }
        }
        return new Cores(List.copyOf(cores), plasticCore, plasticSynapse);
    }

    /** The population table and rows of one neuron slice; records where its plastic synapses go. */
    private SynapticMatrix matrix(Slice s, int[][] plasticCore, int[][] plasticSynapse) {
        Incoming in = incoming[s.ordinal()];
        int[] shift = shifts[s.ordinal()];
        // one table entry per source slice, sorted by key
        Map<Integer, Integer> entryOfSlice = new HashMap<>();
        List<Integer> sources = new ArrayList<>();
        int maxDelay = 1;
        for (int i = 0; i < in.size(); i++) {
            int src = sliceOf[in.source.a[i]];
            if (entryOfSlice.putIfAbsent(src, -1) == null) {
                sources.add(src);
            }
            maxDelay = Math.max(maxDelay, in.delay.a[i]);
        }
        sources.sort((a, b) -> Integer.compareUnsigned(firstKeys[a], firstKeys[b]));
        int entries = sources.size();
        int[] key = new int[entries];
        int[] mask = new int[entries];
        int[] firstRow = new int[entries];
        int[] rowCount = new int[entries];
        int rows = 0;
        for (int e = 0; e < entries; e++) {
            Slice src = slices.get(sources.get(e));
            entryOfSlice.put(src.ordinal(), e);
            key[e] = firstKeys[src.ordinal()];
            mask[e] = src.keyMask();
            firstRow[e] = rows;
            rowCount[e] = src.size();
            rows += src.size();
        }
        int indexBits = Slice.bits(s.size());
        int delayBits = Math.max(1, Slice.bits(maxDelay + 1));
        int[] rowOf = new int[in.size()];
        int[] staticStart = new int[rows + 1];
        int[] plasticStart = new int[rows + 1];
        for (int i = 0; i < in.size(); i++) {
            Slice src = slices.get(sliceOf[in.source.a[i]]);
            rowOf[i] = firstRow[entryOfSlice.get(src.ordinal())] + in.source.a[i] - src.firstGlobal();
            (in.plastic.a[i] == 1 ? plasticStart : staticStart)[rowOf[i] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            staticStart[r + 1] += staticStart[r];
            plasticStart[r + 1] += plasticStart[r];
        }
        int[] staticWords = new int[staticStart[rows]];
        int[] control = new int[plasticStart[rows]];
        int[] weight = new int[plasticStart[rows]];
        int[] nextStatic = Arrays.copyOf(staticStart, rows);
        int[] nextPlastic = Arrays.copyOf(plasticStart, rows);
        for (int i = 0; i < in.size(); i++) {
            int r = in.receptor.a[i];
            int w = (int) Math.rint(in.weight[i] * Math.scalb(1.0, 15 - shift[r]));
            if (in.plastic.a[i] == 1) {
                int at = nextPlastic[rowOf[i]]++;
                control[at] = SynapticMatrix.controlWord(in.delay.a[i], r, in.target.a[i], indexBits);
                weight[at] = w;
                plasticCore[in.projection.a[i]][in.connection.a[i]] = s.ordinal();
                plasticSynapse[in.projection.a[i]][in.connection.a[i]] = at;
            } else {
                staticWords[nextStatic[rowOf[i]]++] = SynapticMatrix.staticWord(w, in.delay.a[i], r, in.target.a[i],
                        indexBits);
            }
        }
        return new SynapticMatrix(s.size(), indexBits, delayBits, shift, key, mask, firstRow, rowCount, staticStart,
                staticWords, plasticStart, control, weight, new int[rows], new int[rows]);
    }

    /** "1 step", "2 steps". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A number as short as it reads. */
    static String num(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
