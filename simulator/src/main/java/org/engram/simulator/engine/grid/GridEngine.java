package org.engram.simulator.engine.grid;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.EngineBase;

/**
 * sPyNNaker's fixed-step update, which is what SpiNNaker hardware computes. Step {@code n} covers
 * time {@code t = n dt} and does, in this order:
 * <ol>
 *   <li>Arrivals: input due at step n enters the synapses. For exponential synapses
 *       {@code I += (sum of w) kappa} with sPyNNaker's factor
 *       {@code kappa = (tau_syn/dt)(1 - exp(-dt/tau_syn))}; for {@code IF_curr_delta} the sum is a
 *       jump of v (applied after the membrane update, as NEST does).</li>
 *   <li>Membrane: if the refractory counter is positive it is decremented and the neuron is
 *       skipped (v stays at v_reset, delta inputs are dropped); otherwise
 *       {@code alpha = v_rest + (tau_m/cm) I_total} and {@code v <- alpha - exp(-dt/tau_m)(alpha - v)},
 *       with {@code I_total = I_E - I_I + i_offset} (current-based) or
 *       {@code g_E (e_rev_E - v) + g_I (e_rev_I - v) + i_offset} (conductance-based, with v of the
 *       step start: sPyNNaker's exponential-Euler).</li>
 *   <li>Threshold: {@code v >= v_thresh} spikes at {@code t}, sets v = v_reset and the refractory
 *       counter to {@code ceil(tau_refrac/dt)} steps.</li>
 *   <li>Synapses decay: {@code I *= exp(-dt/tau_syn)}.</li>
 * </ol>
 * Then spike sources emit (a given time t fires at step {@code round(t/dt)}), and each spike of
 * step n, neurons in index order, is sent: a static synapse of delay d adds its weight at step
 * {@code n + max(1, round(d/dt))}; a plastic synapse first applies the STDP rule at the pre spike
 * time (see {@code Plasticity}, with depression at a zero interval, as sPyNNaker does) and sends the
 * updated weight. v samples are taken after the step.
 */
public final class GridEngine extends EngineBase {
    private final double dt;
    private final int n;
    // per neuron propagators, computed once (NEST's Variables_)
    private final double[] decayM;
    private final double[] decayE;
    private final double[] decayI;
    private final double[] kappaE;
    private final double[] kappaI;
    private final double[] resistance;
    private final int[] refractorySteps;
    // state
    private final double[] v;
    private final double[] synE;
    private final double[] synI;
    private final int[] refractory;
    // input ring buffers: slot (step mod slots) by neuron
    private final int slots;
    private final double[] ringE;
    private final double[] ringI;
    private final int[] groupDelaySteps;
    private final int[] plasticDelaySteps;
    private final int[] spikedThisStep;
    /** The spike sources' global indices, ascending. */
    private final int[] sourceNeurons;
    private long step;

    public GridEngine(BuiltNetwork net, double dtMs) {
        super(net, true, roundedDelays(net.plasticDelayMs, dtMs));
        this.dt = dtMs;
        this.n = net.neuronCount;
        decayM = new double[n];
        decayE = new double[n];
        decayI = new double[n];
        kappaE = new double[n];
        kappaI = new double[n];
        resistance = new double[n];
        refractorySteps = new int[n];
        v = net.v0.clone();
        synE = net.synE0.clone();
        synI = net.synI0.clone();
        refractory = new int[n];
        for (int g = 0; g < n; g++) {
            if (!net.hasMembrane(g)) {
                continue;
            }
            decayM[g] = Math.exp(-dt / net.tauM[g]);
            resistance[g] = net.tauM[g] / net.cm[g];
            refractorySteps[g] = (int) Math.ceil(net.tauRefrac[g] / dt - 1e-9);
            if (net.model[g] != BuiltNetwork.IF_CURR_DELTA) {
                decayE[g] = Math.exp(-dt / net.tauSynE[g]);
                decayI[g] = Math.exp(-dt / net.tauSynI[g]);
                kappaE[g] = net.tauSynE[g] / dt * (1 - decayE[g]);
                kappaI[g] = net.tauSynI[g] / dt * (1 - decayI[g]);
            }
        }
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
        slots = maxDelay + 1;
        ringE = new double[slots * n];
        ringI = new double[slots * n];
        spikedThisStep = new int[n];
        sourceNeurons = java.util.stream.IntStream.range(0, n).filter(g -> !net.hasMembrane(g)).toArray();
    }

    /** sPyNNaker rounds delays to whole steps, at least one. */
    static int delaySteps(double delayMs, double dt) {
        return Math.max(1, (int) Math.round(delayMs / dt));
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
        int spiking = 0;
        for (int g = 0; g < n; g++) {
            byte model = net.model[g];
            if (model > BuiltNetwork.IF_COND_EXP) {
                continue;
            }
            double inE = ringE[base + g];
            double inI = ringI[base + g];
            ringE[base + g] = 0;
            ringI[base + g] = 0;
            if (model != BuiltNetwork.IF_CURR_DELTA) {
                synE[g] += inE * kappaE[g];
                synI[g] += inI * kappaI[g];
            }
            if (refractory[g] > 0) {
                refractory[g]--;
            } else {
                double current = model == BuiltNetwork.IF_COND_EXP
                        ? synE[g] * (net.eRevE[g] - v[g]) + synI[g] * (net.eRevI[g] - v[g]) + net.iOffset[g]
                        : synE[g] - synI[g] + net.iOffset[g];
                double alpha = net.vRest[g] + resistance[g] * current;
                double vg = alpha - decayM[g] * (alpha - v[g]);
                if (model == BuiltNetwork.IF_CURR_DELTA) {
                    vg += inE - inI;
                }
                if (vg >= net.vThresh[g]) {
                    vg = net.vReset[g];
                    refractory[g] = refractorySteps[g];
                    spikedThisStep[spiking++] = g;
                }
                v[g] = vg;
            }
            synE[g] *= decayE[g];
            synI[g] *= decayI[g];
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
            throw new IllegalStateException("more spikes in one step than neurons: a source fired twice in a step "
                    + "and the step buffer is too small");
        }
        System.arraycopy(all, 0, spikedThisStep, 0, all.length);
        return all.length;
    }

    private void send(int g, long s, double t) {
        for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
            int slotBase = (int) ((s + groupDelaySteps[k]) % slots) * n;
            int from = net.groupFirst[k];
            int to = k + 1 < net.groupRowStart[g + 1] ? net.groupFirst[k + 1] : net.staticRowStart[g + 1];
            for (int syn = from; syn < to; syn++) {
                double w = net.staticWeight[syn];
                if (w >= 0) {
                    ringE[slotBase + net.staticTarget[syn]] += w;
                } else {
                    ringI[slotBase + net.staticTarget[syn]] -= w;
                }
            }
            synapticEvents += to - from;
        }
        for (int syn = net.plasticRowStart[g]; syn < net.plasticRowStart[g + 1]; syn++) {
            double w = plasticity.preSpike(syn, t);
            int slotBase = (int) ((s + plasticDelaySteps[syn]) % slots) * n;
            if (net.plasticInhibitory[syn]) {
                ringI[slotBase + net.plasticTarget[syn]] += w;
            } else {
                ringE[slotBase + net.plasticTarget[syn]] += w;
            }
            synapticEvents++;
        }
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
