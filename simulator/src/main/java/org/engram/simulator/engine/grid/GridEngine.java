package org.engram.simulator.engine.grid;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.core.EngineBase;
import org.engram.simulator.engine.core.InjectedCurrents;
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
 */
public final class GridEngine extends EngineBase {
    /** The most entries of the input ring (steps of the longest delay by neurons): one array holds it. */
    public static final long MAX_RING = Integer.MAX_VALUE - 8;
    /** The most steps a run may take: a long counts them. */
    public static final double MAX_STEPS = 0x1p63;
    private final double dt;
    private final int n;
    /** The neurons with a membrane as runs of equal parameters. */
    private final Run[] runs;
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
     * The neurons with exponential synapses that have input in each slot (slot by position), so
     * that arrivals touch only them instead of every neuron's ring entries each step.
     */
    private final int[] arriving;
    private final int[] arrivingCount;
    private final boolean[] listed;
    /** sPyNNaker's kappa of each neuron's excitatory and inhibitory synapses; NaN for delta neurons. */
    private final double[] kappaE;
    private final double[] kappaI;
    private final int[] groupDelaySteps;
    private final int[] plasticDelaySteps;
    /** The neurons and sources that spike in the present step: grows when sources fire several times in one. */
    private int[] spikedThisStep;
    /** The spike sources' global indices, ascending. */
    private final int[] sourceNeurons;

    private final InjectedCurrents currents;
    /** Per current source: the step its next change takes effect in (Long.MAX_VALUE: none left). */
    private final long[] currentChangeStep;

    private long step;

    /**
     * @param requestedThreads the threads to run on, or 0 to choose from the network's size
     */
    public GridEngine(BuiltNetwork net, double dtMs, int requestedThreads) {
        super(net, true, roundedDelays(net.plasticDelayMs, dtMs));
        this.dt = dtMs;
        this.n = net.neuronCount;
        v = net.v0.clone();
        synE = net.synE0.clone();
        synI = net.synI0.clone();
        refractory = new int[n];
        currents = new InjectedCurrents(net);
        currentChangeStep = new long[currents.sources()];
        for (int c = 0; c < currentChangeStep.length; c++) {
            currentChangeStep[c] = changeStep(currents.nextChangeMs(c), dt);
        }
        runs = runs(net, dt, currents);
        groupDelaySteps = new int[net.groupDelayMs.length];
        int maxDelay = 1;
        for (int k = 0; k < groupDelaySteps.length; k++) {
            groupDelaySteps[k] = delaySteps(net.groupDelayMs[k], dt);
            maxDelay = Math.max(maxDelay, groupDelaySteps[k]);
        }
        plasticDelaySteps = new int[net.plasticDelayMs.length];
        for (int s = 0; s < plasticDelaySteps.length; s++) {
            plasticDelaySteps[s] = delaySteps(net.plasticDelayMs[s], dt);
            maxDelay = Math.max(maxDelay, plasticDelaySteps[s]);
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
        arrivingCount = new int[slots];
        listed = new boolean[slots * n];
        kappaE = new double[n];
        kappaI = new double[n];
        java.util.Arrays.fill(kappaE, Double.NaN);
        for (Run run : runs) {
            if (run.model != BuiltNetwork.IF_CURR_DELTA) {
                java.util.Arrays.fill(kappaE, run.from, run.to, run.kappaE);
                java.util.Arrays.fill(kappaI, run.from, run.to, run.kappaI);
            }
        }
        spikedThisStep = new int[n];
        sourceNeurons = java.util.stream.IntStream.range(0, n).filter(g -> !net.hasMembrane(g)).toArray();

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
        long lastStep = Math.round(untilMs / dt);
        while (step < lastStep) {
            step(step);
            step++;
        }
        timeMs = untilMs;
    }

    private void step(long s) {
        double t = s * dt;
        int slot = (int) (s % slots);
        int base = slot * n;
        arrive(slot);
        changeCurrents(s);
        int spiking = 0;
        // one tight loop per run of neurons with equal parameters: no per-neuron dispatch or
        // parameter loads in the hot loop (a homogeneous population is one run)
        for (int r = 0; r < runs.length; r++) {
            Run run = runs[r];
            spiking = switch (run.model) {
                case BuiltNetwork.IF_CURR_EXP -> updateCurrExp(run, spiking);
                case BuiltNetwork.IF_CURR_DELTA -> updateCurrDelta(run, base, spiking);
                default -> updateCondExp(run, spiking);
            };
        }
        eventsProcessed += n;
        // sources, then all spikes of the step in neuron order
        int merged = mergeSourceSpikes(s, spiking);
        for (int k = 0; k < merged; k++) {
            int g = spikedThisStep[k];
            recorder.spike(g, t);
            plasticity.postSpike(g, t);
            send(g, s, t);
        }
        sampleAfterStep(s, t);
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

        /** v after a spike from v: v_reset, or v less {@code v_thresh - v_reset} for a subtractive reset. */
        double afterSpike(double v) {
            return resetSubtracts ? v - (vThresh - vReset) : vReset;
        }

        /** True if neuron g has the parameters of this run. */
        boolean fits(BuiltNetwork net, int g, double dt) {
            Run other = of(net, g, g + 1, dt);
            return other.equals(new Run(g, g + 1, model, vRest, resistance, iOffset, decayM, kappaE, kappaI, decayE,
                    decayI, vThresh, vReset, resetSubtracts, refractorySteps, eRevE, eRevI));
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
     * Step 1 for the neurons with exponential synapses that have input in this slot:
     * {@code I += (sum of w) kappa} (delta neurons read their ring entries in their update).
     */
    private void arrive(int slot) {
        int base = slot * n;
        for (int k = 0, count = arrivingCount[slot]; k < count; k++) {
            int g = arriving[base + k];
            synE[g] += ringE[base + g] * kappaE[g];
            synI[g] += ringI[base + g] * kappaI[g];
            ringE[base + g] = 0;
            ringI[base + g] = 0;
            listed[base + g] = false;
        }
        arrivingCount[slot] = 0;
    }

    /** Steps 2-4 for a run of IF_curr_exp neurons; returns the new count of spiking neurons. */
    private int updateCurrExp(Run run, int spiking) {
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
                    spikedThisStep[spiking++] = g;
                }
                v[g] = vg;
            }
            synE[g] = e * decayE;
            synI[g] = i * decayI;
        }
        return spiking;
    }

    /** Steps 1-4 for a run of IF_curr_delta neurons: the input is a jump of v after the membrane update. */
    private int updateCurrDelta(Run run, int base, int spiking) {
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
                    spikedThisStep[spiking++] = g;
                }
                v[g] = vg;
            }
        }
        return spiking;
    }

    /** Steps 2-4 for a run of IF_cond_exp neurons: the synaptic current uses v of the step start. */
    private int updateCondExp(Run run, int spiking) {
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
                    spikedThisStep[spiking++] = g;
                }
                v[g] = vg;
            }
            synE[g] = e * run.decayE;
            synI[g] = i * run.decayI;
        }
        return spiking;
    }

    /**
     * Adds the source spikes of step s to the neurons that spiked, keeping neuron order. A source
     * with several spikes in one step sends each.
     */
    private int mergeSourceSpikes(long s, int spiking) {
        int count = spiking;
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
            return count;
        }
        int[] all = new int[count + extraCount];
        System.arraycopy(spikedThisStep, 0, all, 0, count);
        System.arraycopy(extra, 0, all, count, extraCount);
        java.util.Arrays.sort(all);
        if (all.length > spikedThisStep.length) {
            spikedThisStep = new int[all.length]; // the neurons' part is copied into all already
        }
        System.arraycopy(all, 0, spikedThisStep, 0, all.length);
        return all.length;
    }

    private void send(int g, long s, double t) {
        for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
            int slot = (int) ((s + groupDelaySteps[k]) % slots);
            int from = net.groupFirst[k];
            int to = net.groupEnd(g, k);
            double shared = net.groupWeight[k];
            if (Double.isNaN(shared)) {
                int weightOffset = net.groupWeightStart[k] - from;
                for (int syn = from; syn < to; syn++) {
                    double w = net.staticWeight[syn + weightOffset];
                    addInput(w >= 0 ? ringE : ringI, slot, net.staticTarget[syn], Math.abs(w));
                }
            } else {
                // one weight for the group: the ring and the magnitude are the same for all
                double[] ring = shared >= 0 ? ringE : ringI;
                double w = Math.abs(shared);
                for (int syn = from; syn < to; syn++) {
                    addInput(ring, slot, net.staticTarget[syn], w);
                }
            }
            synapticEvents += to - from;
        }
        for (int syn = net.plasticRowStart[g]; syn < net.plasticRowStart[g + 1]; syn++) {
            double w = plasticity.preSpike(syn, t);
            int slot = (int) ((s + plasticDelaySteps[syn]) % slots);
            addInput(net.plasticInhibitory[syn] ? ringI : ringE, slot, net.plasticTarget[syn], w);
            synapticEvents++;
        }
    }

    /** Adds weight w to neuron j's ring entry of a slot, listing j as arriving there if it is new. */
    private void addInput(double[] ring, int slot, int j, double w) {
        int index = slot * n + j;
        if (!listed[index] && !Double.isNaN(kappaE[j])) {
            listed[index] = true;
            arriving[slot * n + arrivingCount[slot]++] = j;
        }
        ring[index] += w;
    }

    private void sampleAfterStep(long s, double t) {
        for (int p = 0; p < net.network.populations().size(); p++) {
            if (recorder.recordsV(p)) {
                long every = Math.max(1, Math.round(recorder.vIntervalMs(p) / dt));
                if (s % every == 0) {
                    recorder.sampleV(p, t, g -> v[g]);
                }
            }
        }
        for (int k = 0; k < net.network.projections().size(); k++) {
            double next;
            while ((next = nextWeightSample(k)) != Double.POSITIVE_INFINITY && Math.round(next / dt) <= s) {
                takeWeightSample(k, next, t);
            }
        }
    }
}
