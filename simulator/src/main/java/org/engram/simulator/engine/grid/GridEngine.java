package org.engram.simulator.engine.grid;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.core.EngineBase;
import org.engram.simulator.engine.core.InjectedCurrents;
import org.engram.simulator.engine.core.Plasticity;
import org.engram.simulator.engine.core.Team;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * sPyNNaker's fixed-step update, which is what SpiNNaker hardware computes. Step {@code n} covers
 * time {@code t = n dt} and does, in this order:
 * <ol>
 *   <li>Arrivals: input due at step n enters the synapses. For exponential synapses
 *       {@code I += (sum of w) kappa} with sPyNNaker's factor
 *       {@code kappa = (tau_syn/dt)(1 - exp(-dt/tau_syn))}; for {@code IF_curr_delta} the sum is a
 *       jump of v (applied after the membrane update, as NEST does).</li>
 *   <li>Membrane: if the refractory counter is positive it is decremented and the neuron is
 *       skipped (v stays where the reset put it, delta inputs are dropped); otherwise
 *       {@code alpha = v_rest + (tau_m/cm) I_total} and {@code v <- alpha - exp(-dt/tau_m)(alpha - v)},
 *       with {@code I_total = I_E - I_I + i_offset} (current-based) or
 *       {@code g_E (e_rev_E - v) + g_I (e_rev_I - v) + i_offset} (conductance-based, with v of the
 *       step start: sPyNNaker's exponential-Euler; it holds the synaptic current over the step, so
 *       its error is first order in dt: O(dt) in v, and spike times within about a step of the
 *       exact ones, as the tests check at dt = 0.01 ms).</li>
 *   <li>Threshold: {@code v >= v_thresh} spikes at {@code t}, sets v = v_reset (with
 *       {@link org.engram.simulator.neuron.Reset#SUBTRACT}: {@code v <- v - (v_thresh - v_reset)},
 *       which may leave v at or above threshold) and the refractory counter to
 *       {@code ceil(tau_refrac/dt)} steps (none for tau_refrac = 0), during which v is held. A
 *       neuron spikes at most once per step: v still above threshold after a subtractive reset
 *       spikes again at the next step where, decayed and with that step's input, it still is, as
 *       a discrete-time network trained with a soft reset does.</li>
 *   <li>Synapses decay: {@code I *= exp(-dt/tau_syn)}.</li>
 * </ol>
 * A current source's change at time t takes effect from the first step whose start is at or
 * after t, step {@code ceil(t/dt)} (to 1e-9 of a step, so that a change written on the grid
 * lands on its step): that step's membrane update and the later ones use the new bias current
 * ({@code i_offset} plus the sources' currents), as PyNN's on-grid simulators do. Neurons with
 * different sources are never in one run of equal parameters.
 *
 * <p>Then spike sources emit (a given time t fires at step {@code round(t/dt)}), and each spike of
 * step n, neurons in index order, is sent: a static synapse of delay d adds its weight at step
 * {@code n + max(1, round(d/dt))}; a plastic synapse first applies the STDP rule at the pre spike
 * time (see {@code Plasticity}, with depression at a zero interval, as sPyNNaker does) and sends the
 * updated weight. v samples are taken after the step.
 *
 * <p>Threads: the neurons are split into contiguous blocks, one per thread; each thread owns its
 * block's state, input ring and post-synaptic histories, and delivers the spikes of every block to
 * its own neurons (and the plastic synapses that reach them). A spike of step n arrives no sooner
 * than {@code n + m}, m the smallest delay in steps, so the threads update their neurons through m
 * steps, exchange the spikes of those steps at a barrier and deliver them, steps in order, spikes
 * in neuron order, synapses in row order (each block's share of a row): each ring entry then sums
 * its inputs in the same order as one thread does, and each synapse and post-synaptic history sees
 * the same calls in the same order, so the results are the same bytes for any number of threads.
 * The STDP traces' epoch moves at the first step past its limit (see {@code Plasticity}) whatever
 * spikes. Where v or weights are recorded, the threads meet every step, so that samples see the
 * state of their step.
 */
public final class GridEngine extends EngineBase {
    /** The most entries of the input ring (steps of the longest delay by neurons): one array holds it. */
    public static final long MAX_RING = Integer.MAX_VALUE - 8;
    /** The most steps a run may take: a long counts them. */
    public static final double MAX_STEPS = 0x1p63;
    /**
     * The least work between two exchanges of spikes, as synapses times the steps between
     * exchanges, for which {@link #resolve} chooses more than one thread: below it the barrier
     * costs more than a second thread saves (see bench/RESULTS.md; the benchmarks exchange every
     * 2 steps, so from 4 million synapses, 50,000 neurons).
     */
    static final long AUTO_MIN_SYNAPSE_STEPS = 8_000_000;
    /** Neuron blocks start at multiples of this, so that threads share no cache line of state. */
    private static final int BLOCK_ALIGN = 16;
    private final double dt;
    private final int n;
    // state
    private final double[] v;
    private final double[] synE;
    private final double[] synI;
    private final int[] refractory;
    // input ring buffers: slot (step mod slots) by neuron
    private final int slots;
    private final double[] ringE;
    private final double[] ringI;
    /**
     * The neurons with exponential synapses that have input in each slot, each block's from the
     * block's first place in the slot (slot by position), so that arrivals touch only them instead
     * of every neuron's ring entries each step.
     */
    private final int[] arriving;
    private final boolean[] listed;
    /** sPyNNaker's kappa of each neuron's excitatory and inhibitory synapses; NaN for delta neurons. */
    private final double[] kappaE;
    private final double[] kappaI;
    private final int[] groupDelaySteps;
    private final int[] plasticDelaySteps;
    /**
     * The static targets and varied weights as delivered: the built network's, or with more than
     * one thread, where the network's groups are not sorted by target, a copy whose groups are
     * (stable), so that each block's share of a group is one run found by a binary search.
     */
    private final int[] staticTarget;
    private final double[] staticWeight;
    /** The plastic synapses of each row in delivery order: by target (stable) with more than one thread. */
    private final int[] plasticOrder;
    /** The threads and their blocks. */
    private final Team team;
    private final Block[] blocks;
    /** The most steps between two exchanges of spikes: the smallest delay, or one where samples are due. */
    private final int interval;
    // the interval being run: written by the barrier's action, read by every thread after it
    private long intervalStart;
    private long intervalEnd;
    private long lastStep;
    /** The step whose weight samples are due once its spikes are delivered, or -1. */
    private long weightsDue = -1;

    private long step;

    /**
     * @param requestedThreads the threads to run on, or 0 to choose from the network's size
     *        ({@link #resolve})
     */
    public GridEngine(BuiltNetwork net, double dtMs, int requestedThreads) {
        super(net, true, roundedDelays(net.plasticDelayMs, dtMs));
        this.dt = dtMs;
        this.n = net.neuronCount;
        v = net.v0.clone();
        synE = net.synE0.clone();
        synI = net.synI0.clone();
        refractory = new int[n];
        groupDelaySteps = new int[net.groupDelayMs.length];
        int maxDelay = 1;
        int minDelay = Integer.MAX_VALUE;
        for (int k = 0; k < groupDelaySteps.length; k++) {
            groupDelaySteps[k] = delaySteps(net.groupDelayMs[k], dt);
            maxDelay = Math.max(maxDelay, groupDelaySteps[k]);
            minDelay = Math.min(minDelay, groupDelaySteps[k]);
        }
        plasticDelaySteps = new int[net.plasticDelayMs.length];
        for (int s = 0; s < plasticDelaySteps.length; s++) {
            plasticDelaySteps[s] = delaySteps(net.plasticDelayMs[s], dt);
            maxDelay = Math.max(maxDelay, plasticDelaySteps[s]);
            minDelay = Math.min(minDelay, plasticDelaySteps[s]);
        }
        long entries = (maxDelay + 1L) * n;
        if (maxDelay == Integer.MAX_VALUE || entries > MAX_RING) {
            throw new InvalidNetworkException("dt " + dtMs + " ms: the longest delay is " + maxDelay
                    + " steps, and grid mode keeps that many steps of input for each of the " + n + " neurons: "
                    + entries + " entries, more than an array holds (" + MAX_RING + "); choose a longer step");
        }
        slots = maxDelay + 1;
        ringE = new double[slots * n];
        ringI = new double[slots * n];
        arriving = new int[slots * n];
        listed = new boolean[slots * n];
        Run[] runs = runs(net, dt, new InjectedCurrents(net));
        kappaE = new double[n];
        kappaI = new double[n];
        java.util.Arrays.fill(kappaE, Double.NaN);
        for (Run run : runs) {
            if (run.model != BuiltNetwork.IF_CURR_DELTA) {
                java.util.Arrays.fill(kappaE, run.from, run.to, run.kappaE);
                java.util.Arrays.fill(kappaI, run.from, run.to, run.kappaI);
            }
        }
        boolean samples = net.network.projections().stream().anyMatch(p -> p.recordWeights() != null)
                || java.util.stream.IntStream.range(0, net.network.populations().size()).anyMatch(recorder::recordsV);
        interval = samples || minDelay == Integer.MAX_VALUE ? 1 : minDelay;
        int threads = resolve(net.synapseCount(), interval, n, requestedThreads, Team.idleCores());
        boolean split = threads > 1;
        boolean copy = split && !groupsSortedByTarget(net);
        staticTarget = copy ? net.staticTarget.clone() : net.staticTarget;
        staticWeight = copy ? net.staticWeight.clone() : net.staticWeight;
        plasticOrder = java.util.stream.IntStream.range(0, net.plasticTarget.length).toArray();
        if (split) {
            sortGroupsByTarget();
        }
        team = new Team(threads);
        blocks = new Block[threads];
        for (int b = 0; b < threads; b++) {
            blocks[b] = new Block(blockEdge(b, threads), blockEdge(b + 1, threads), runs, split);
        }
    }

    /**
     * The threads to run on when {@code requested} (0: choose) are asked for, with {@code synapses}
     * synapses exchanging spikes every {@code interval} steps, on a machine with {@code idleCores}
     * idle cores ({@link Team#idleCores}): one below {@link #AUTO_MIN_SYNAPSE_STEPS}, else one per
     * idle core; never more threads than blocks of neurons.
     */
    static int resolve(long synapses, int interval, int neurons, int requested, int idleCores) {
        int threads = requested > 0 ? requested : synapses * interval < AUTO_MIN_SYNAPSE_STEPS ? 1 : idleCores;
        return Math.max(1, Math.min(threads, (neurons + BLOCK_ALIGN - 1) / BLOCK_ALIGN));
    }

    @Override
    public int threads() {
        return blocks.length;
    }

    /** The first neuron of block b of {@code threads}: equal shares, at multiples of {@link #BLOCK_ALIGN}. */
    private int blockEdge(int b, int threads) {
        if (b == threads) {
            return n;
        }
        long edge = (long) n * b / threads;
        return (int) Math.min(n, edge / BLOCK_ALIGN * BLOCK_ALIGN);
    }

    /** True if every static group's targets ascend (as connectors that draw post by post make them). */
    private static boolean groupsSortedByTarget(BuiltNetwork net) {
        for (int g = 0; g < net.neuronCount; g++) {
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                for (int syn = net.groupFirst[k] + 1, end = net.groupEnd(g, k); syn < end; syn++) {
                    if (net.staticTarget[syn - 1] > net.staticTarget[syn]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Sorts each static group (of the copy: only unsorted groups are written) and plastic row by
     * target, stable (multapses keep their order).
     */
    private void sortGroupsByTarget() {
        for (int g = 0; g < n; g++) {
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                int from = net.groupFirst[k];
                int to = net.groupEnd(g, k);
                int[] order = sortedByTarget(from, to, i -> staticTarget[i]);
                if (order != null) {
                    int[] targets = new int[order.length];
                    for (int i = 0; i < order.length; i++) {
                        targets[i] = staticTarget[order[i]];
                    }
                    System.arraycopy(targets, 0, staticTarget, from, targets.length);
                    if (net.groupWeightStart[k] >= 0) {
                        int offset = net.groupWeightStart[k] - from;
                        double[] weights = new double[order.length];
                        for (int i = 0; i < order.length; i++) {
                            weights[i] = staticWeight[order[i] + offset];
                        }
                        System.arraycopy(weights, 0, staticWeight, from + offset, weights.length);
                    }
                }
            }
            int from = net.plasticRowStart[g];
            int[] order = sortedByTarget(from, net.plasticRowStart[g + 1], i -> net.plasticTarget[i]);
            if (order != null) {
                System.arraycopy(order, 0, plasticOrder, from, order.length);
            }
        }
    }

    /** The indices from..to-1 sorted by target, stable; null if they are in order already. */
    private static int[] sortedByTarget(int from, int to, java.util.function.IntUnaryOperator target) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = target.applyAsInt(i - 1) <= target.applyAsInt(i);
        }
        if (sorted) {
            return null;
        }
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = (long) target.applyAsInt(i) << 32 | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The first step whose start is at or after t (to 1e-9 of a step); Long.MAX_VALUE for none. */
    static long changeStep(double t, double dt) {
        return t == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) Math.ceil(t / dt - 1e-9);
    }

    /** sPyNNaker rounds delays to whole steps, at least one (and at most what an int counts). */
    static int delaySteps(double delayMs, double dt) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(delayMs / dt)));
    }

    private static double[] roundedDelays(double[] delays, double dt) {
        double[] r = new double[delays.length];
        for (int s = 0; s < r.length; s++) {
            r[s] = delaySteps(delays[s], dt) * dt;
        }
        return r;
    }

    @Override
    protected String modeName() {
        return "grid";
    }

    @Override
    protected double dtMs() {
        return dt;
    }

    @Override
    protected void advance(double untilMs) {
        if (untilMs / dt >= MAX_STEPS) {
            throw new InvalidNetworkException("a run to " + untilMs + " ms at dt " + dt + " ms is " + untilMs / dt
                    + " steps, more than grid mode counts (" + MAX_STEPS + "); choose a longer step or a shorter run");
        }
        lastStep = Math.round(untilMs / dt);
        if (step < lastStep) {
            intervalStart = step;
            intervalEnd = Math.min(lastStep, step + interval);
            team.run(this::work);
            for (Block b : blocks) {
                eventsProcessed += b.updates;
                synapticEvents += b.deliveries;
                b.updates = 0;
                b.deliveries = 0;
            }
            sampleWeights(weightsDue);
            weightsDue = -1;
            step = lastStep;
        }
        timeMs = untilMs;
    }

    /**
     * One thread's part of a run: for each interval, its block's updates, the barrier (whose action
     * records the interval and plans the next), then its deliveries.
     */
    private void work(int thread) {
        Block block = blocks[thread];
        int buffer = 0;
        while (true) {
            long start = intervalStart;
            long end = intervalEnd;
            for (long s = start; s < end; s++) {
                block.update(s, buffer, (int) (s - start));
            }
            int spikes = buffer;
            team.await(() -> afterUpdates(start, end, spikes));
            for (long s = start; s < end; s++) {
                block.deliver(s, spikes, (int) (s - start));
            }
            if (end == lastStep) {
                return;
            }
            // the next interval writes the other buffers while late threads still read these
            buffer ^= 1;
        }
    }

    /**
     * Between the updates and the deliveries of steps start..end-1, one thread: the weight samples
     * due (their step's spikes are delivered), the spikes and v samples of these steps, and the
     * next interval.
     */
    private void afterUpdates(long start, long end, int buffer) {
        sampleWeights(weightsDue);
        for (long s = start; s < end; s++) {
            double t = s * dt;
            for (Block b : blocks) {
                int k = (int) (s - start);
                int[] spikes = b.spikes[buffer];
                for (int i = b.stepStart(buffer, k), last = b.stepEnd[buffer][k]; i < last; i++) {
                    recorder.spike(spikes[i], t);
                }
            }
            sampleV(s, t);
        }
        weightsDue = end - 1;
        intervalStart = end;
        intervalEnd = Math.min(lastStep, end + interval);
    }

    /** The neurons of one thread, their runs and sources, and what the thread does with them. */
    private final class Block {
        final int from;
        final int to;
        /** The runs of neurons with a membrane, cut to the block. */
        final Run[] runs;
        /** The spike sources' global indices, ascending. */
        final int[] sourceNeurons;
        /**
         * The block's spikes of the interval, step after step, each step's in neuron order, two
         * sets alternating; {@code stepEnd[b][k]} is where step k's end in set b.
         */
        final int[][] spikes = new int[2][];
        final int[][] stepEnd = new int[2][];
        /** The number of neurons listed in {@link #arriving} for each slot. */
        final int[] arrivingCount = new int[slots];
        final Plasticity plasticity;
        /** The current sources as this block sees them: each block follows them all, for its own runs. */
        final InjectedCurrents currents;
        /** Per current source: the step its next change takes effect in (Long.MAX_VALUE: none left). */
        final long[] currentChangeStep;
        long updates;
        long deliveries;

        Block(int from, int to, Run[] all, boolean split) {
            this.from = from;
            this.to = to;
            runs = java.util.Arrays.stream(all).filter(r -> r.from < to && r.to > from)
                    .map(r -> r.cut(Math.max(from, r.from), Math.min(to, r.to))).toArray(Run[]::new);
            sourceNeurons = java.util.stream.IntStream.range(from, to).filter(g -> !net.hasMembrane(g)).toArray();
            for (int b = 0; b < 2; b++) {
                spikes[b] = new int[to - from + 16];
                stepEnd[b] = new int[interval];
            }
            plasticity = split ? GridEngine.this.plasticity.lane(from, to) : GridEngine.this.plasticity;
            currents = new InjectedCurrents(net);
            currentChangeStep = new long[currents.sources()];
            for (int c = 0; c < currentChangeStep.length; c++) {
                currentChangeStep[c] = changeStep(currents.nextChangeMs(c), dt);
            }
        }

        /**
         * Steps 1-4 of step s for the block's neurons, then its sources' spikes: the spikes go to
         * the {@code k}th list of spike buffer {@code buffer}.
         */
        void update(long s, int buffer, int k) {
            int slot = (int) (s % slots);
            int base = slot * n;
            arrive(slot);
            changeCurrents(s);
            int start = stepStart(buffer, k);
            if (spikes[buffer].length < start + to - from) {
                // each neuron spikes at most once a step
                spikes[buffer] = java.util.Arrays.copyOf(spikes[buffer], Math.max(2 * spikes[buffer].length,
                        start + to - from));
            }
            int[] out = spikes[buffer];
            int spiking = start;
            // one tight loop per run of neurons with equal parameters: no per-neuron dispatch or
            // parameter loads in the hot loop (a homogeneous population is one run)
            for (Run run : runs) {
                spiking = switch (run.model) {
                    case BuiltNetwork.IF_CURR_EXP -> updateCurrExp(run, out, spiking);
                    case BuiltNetwork.IF_CURR_DELTA -> updateCurrDelta(run, base, out, spiking);
                    default -> updateCondExp(run, out, spiking);
                };
            }
            updates += to - from;
            stepEnd[buffer][k] = sourceSpikes(s, buffer, start, spiking);
        }

        /** Makes the current changes that take effect in step s, and gives the runs they reach their new bias. */
        private void changeCurrents(long s) {
            boolean changed = false;
            for (int c = 0; c < currentChangeStep.length; c++) {
                while (currentChangeStep[c] <= s) {
                    currents.change(c);
                    currentChangeStep[c] = changeStep(currents.nextChangeMs(c), dt);
                    changed = true;
                }
            }
            if (changed) {
                for (int r = 0; r < runs.length; r++) {
                    if (net.receivesCurrent(runs[r].from)) {
                        runs[r] = runs[r].withIOffset(currents.bias(runs[r].from));
                    }
                }
            }
        }

        /** Where step k's spikes start in spike set {@code buffer}. */
        int stepStart(int buffer, int k) {
            return k == 0 ? 0 : stepEnd[buffer][k - 1];
        }

        /**
         * Step 1 for the block's neurons with exponential synapses that have input in this slot:
         * {@code I += (sum of w) kappa} (delta neurons read their ring entries in their update).
         */
        private void arrive(int slot) {
            int base = slot * n;
            int list = base + from;
            for (int k = 0, count = arrivingCount[slot]; k < count; k++) {
                int g = arriving[list + k];
                synE[g] += ringE[base + g] * kappaE[g];
                synI[g] += ringI[base + g] * kappaI[g];
                ringE[base + g] = 0;
                ringI[base + g] = 0;
                listed[base + g] = false;
            }
            arrivingCount[slot] = 0;
        }

        /**
         * Adds the block's source spikes of step s to the spikes of its neurons, {@code start} to
         * {@code end - 1} of spike set {@code buffer}, keeping neuron order, and returns where they
         * end. A source with several spikes in one step sends each.
         */
        private int sourceSpikes(long s, int buffer, int start, int end) {
            int[] extra = null;
            int extraCount = 0;
            for (int g : sourceNeurons) {
                while (Math.round(sources.peek(g) / dt) <= s && sources.peek(g) != Double.POSITIVE_INFINITY) {
                    sources.pop(g);
                    if (extra == null) {
                        extra = new int[16];
                    } else if (extraCount == extra.length) {
                        extra = java.util.Arrays.copyOf(extra, extraCount * 2);
                    }
                    extra[extraCount++] = g;
                }
            }
            if (extraCount == 0) {
                return end;
            }
            int[] all = new int[end - start + extraCount];
            System.arraycopy(spikes[buffer], start, all, 0, end - start);
            System.arraycopy(extra, 0, all, end - start, extraCount);
            java.util.Arrays.sort(all);
            if (start + all.length > spikes[buffer].length) {
                spikes[buffer] = java.util.Arrays.copyOf(spikes[buffer], 2 * (start + all.length));
            }
            System.arraycopy(all, 0, spikes[buffer], start, all.length);
            return start + all.length;
        }

        /**
         * Delivers the spikes of step s (list k of the buffer, every block's, in neuron order) to
         * this block's neurons: each spike is a post spike of its neuron, if it is this block's,
         * and a pre spike of its synapses onto this block.
         */
        void deliver(long s, int buffer, int k) {
            double t = s * dt;
            plasticity.rebaseIfDue(t);
            for (Block b : blocks) {
                int[] list = b.spikes[buffer];
                for (int i = b.stepStart(buffer, k), end = b.stepEnd[buffer][k]; i < end; i++) {
                    int g = list[i];
                    if (g >= from && g < to) {
                        plasticity.postSpike(g, t);
                    }
                    send(g, s, t);
                }
            }
        }

        /** Sends a spike of g at step s to the block's share of g's synapses. */
        private void send(int g, long s, double t) {
            final int[] target = staticTarget;
            final boolean whole = blocks.length == 1;
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                int slot = (int) ((s + groupDelaySteps[k]) % slots);
                int first = net.groupFirst[k];
                int end = net.groupEnd(g, k);
                // the block's share of the group
                int low = whole ? first : BuiltNetwork.firstTargetAtLeast(staticTarget, first, end, from);
                int high = whole ? end : BuiltNetwork.firstTargetAtLeast(staticTarget, low, end, to);
                double shared = net.groupWeight[k];
                if (Double.isNaN(shared)) {
                    int weightOffset = net.groupWeightStart[k] - first;
                    for (int syn = low; syn < high; syn++) {
                        double w = staticWeight[syn + weightOffset];
                        addInput(w >= 0 ? ringE : ringI, slot, target[syn], Math.abs(w));
                    }
                } else {
                    // one weight for the group: the ring and the magnitude are the same for all
                    double[] ring = shared >= 0 ? ringE : ringI;
                    double w = Math.abs(shared);
                    for (int syn = low; syn < high; syn++) {
                        addInput(ring, slot, target[syn], w);
                    }
                }
                deliveries += high - low;
            }
            int first = net.plasticRowStart[g];
            int end = net.plasticRowStart[g + 1];
            int low = whole ? first : lowerBoundPlastic(first, end, from);
            int high = whole ? end : lowerBoundPlastic(low, end, to);
            for (int i = low; i < high; i++) {
                int syn = plasticOrder[i];
                double w = plasticity.preSpike(syn, t);
                int slot = (int) ((s + plasticDelaySteps[syn]) % slots);
                addInput(net.plasticInhibitory[syn] ? ringI : ringE, slot, net.plasticTarget[syn], w);
            }
            deliveries += high - low;
        }

        /** Adds weight w to neuron j's ring entry of a slot, listing j as arriving there if it is new. */
        private void addInput(double[] ring, int slot, int j, double w) {
            int index = slot * n + j;
            if (!listed[index] && !Double.isNaN(kappaE[j])) {
                listed[index] = true;
                arriving[slot * n + from + arrivingCount[slot]++] = j;
            }
            ring[index] += w;
        }
    }

    /** The first position of from..to-1 of {@link #plasticOrder} whose synapse's target is at least j. */
    private int lowerBoundPlastic(int from, int to, int j) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (net.plasticTarget[plasticOrder[mid]] < j) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Neurons {@code [from, to)} of one model whose parameters are all equal, with the step's
     * propagators computed once (NEST's Variables_).
     */
    private record Run(int from, int to, byte model, double vRest, double resistance, double iOffset,
            double decayM, double kappaE, double kappaI, double decayE, double decayI, double vThresh, double vReset,
            boolean resetSubtracts, int refractorySteps, double eRevE, double eRevI) {

        static Run of(BuiltNetwork net, int from, int to, double dt) {
            int g = from;
            boolean delta = net.model[g] == BuiltNetwork.IF_CURR_DELTA;
            double decayE = delta ? 0 : Math.exp(-dt / net.tauSynE[g]);
            double decayI = delta ? 0 : Math.exp(-dt / net.tauSynI[g]);
            return new Run(from, to, net.model[g], net.vRest[g], net.tauM[g] / net.cm[g], net.iOffset[g],
                    Math.exp(-dt / net.tauM[g]), delta ? 0 : net.tauSynE[g] / dt * (1 - decayE),
                    delta ? 0 : net.tauSynI[g] / dt * (1 - decayI), decayE, decayI, net.vThresh[g], net.vReset[g],
                    net.resetSubtracts[g], (int) Math.ceil(net.tauRefrac[g] / dt - 1e-9), net.eRevE[g], net.eRevI[g]);
        }

        /** This run with another bias current (i_offset plus injected current). */
        Run withIOffset(double bias) {
            return new Run(from, to, model, vRest, resistance, bias, decayM, kappaE, kappaI, decayE, decayI, vThresh,
                    vReset, resetSubtracts, refractorySteps, eRevE, eRevI);
        }

        /** This run's neurons {@code [from, to)} only. */
        Run cut(int from, int to) {
            return new Run(from, to, model, vRest, resistance, iOffset, decayM, kappaE, kappaI, decayE, decayI, vThresh,
                    vReset, resetSubtracts, refractorySteps, eRevE, eRevI);
        }

        /** v after a spike from v: v_reset, or v less {@code v_thresh - v_reset} for a subtractive reset. */
        double afterSpike(double v) {
            return resetSubtracts ? v - (vThresh - vReset) : vReset;
        }

        /** True if neuron g has the parameters of this run. */
        boolean fits(BuiltNetwork net, int g, double dt) {
            Run other = of(net, g, g + 1, dt);
            return other.equals(cut(g, g + 1));
        }
    }

    /** Splits the neurons with a membrane into maximal runs of equal model, parameters and current sources. */
    private static Run[] runs(BuiltNetwork net, double dt, InjectedCurrents currents) {
        java.util.List<Run> out = new java.util.ArrayList<>();
        for (int p = 0; p + 1 < net.populationStart.length; p++) {
            int from = net.populationStart[p];
            int to = net.populationStart[p + 1];
            if (!net.hasMembrane(from)) {
                continue;
            }
            int start = from;
            Run current = Run.of(net, from, from + 1, dt);
            for (int g = from + 1; g <= to; g++) {
                if (g == to || !current.fits(net, g, dt) || !currents.sameSources(start, g)) {
                    out.add(Run.of(net, start, g, dt));
                    if (g < to) {
                        start = g;
                        current = Run.of(net, g, g + 1, dt);
                    }
                }
            }
        }
        return out.toArray(new Run[0]);
    }

    /**
     * Steps 2-4 for a run of IF_curr_exp neurons; writes its spikes into {@code spiked} from
     * {@code spiking} on and returns where they end.
     */
    private int updateCurrExp(Run run, int[] spiked, int spiking) {
        final double[] v = this.v;
        final double[] synE = this.synE;
        final double[] synI = this.synI;
        final int[] refractory = this.refractory;
        final double vRest = run.vRest;
        final double resistance = run.resistance;
        final double iOffset = run.iOffset;
        final double decayM = run.decayM;
        final double decayE = run.decayE;
        final double decayI = run.decayI;
        final double vThresh = run.vThresh;
        for (int g = run.from; g < run.to; g++) {
            double e = synE[g];
            double i = synI[g];
            if (refractory[g] > 0) {
                refractory[g]--;
            } else {
                double alpha = vRest + resistance * (e - i + iOffset);
                double vg = alpha - decayM * (alpha - v[g]);
                if (vg >= vThresh) {
                    vg = run.afterSpike(vg);
                    refractory[g] = run.refractorySteps;
                    spiked[spiking++] = g;
                }
                v[g] = vg;
            }
            synE[g] = e * decayE;
            synI[g] = i * decayI;
        }
        return spiking;
    }

    /** Steps 1-4 for a run of IF_curr_delta neurons: the input is a jump of v after the membrane update. */
    private int updateCurrDelta(Run run, int base, int[] spiked, int spiking) {
        final double[] v = this.v;
        final double[] ringE = this.ringE;
        final double[] ringI = this.ringI;
        final int[] refractory = this.refractory;
        final double alpha = run.vRest + run.resistance * run.iOffset;
        final double decayM = run.decayM;
        final double vThresh = run.vThresh;
        for (int g = run.from; g < run.to; g++) {
            double jump = ringE[base + g] - ringI[base + g];
            ringE[base + g] = 0;
            ringI[base + g] = 0;
            if (refractory[g] > 0) {
                refractory[g]--;
            } else {
                double vg = alpha - decayM * (alpha - v[g]) + jump;
                if (vg >= vThresh) {
                    vg = run.afterSpike(vg);
                    refractory[g] = run.refractorySteps;
                    spiked[spiking++] = g;
                }
                v[g] = vg;
            }
        }
        return spiking;
    }

    /** Steps 2-4 for a run of IF_cond_exp neurons: the synaptic current uses v of the step start. */
    private int updateCondExp(Run run, int[] spiked, int spiking) {
        final double[] v = this.v;
        final double[] synE = this.synE;
        final double[] synI = this.synI;
        final int[] refractory = this.refractory;
        for (int g = run.from; g < run.to; g++) {
            double e = synE[g];
            double i = synI[g];
            if (refractory[g] > 0) {
                refractory[g]--;
            } else {
                double current = e * (run.eRevE - v[g]) + i * (run.eRevI - v[g]) + run.iOffset;
                double alpha = run.vRest + run.resistance * current;
                double vg = alpha - run.decayM * (alpha - v[g]);
                if (vg >= run.vThresh) {
                    vg = run.afterSpike(vg);
                    refractory[g] = run.refractorySteps;
                    spiked[spiking++] = g;
                }
                v[g] = vg;
            }
            synE[g] = e * run.decayE;
            synI[g] = i * run.decayI;
        }
        return spiking;
    }

    /** Takes the v samples due at step s (v after the step). */
    private void sampleV(long s, double t) {
        for (int p = 0; p < net.network.populations().size(); p++) {
            if (recorder.recordsV(p)) {
                long every = Math.max(1, Math.round(recorder.vIntervalMs(p) / dt));
                if (s % every == 0) {
                    recorder.sampleV(p, t, g -> v[g]);
                }
            }
        }
    }

    /** Takes the weight samples due at step s (-1: none), once the spikes of step s are delivered. */
    private void sampleWeights(long s) {
        if (s < 0) {
            return;
        }
        for (int k = 0; k < net.network.projections().size(); k++) {
            double next;
            while ((next = nextWeightSample(k)) != Double.POSITIVE_INFINITY && Math.round(next / dt) <= s) {
                takeWeightSample(k, next, s * dt);
            }
        }
    }
}
