package org.engram.simulator.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.network.CurrentInjection;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.Selection;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.Param;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Seeds;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SynapseType;

/**
 * A network description flattened for the engines: neurons numbered globally (populations in
 * network order), parameters and initial values expanded to one value per neuron, and synapses in
 * compressed rows by source neuron.
 *
 * <p>Static synapses: row {@code i} holds {@code staticRowStart[i] .. staticRowStart[i+1]}, sorted
 * by delay, then target, then projection order, then connection order (so that a block of
 * targets' share of a group is one run, and a target's synapses keep their order). Equal delays
 * of a row form one delivery group ({@code groupRowStart}, {@code groupFirst}, {@code groupDelayMs}). A weight
 * carries the receptor in its sign (negative = inhibitory): a group whose synapses share one
 * weight keeps it once ({@code groupWeight}), so that each of its synapses costs its target alone;
 * the others keep one per synapse ({@code staticWeight} from {@code groupWeightStart}), a target
 * and a weight. Plastic synapses have their own rows ({@code plastic...}), since they carry a
 * rule and per-synapse state.
 *
 * <p>Built once; the engines read it and keep their mutable state apart. Every random draw comes
 * from {@link Seeds} streams of the network's seed, so equal seeds give equal networks.
 */
public final class BuiltNetwork {
    /** Model codes, per neuron. */
    public static final byte IF_CURR_EXP = 0;
    public static final byte IF_CURR_DELTA = 1;
    public static final byte IF_COND_EXP = 2;
    public static final byte SPIKE_SOURCE_ARRAY = 3;
    public static final byte SPIKE_SOURCE_POISSON = 4;

    public final Network network;
    public final int neuronCount;
    /** First global index of each population, plus the total at the end. */
    public final int[] populationStart;
    public final byte[] model;

    // parameters, one per neuron (unused entries of sources are 0)
    public final double[] cm;
    public final double[] tauM;
    public final double[] tauRefrac;
    public final double[] tauSynE;
    public final double[] tauSynI;
    public final double[] vRest;
    public final double[] vReset;
    public final double[] vThresh;
    public final double[] iOffset;
    public final double[] eRevE;
    public final double[] eRevI;
    /** True where a spike subtracts {@code v_thresh - v_reset} from v ({@link Reset#SUBTRACT}). */
    public final boolean[] resetSubtracts;
    // initial state
    public final double[] v0;
    public final double[] synE0;
    public final double[] synI0;
    // sources
    public final double[][] sourceTimes;
    public final double[] poissonRate;
    public final double[] poissonStart;
    public final double[] poissonDuration;

    // static synapses
    public final int[] staticRowStart;
    public final int[] staticTarget;
    /** The signed weights of the groups whose synapses do not share one, group after group. */
    public final double[] staticWeight;
    public final int[] groupRowStart;
    public final int[] groupFirst;
    public final double[] groupDelayMs;
    /**
     * The signed weight of every synapse of static group k where they are all equal (a projection
     * with one weight, the common case), NaN where they differ: a delivery then reads only the
     * targets, and its per-synapse arithmetic is the same for all of them.
     */
    public final double[] groupWeight;
    /**
     * Where in {@link #staticWeight} the weights of group k start, its synapse {@code s} (from
     * {@code groupFirst[k]}) having the weight at {@code s - groupFirst[k] + groupWeightStart[k]};
     * -1 where they share {@code groupWeight[k]}.
     */
    public final int[] groupWeightStart;

    // plastic synapses
    public final int[] plasticRowStart;
    public final int[] plasticTarget;
    public final double[] plasticWeight;
    public final double[] plasticDelayMs;
    public final boolean[] plasticInhibitory;
    public final int[] plasticRule;
    /** The STDP mechanism of each plastic rule index. */
    public final STDPMechanism[] rules;
    /** Per projection: the plastic synapse index of each connection (connection order), or null if static. */
    public final int[][] plasticIndexOfConnection;

    public final long staticSynapseCount;

    // current sources, one entry per injection of the description (its order)
    /** The times at which each injection's current changes, ms, increasing. */
    public final double[][] currentChangeMs;
    /** The current of each injection from each of its change times on, nA. */
    public final double[][] currentAmplitude;
    /** The global indices of the neurons each injection goes into, ascending. */
    public final int[][] currentTargets;
    /** Per neuron: whether any current source is injected into it. */
    private final boolean[] receivesCurrent;

    private BuiltNetwork(Network net, Flat flat, Synapses syn) {
        this.network = net;
        this.neuronCount = flat.n;
        this.populationStart = flat.start;
        this.model = flat.model;
        this.cm = flat.p[0];
        this.tauM = flat.p[1];
        this.tauRefrac = flat.p[2];
        this.tauSynE = flat.p[3];
        this.tauSynI = flat.p[4];
        this.vRest = flat.p[5];
        this.vReset = flat.p[6];
        this.vThresh = flat.p[7];
        this.iOffset = flat.p[8];
        this.eRevE = flat.p[9];
        this.eRevI = flat.p[10];
        this.resetSubtracts = flat.resetSubtracts;
        this.v0 = flat.v0;
        this.synE0 = flat.synE0;
        this.synI0 = flat.synI0;
        this.sourceTimes = flat.sourceTimes;
        this.poissonRate = flat.rate;
        this.poissonStart = flat.startMs;
        this.poissonDuration = flat.durationMs;
        this.staticRowStart = syn.staticRowStart;
        this.staticTarget = syn.staticTarget;
        this.staticWeight = syn.staticWeight;
        this.groupRowStart = syn.groupRowStart;
        this.groupFirst = syn.groupFirst;
        this.groupDelayMs = syn.groupDelay;
        this.groupWeight = syn.groupWeight;
        this.groupWeightStart = syn.groupWeightStart;
        this.plasticRowStart = syn.plasticRowStart;
        this.plasticTarget = syn.plasticTarget;
        this.plasticWeight = syn.plasticWeight;
        this.plasticDelayMs = syn.plasticDelay;
        this.plasticInhibitory = syn.plasticInhibitory;
        this.plasticRule = syn.plasticRule;
        this.rules = syn.rules;
        this.plasticIndexOfConnection = syn.plasticIndexOfConnection;
        this.staticSynapseCount = syn.staticTarget.length;
        List<CurrentInjection> injections = net.currentSources();
        currentChangeMs = new double[injections.size()][];
        currentAmplitude = new double[injections.size()][];
        currentTargets = new int[injections.size()][];
        receivesCurrent = new boolean[neuronCount];
        for (int c = 0; c < injections.size(); c++) {
            CurrentInjection injection = injections.get(c);
            currentChangeMs[c] = injection.source().changeTimesMs();
            currentAmplitude[c] = injection.source().amplitudesAfterChange();
            Selection cells = injection.cells();
            int first = populationStart[net.populations().indexOf(cells.population())];
            int[] targets = new int[cells.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = first + cells.index(i);
                receivesCurrent[targets[i]] = true;
            }
            Arrays.sort(targets);
            currentTargets[c] = targets;
        }
    }

    /** True for a neuron that a current source is injected into. */
    public boolean receivesCurrent(int g) {
        return receivesCurrent[g];
    }

    /**
     * The first synapse of {@code from..to-1}, a range sorted by target (as each static group is),
     * whose target is at least {@code j}; {@code to} if none: where a block of neurons' share of a
     * group starts.
     */
    public static int firstTargetAtLeast(int[] target, int from, int to, int j) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (target[mid] < j) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Builds the network; every rule violation raises {@link InvalidNetworkException} before any state exists. */
    public static BuiltNetwork build(Network net) {
        Flat flat = new Flat(net);
        Synapses syn = new Synapses(net, flat);
        return new BuiltNetwork(net, flat, syn);
    }

    /** Total synapses, static and plastic. */
    public long synapseCount() {
        return staticSynapseCount + plasticTarget.length;
    }

    /** The population index of global neuron {@code g}. */
    public int populationOf(int g) {
        int k = Arrays.binarySearch(populationStart, g);
        return k >= 0 ? k : -k - 2;
    }

    /** Global index of neuron {@code i} of population {@code p}. */
    public int global(int population, int i) {
        return populationStart[population] + i;
    }

    /**
     * The end (exclusive) of static delivery group k of source g: its synapses are
     * {@code groupFirst[k]} to this, less one (the groups of g share one delay each).
     */
    public int groupEnd(int g, int k) {
        return groupEnd(groupRowStart, groupFirst, staticRowStart, g, k);
    }

    private static int groupEnd(int[] groupRowStart, int[] groupFirst, int[] staticRowStart, int g, int k) {
        return k + 1 < groupRowStart[g + 1] ? groupFirst[k + 1] : staticRowStart[g + 1];
    }

    /** True for neurons with a membrane (not spike sources). */
    public boolean hasMembrane(int g) {
        return model[g] <= IF_COND_EXP;
    }

    /** The index of a projection by label. */
    public int projectionIndex(String label) {
        List<Projection> ps = network.projections();
        for (int k = 0; k < ps.size(); k++) {
            if (ps.get(k).label().equals(label)) {
                return k;
            }
        }
        network.projection(label); // throws with the list of valid labels
        throw new AssertionError();
    }

    /**
     * The connections of projection {@code k} in connection order, regenerated from the seeded
     * streams (static synapses keep no per-connection index): pre and post indices in their
     * populations, the initial weights and the delays.
     */
    public Connections connections(int k) {
        Projection pr = network.projections().get(k);
        Connections c = new Connections();
        Synapses.generate(network, k, pr, network.timestepMs(), (pre, post, w, d) -> c.add(pr.pre().index(pre),
                pr.post().index(post), w, d));
        return c;
    }

    /** The connections of one projection, in connection order. */
    public static final class Connections {
        private int[] pre = new int[16];
        private int[] post = new int[16];
        private double[] weight = new double[16];
        private double[] delay = new double[16];
        private int size;

        void add(int i, int j, double w, double d) {
            if (size == pre.length) {
                pre = Arrays.copyOf(pre, size * 2);
                post = Arrays.copyOf(post, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
                delay = Arrays.copyOf(delay, size * 2);
            }
            pre[size] = i;
            post[size] = j;
            weight[size] = w;
            delay[size++] = d;
        }

        public int size() {
            return size;
        }

        public int[] pre() {
            return Arrays.copyOf(pre, size);
        }

        public int[] post() {
            return Arrays.copyOf(post, size);
        }

        public double[] weights() {
            return Arrays.copyOf(weight, size);
        }

        /** The delays, ms, as drawn (not rounded to a step). */
        public double[] delaysMs() {
            return Arrays.copyOf(delay, size);
        }
    }

    /** Per-neuron parameters, initial values and source trains. */
    private static final class Flat {
        private static final String[] PARAMS = {"cm", "tau_m", "tau_refrac", "tau_syn_E", "tau_syn_I", "v_rest",
            "v_reset", "v_thresh", "i_offset", "e_rev_E", "e_rev_I"};
        final int n;
        final int[] start;
        final byte[] model;
        final double[][] p = new double[PARAMS.length][];
        final boolean[] resetSubtracts;
        final double[] v0;
        final double[] synE0;
        final double[] synI0;
        final double[][] sourceTimes;
        final double[] rate;
        final double[] startMs;
        final double[] durationMs;

        Flat(Network net) {
            List<Population> pops = net.populations();
            start = new int[pops.size() + 1];
            int total = 0; // at most Network.MAX_NEURONS, which the description checks
            for (int k = 0; k < pops.size(); k++) {
                start[k] = total;
                total += pops.get(k).size();
            }
            n = total;
            start[pops.size()] = n;
            model = new byte[n];
            resetSubtracts = new boolean[n];
            for (int q = 0; q < PARAMS.length; q++) {
                p[q] = new double[n];
            }
            v0 = new double[n];
            synE0 = new double[n];
            synI0 = new double[n];
            sourceTimes = new double[n][];
            rate = new double[n];
            startMs = new double[n];
            durationMs = new double[n];
            for (int k = 0; k < pops.size(); k++) {
                fill(net, k, pops.get(k), start[k]);
            }
        }

        private void fill(Network net, int k, Population pop, int off) {
            CellType type = pop.cellType();
            int size = pop.size();
            if (type instanceof SpikeSourceArray a) {
                for (int i = 0; i < size; i++) {
                    model[off + i] = SPIKE_SOURCE_ARRAY;
                    sourceTimes[off + i] = a.times(i);
                }
                return;
            }
            StandardCell cell = (StandardCell) type;
            StandardModel m = cell.model();
            byte code = switch (m) {
                case IF_curr_exp -> IF_CURR_EXP;
                case IF_curr_delta -> IF_CURR_DELTA;
                case IF_cond_exp -> IF_COND_EXP;
                case SpikeSourcePoisson -> SPIKE_SOURCE_POISSON;
            };
            Arrays.fill(model, off, off + size, code);
            Arrays.fill(resetSubtracts, off, off + size, cell.reset() == Reset.SUBTRACT);
            if (code == SPIKE_SOURCE_POISSON) {
                copy(cell.get("rate"), rate, off, size);
                copy(cell.get("start"), startMs, off, size);
                copy(cell.get("duration"), durationMs, off, size);
                return;
            }
            for (int q = 0; q < PARAMS.length; q++) {
                if (m.parameters().containsKey(PARAMS[q])) {
                    copy(cell.get(PARAMS[q]), p[q], off, size);
                }
            }
            Map<String, InitialValue> init = pop.initial();
            RandomGenerator rng = Seeds.stream(net.seed(), Seeds.INITIAL_VALUES, k);
            // PyNN's default initial v is -65 mV whatever v_rest is; isyn/gsyn start at 0
            initial(pop, init, "v", m.initialValues().get("v").defaultValue(), v0, off, size, rng);
            String exc = m == StandardModel.IF_cond_exp ? "gsyn_exc" : "isyn_exc";
            String inh = m == StandardModel.IF_cond_exp ? "gsyn_inh" : "isyn_inh";
            if (m.initialValues().containsKey(exc)) {
                initial(pop, init, exc, 0.0, synE0, off, size, rng);
                initial(pop, init, inh, 0.0, synI0, off, size, rng);
            }
        }

        private static void initial(Population pop, Map<String, InitialValue> init, String name, double dflt,
                double[] out, int off, int size, RandomGenerator rng) {
            InitialValue iv = init.get(name);
            if (iv == null) {
                Arrays.fill(out, off, off + size, dflt);
            } else if (iv.fixed() != null) {
                copy(iv.fixed(), out, off, size);
            } else {
                Value dist = iv.random();
                for (int i = 0; i < size; i++) {
                    out[off + i] = dist.draw(rng);
                }
            }
        }

        private static void copy(Param p, double[] out, int off, int size) {
            for (int i = 0; i < size; i++) {
                out[off + i] = p.at(i);
            }
        }
    }

    /** Connection generation and the compressed rows. */
    private static final class Synapses {
        int[] staticRowStart;
        int[] staticTarget;
        double[] staticWeight;
        int[] groupRowStart;
        int[] groupFirst;
        double[] groupDelay;
        double[] groupWeight;
        int[] groupWeightStart;
        int[] plasticRowStart;
        int[] plasticTarget;
        double[] plasticWeight;
        double[] plasticDelay;
        boolean[] plasticInhibitory;
        int[] plasticRule;
        STDPMechanism[] rules;
        int[][] plasticIndexOfConnection;

        Synapses(Network net, Flat flat) {
            List<Projection> projections = net.projections();
            Growable st = new Growable(initialCapacity(net, false), false);
            Growable pl = new Growable(initialCapacity(net, true), true);
            List<STDPMechanism> ruleList = new ArrayList<>();
            plasticIndexOfConnection = new int[projections.size()][];
            for (int k = 0; k < projections.size(); k++) {
                Projection pr = projections.get(k);
                int preOff = flat.start[net.populations().indexOf(pr.pre().population())];
                int postOff = flat.start[net.populations().indexOf(pr.post().population())];
                boolean inhibitory = pr.receptor() == Receptor.inhibitory;
                if (pr.synapse() instanceof STDPMechanism stdp) {
                    int rule = ruleList.size();
                    ruleList.add(stdp);
                    int first = pl.size;
                    generate(net, k, pr, net.timestepMs(), (i, j, w, d) -> pl.add(preOff + pr.pre().index(i),
                            postOff + pr.post().index(j), w, d, inhibitory, rule));
                    int[] idx = new int[pl.size - first];
                    Arrays.setAll(idx, c -> first + c);
                    plasticIndexOfConnection[k] = idx; // positions before sorting; remapped below
                } else {
                    // the receptor in the weight's sign
                    generate(net, k, pr, net.timestepMs(), (i, j, w, d) -> st.add(preOff + pr.pre().index(i),
                            postOff + pr.post().index(j), inhibitory ? -w : w, d));
                }
            }
            rules = ruleList.toArray(new STDPMechanism[0]);
            int n = flat.n;
            // static rows, sorted by (source, delay, insertion order): a stable counting sort by
            // source, each connection read in insertion order and written to its place (scattered
            // writes cost less than gathered reads: 8 M synapses)
            staticRowStart = st.rowStart(n);
            int[] next = Arrays.copyOf(staticRowStart, n);
            staticTarget = new int[st.size];
            staticWeight = new double[st.size];
            double[] delays = new double[st.size];
            for (int c = 0; c < st.size; c++) {
                int s = next[st.pre[c]]++;
                staticTarget[s] = st.post[c];
                staticWeight[s] = st.weight[c];
                delays[s] = st.delay[c];
            }
            buildGroups(n, delays);
            int[] porder = pl.sortedOrder(n);
            plasticRowStart = pl.rowStart(n);
            plasticTarget = new int[pl.size];
            plasticWeight = new double[pl.size];
            plasticDelay = new double[pl.size];
            plasticInhibitory = new boolean[pl.size];
            plasticRule = new int[pl.size];
            int[] newIndexOf = new int[pl.size];
            for (int s = 0; s < pl.size; s++) {
                int o = porder[s];
                newIndexOf[o] = s;
                plasticTarget[s] = pl.post[o];
                plasticWeight[s] = pl.weight[o];
                plasticDelay[s] = pl.delay[o];
                plasticInhibitory[s] = pl.inhibitory[o];
                plasticRule[s] = pl.tag[o];
            }
            for (int[] idx : plasticIndexOfConnection) {
                if (idx != null) {
                    for (int c = 0; c < idx.length; c++) {
                        idx[c] = newIndexOf[idx[c]];
                    }
                }
            }
        }

        /**
         * The arrays' first capacity for the static (or plastic) connections: at most how many
         * the projections give, where their connectors tell (else a small start, grown as needed).
         */
        private static int initialCapacity(Network net, boolean plastic) {
            long total = 0;
            for (Projection pr : net.projections()) {
                if ((pr.synapse() instanceof STDPMechanism) == plastic) {
                    long max = pr.connector().maxConnections(pr.pre().size(), pr.post().size());
                    if (max < 0) {
                        return Growable.INITIAL;
                    }
                    total += max;
                }
            }
            // beyond the limit the arrays grow until they reach it, and the build fails there
            return total > Growable.MAX ? Growable.INITIAL : (int) Math.max(Growable.INITIAL, total);
        }

        private void buildGroups(int n, double[] delays) {
            int[] rowStart = new int[n + 1];
            Growable.IntList first = new Growable.IntList();
            Growable.DoubleList delay = new Growable.DoubleList();
            for (int i = 0; i < n; i++) {
                rowStart[i] = first.size;
                int from = staticRowStart[i];
                int to = staticRowStart[i + 1];
                // sort the row by delay, stable, keeping targets and weights with it
                if (to - from > 1) {
                    sortRowByDelay(from, to, delays);
                }
                for (int s = from; s < to; s++) {
                    if (s == from || delays[s] != delays[s - 1]) {
                        first.add(s);
                        delay.add(delays[s]);
                    }
                }
                for (int k = rowStart[i]; k < first.size; k++) {
                    sortGroupByTarget(first.a[k], k + 1 < first.size ? first.a[k + 1] : to);
                }
            }
            rowStart[n] = first.size;
            groupRowStart = rowStart;
            groupFirst = first.toArray();
            groupDelay = delay.toArray();
            groupWeight = new double[groupFirst.length];
            groupWeightStart = new int[groupFirst.length];
            int varied = 0;
            for (int i = 0; i < n; i++) {
                for (int k = groupRowStart[i]; k < groupRowStart[i + 1]; k++) {
                    int end = groupEnd(groupRowStart, groupFirst, staticRowStart, i, k);
                    groupWeight[k] = sharedWeight(groupFirst[k], end);
                    groupWeightStart[k] = -1;
                    if (Double.isNaN(groupWeight[k])) {
                        groupWeightStart[k] = varied;
                        varied += end - groupFirst[k];
                    }
                }
            }
            // only the groups whose weights differ keep theirs
            double[] kept = new double[varied];
            for (int i = 0; i < n; i++) {
                for (int k = groupRowStart[i]; k < groupRowStart[i + 1]; k++) {
                    if (groupWeightStart[k] >= 0) {
                        int end = groupEnd(groupRowStart, groupFirst, staticRowStart, i, k);
                        System.arraycopy(staticWeight, groupFirst[k], kept, groupWeightStart[k], end - groupFirst[k]);
                    }
                }
            }
            staticWeight = kept;
        }

        /** The weight of synapses from..to-1 where they are all equal, else NaN. */
        private double sharedWeight(int from, int to) {
            double w = staticWeight[from];
            for (int s = from + 1; s < to; s++) {
                if (staticWeight[s] != w) {
                    return Double.NaN;
                }
            }
            return w;
        }

        /** Sorts synapses from..to-1 by target, stable, keeping weights with them. */
        private void sortGroupByTarget(int from, int to) {
            boolean sorted = true;
            for (int s = from + 1; s < to && sorted; s++) {
                sorted = staticTarget[s - 1] <= staticTarget[s];
            }
            if (sorted) {
                return;
            }
            // (target, position) keys: one primitive sort, stable by construction
            long[] keys = new long[to - from];
            for (int s = from; s < to; s++) {
                keys[s - from] = (long) staticTarget[s] << 32 | (s - from);
            }
            Arrays.sort(keys);
            int[] t = new int[keys.length];
            double[] w = new double[keys.length];
            for (int k = 0; k < keys.length; k++) {
                int s = from + (int) keys[k];
                t[k] = staticTarget[s];
                w[k] = staticWeight[s];
            }
            System.arraycopy(t, 0, staticTarget, from, t.length);
            System.arraycopy(w, 0, staticWeight, from, w.length);
        }

        private void sortRowByDelay(int from, int to, double[] delays) {
            boolean sorted = true;
            for (int s = from + 1; s < to && sorted; s++) {
                sorted = delays[s - 1] <= delays[s];
            }
            if (sorted) {
                return;
            }
            Integer[] idx = new Integer[to - from];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = from + k;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(delays[a], delays[b])); // stable
            int[] t = new int[idx.length];
            double[] w = new double[idx.length];
            double[] d = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                t[k] = staticTarget[idx[k]];
                w[k] = staticWeight[idx[k]];
                d[k] = delays[idx[k]];
            }
            System.arraycopy(t, 0, staticTarget, from, t.length);
            System.arraycopy(w, 0, staticWeight, from, w.length);
            System.arraycopy(d, 0, delays, from, d.length);
        }

        @FunctionalInterface
        interface ConnectionSink {
            void accept(int pre, int post, double weight, double delay);
        }

        /** Enumerates projection k's connections with their drawn weights and delays, in connection order. */
        static void generate(Network net, int k, Projection pr, double defaultDelay, ConnectionSink sink) {
            RandomGenerator rng = Seeds.stream(net.seed(), Seeds.CONNECTIONS, k);
            SynapseType syn = pr.synapse();
            Connector.SameNeuron same = pr.pre().population().equals(pr.post().population())
                    ? new SameNeuronLookup(pr)
                    : (i, j) -> false;
            Value weight = syn.weight();
            Value delay = syn.delay() == null ? Value.of(defaultDelay) : syn.delay();
            pr.connector().connect(pr.pre().size(), pr.post().size(), same, rng, (i, j, w, d) -> {
                double ww = Double.isNaN(w) ? weight.draw(rng) : w;
                double dd = Double.isNaN(d) ? delay.draw(rng) : d;
                if (!(ww >= 0) || Double.isInfinite(ww)) {
                    throw new InvalidNetworkException("projection " + pr.label() + ": connection (" + i + ", " + j
                            + ") drew weight " + ww + "; weights must be finite and >= 0");
                }
                if (!(dd > 0) || Double.isInfinite(dd)) {
                    throw new InvalidNetworkException("projection " + pr.label() + ": connection (" + i + ", " + j
                            + ") drew delay " + dd + " ms; delays must be finite and > 0");
                }
                sink.accept(i, j, ww, dd);
            });
        }
    }

    /**
     * Which pre positions are the same neuron as a post position, when a projection connects a
     * population to itself: the pre positions of each neuron in linked lists, ascending.
     */
    private static final class SameNeuronLookup implements Connector.SameNeuron {
        private final Projection pr;
        private final int[] head;
        private final int[] next;

        SameNeuronLookup(Projection pr) {
            this.pr = pr;
            int preSize = pr.pre().size();
            head = new int[pr.pre().population().size()];
            Arrays.fill(head, -1);
            next = new int[preSize];
            for (int i = preSize - 1; i >= 0; i--) {
                int g = pr.pre().index(i);
                next[i] = head[g];
                head[g] = i;
            }
        }

        @Override
        public boolean test(int pre, int post) {
            return pr.pre().index(pre) == pr.post().index(post);
        }

        @Override
        public int[] sameAs(int post, int preSize) {
            int g = pr.post().index(post);
            int count = 0;
            for (int i = head[g]; i >= 0; i = next[i]) {
                count++;
            }
            int[] found = new int[count];
            count = 0;
            for (int i = head[g]; i >= 0; i = next[i]) {
                found[count++] = i;
            }
            return found;
        }
    }

    /** Connections in insertion order, primitive arrays only. */
    private static final class Growable {
        static final int INITIAL = 1024;
        /** The most synapses a network may have (arrays are indexed by int). */
        static final int MAX = 1 << 30;
        int[] pre;
        int[] post;
        double[] weight;
        double[] delay;
        /**
         * The receptor and rule of each connection, kept for plastic synapses only (null for static
         * ones, which carry the receptor in the weight's sign).
         */
        boolean[] inhibitory;
        int[] tag;
        int size;

        Growable(int capacity, boolean withRule) {
            pre = new int[capacity];
            post = new int[capacity];
            weight = new double[capacity];
            delay = new double[capacity];
            inhibitory = withRule ? new boolean[capacity] : null;
            tag = withRule ? new int[capacity] : null;
        }

        /** Adds a static connection. */
        void add(int i, int j, double w, double d) {
            if (size == pre.length) {
                grow();
            }
            pre[size] = i;
            post[size] = j;
            weight[size] = w;
            delay[size] = d;
            size++;
        }

        /** Adds a plastic connection, with its receptor and rule. */
        void add(int i, int j, double w, double d, boolean inh, int rule) {
            add(i, j, w, d);
            inhibitory[size - 1] = inh;
            tag[size - 1] = rule;
        }

        private void grow() {
            if (size >= MAX) {
                throw new InvalidNetworkException("the network has more than 2^30 synapses");
            }
            int cap = (int) Math.min(2L * size, MAX);
            pre = Arrays.copyOf(pre, cap);
            post = Arrays.copyOf(post, cap);
            weight = Arrays.copyOf(weight, cap);
            delay = Arrays.copyOf(delay, cap);
            if (tag != null) {
                inhibitory = Arrays.copyOf(inhibitory, cap);
                tag = Arrays.copyOf(tag, cap);
            }
        }

        int[] rowStart(int n) {
            int[] start = new int[n + 1];
            for (int s = 0; s < size; s++) {
                start[pre[s] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            return start;
        }

        /** The insertion indices sorted by source, stable (counting sort). */
        int[] sortedOrder(int n) {
            int[] next = rowStart(n);
            int[] order = new int[size];
            for (int s = 0; s < size; s++) {
                order[next[pre[s]]++] = s;
            }
            return order;
        }

        static final class IntList {
            int[] a = new int[1024];
            int size;

            void add(int v) {
                if (size == a.length) {
                    a = Arrays.copyOf(a, size * 2);
                }
                a[size++] = v;
            }

            int[] toArray() {
                return Arrays.copyOf(a, size);
            }
        }

        static final class DoubleList {
            double[] a = new double[1024];
            int size;

            void add(double v) {
                if (size == a.length) {
                    a = Arrays.copyOf(a, size * 2);
                }
                a[size++] = v;
            }

            double[] toArray() {
                return Arrays.copyOf(a, size);
            }
        }
    }
}
