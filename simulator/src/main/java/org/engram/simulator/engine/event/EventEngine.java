package org.engram.simulator.engine.event;

import static org.engram.simulator.engine.event.ScaledMembranes.BH;
import static org.engram.simulator.engine.event.ScaledMembranes.ED;
import static org.engram.simulator.engine.event.ScaledMembranes.EH;
import static org.engram.simulator.engine.event.ScaledMembranes.END;
import static org.engram.simulator.engine.event.ScaledMembranes.IH;
import static org.engram.simulator.engine.event.ScaledMembranes.MH;
import static org.engram.simulator.engine.event.ScaledMembranes.NEED;
import static org.engram.simulator.engine.event.ScaledMembranes.QH;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.core.EngineBase;
import org.engram.simulator.engine.core.InjectedCurrents;

/**
 * The exact event-driven engine. A neuron is touched only when an event reaches it: its state
 * {@code (v, E, I)} is kept as of its last event and advanced by the exact solution
 * ({@link CurrExpMembrane}; {@link CondExpMembrane} integrates conductance-based neurons with an
 * exact integrating factor and a quadrature below 1e-9 mV). Spike times are exact: threshold
 * crossings of {@code IF_curr_exp} and {@code IF_cond_exp} are located to 1e-12 ms, those of
 * {@code IF_curr_delta} are the arrival times of the inputs that cause them, and delays are added
 * exactly.
 *
 * <p>Events, ordered by time:
 * <ul>
 *   <li>DELIVER: the synapses of one (source, delay) group receive a spike, static ones or
 *       plastic ones with the weights their pre spike computed (a plastic synapse on its own
 *       while an earlier delivery of its source may be pending);</li>
 *   <li>CHECK: a neuron may reach threshold; scheduled at a rigorous lower bound of its crossing
 *       time, so a delivery costs one logarithm and the exact search runs only for neurons near
 *       threshold (a conductance-based neuron's search looks {@link #COND_SEARCH_MS} ahead at
 *       most, then plans another CHECK). A neuron has at most one pending CHECK or FIRE
 *       ({@link NeuronSchedule}): a later event that changes its state re-plans it in place.
 *       Linear LIF neurons ({@code IF_curr_delta}, and {@code IF_curr_exp} with tau_syn below
 *       tau_m) are kept in {@link ScaledMembranes}' scaled form instead: a delivery is a
 *       multiply-add with factors shared by all synapses of a spike, and a new CHECK is planned
 *       only when an excitatory input breaks the bound that planned the pending one (one
 *       comparison; a spike's targets are re-planned after all its multiply-adds, which keeps
 *       the delivery loop short); inhibition never brings a crossing forward, so it lowers the bound and
 *       marks a planned FIRE for confirmation. Their exact crossings are the roots of a
 *       polynomial in exp(-s/tau_m) when tau_m is a multiple of both tau_syn
 *       ({@link PolynomialCrossing}). Their CHECKs at a bound may come sooner than planned (a
 *       check done early still comes before the crossing): when the neurons' schedule opens
 *       a bucket of its wheel, it hands over that bucket's bound checks, which are done at
 *       once, at the present time, all with the same factors, instead of being sorted among
 *       the events;</li>
 *   <li>FIRE: a neuron or source spikes: it is recorded, the STDP rule runs for its plastic
 *       synapses, deliveries are scheduled, and the neuron is reset and refractory for tau_refrac
 *       (synaptic currents keep decaying; delta inputs arriving then are dropped; v is held where
 *       the reset put it). A subtractive reset ({@link org.engram.simulator.neuron.Reset#SUBTRACT})
 *       sets {@code v <- v(t) - (v_thresh - v_reset)} with v(t) the membrane at the spike:
 *       v_thresh at a crossing of a continuous membrane, so v_reset there (to the crossing's
 *       1e-12 ms), but above it after delta inputs (or an initial v) past threshold. If v is still
 *       at or above threshold when the neuron is free again, it fires again then: at the same
 *       instant for tau_refrac = 0, once per spike, until v is below threshold; so an arrival
 *       that lifts v from {@code u} to {@code u + w} fires {@code floor((u + w - v_thresh) /
 *       (v_thresh - v_reset)) + 1} spikes at once, every {@code v_thresh - v_reset} above
 *       threshold counting one, and leaves v below threshold. Such neurons are kept in exact
 *       form, not in ScaledMembranes';</li>
 *   <li>SAMPLE: v or weights are recorded.</li>
 *   <li>CURRENT: a current source's current changes ({@link InjectedCurrents}): each neuron it
 *       goes into is advanced exactly to the change with its old bias current, takes the new
 *       one, and its next crossing is predicted again, so spike times stay exact. Neurons that
 *       receive current sources take the exact path, not ScaledMembranes' (whose scaled form
 *       holds v_inf, and so the bias current, fixed).</li>
 * </ul>
 * Deliveries wait in one FIFO ring per distinct delay ({@link DeliveryQueues}), neurons' events
 * in {@link NeuronSchedule} (a calendar queue), samples (and deliveries of rarer delays) in {@link EventQueue}; the
 * loop takes the earliest of the three by (time, order key). Simultaneous events are processed
 * in this documented order: all deliveries of a time (in the order they were scheduled), then
 * CHECK/FIRE events of neurons and sources in global index order (so a spike caused by a
 * delivery happens after every delivery of that time), then samples, then current changes (in
 * source order): a current that changes at t acts from t on, and v is continuous at t.
 */
public final class EventEngine extends EngineBase {
    private static final long KIND_DELIVER = 0;
    private static final long KIND_NEURON = 1L << 58;
    private static final long KIND_SAMPLE = 2L << 58;
    private static final long KIND_CURRENT = 3L << 58;
    private static final int FIRE = 0;
    private static final int CHECK = 1;
    private static final int SOURCE = 2;
    /** A CHECK planned at a lower bound of a crossing: it may come sooner (see {@link #advance}). */
    private static final int BOUND_CHECK = NeuronSchedule.EARLY;
    /** A scaled neuron whose bound may reach threshold within this time gets its exact crossing searched. */
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
     * sooner it comes due. Checks coming due are cheap (see the bound checks above), re-plans
     * after an input are not, so the room is large; the values are tuned on the benchmarks
     * (bench/RESULTS.md).
     */
    private static final double SLACK_MV = 4.0;
    private static final double SLACK_SHARE = 0.7;
    /**
     * A conductance-based neuron's crossing is searched this far ahead at most, ms: about a
     * quarter of the interval between its inputs in COBA, since the next input voids the search.
     */
    private static final double COND_SEARCH_MS = 0.25;

    private final int n;
    private final double[] v;
    private final double[] synE;
    private final double[] synI;
    private final double[] lastUpdate;
    private final double[] refractoryUntil;
    /**
     * Where a neuron's last reset put v (v_reset unless it subtracts): v is held there while
     * refractory, and free evolution starts from it. Read for neurons outside ScaledMembranes only.
     */
    private final double[] heldV;
    /** Each neuron's bias current, nA: i_offset plus what its current sources inject now. */
    private final double[] bias;
    private final InjectedCurrents currents;
    /** The pending CHECK, FIRE or SOURCE event of each neuron or source. */
    private final NeuronSchedule neurons;
    /** Deliveries of the common delays, in rings; those of other delays and the samples are in {@link #queue}. */
    private final DeliveryQueues deliveries;
    /** The ring of each static delivery group and plastic synapse, or -1 for the heap. */
    private final int[] groupRing;
    private final int[] plasticRing;
    /**
     * The signed weight each plastic synapse's latest pre spike sent, read when its delivery comes: the
     * plastic synapses of a spike that share a delay are one delivery, like a static group. Until
     * {@code plasticBusyUntil[g]} such a delivery of g may be pending, and a spike of g sends one
     * delivery per synapse, carrying its weight, instead.
     */
    private final double[] sentWeight;
    private final double[] plasticBusyUntil;
    private final EventQueue queue = new EventQueue();
    private final CurrExpMembrane currExp = new CurrExpMembrane();
    private final CondExpMembrane condExp = new CondExpMembrane();
    private final PolynomialCrossing polynomial = new PolynomialCrossing();
    private final ScaledMembranes scaled;
    /** The targets of one delivery group whose bound reached need (see depositScaled). */
    private final int[] replans;
    /** exp(-EXACT_WINDOW_MS / tau_m) of each class of scaled neurons. */
    private final double[] exactWindowFactor;
    private long sequence;
    /** The sum of what {@link #touch} read: kept only so that the compiler keeps those reads. */
    private double touched;
    /** The time of the event being processed. */
    private double now;
    // the factors of the class being delivered to (useClass)
    private double classGm;
    private double classYm;
    private double classGe;
    private double classGi;
    private double classExcitation;
    private double classInhibition;
    private boolean classDelta;
    private boolean classInhibitionSquared;

    public EventEngine(BuiltNetwork net) {
        super(net, false, net.plasticDelayMs);
        n = net.neuronCount;
        v = net.v0.clone();
        synE = net.synE0.clone();
        synI = net.synI0.clone();
        lastUpdate = new double[n];
        refractoryUntil = new double[n];
        java.util.Arrays.fill(refractoryUntil, Double.NEGATIVE_INFINITY);
        heldV = net.vReset.clone();
        bias = net.iOffset.clone();
        currents = new InjectedCurrents(net);
        neurons = new NeuronSchedule(n);
        deliveries = new DeliveryQueues(net.groupDelayMs, net.plasticDelayMs);
        groupRing = new int[net.groupDelayMs.length];
        for (int k = 0; k < groupRing.length; k++) {
            groupRing[k] = deliveries.ringOf(net.groupDelayMs[k]);
        }
        sentWeight = new double[net.plasticDelayMs.length];
        plasticBusyUntil = new double[n];
        java.util.Arrays.fill(plasticBusyUntil, Double.NEGATIVE_INFINITY);
        plasticRing = new int[net.plasticDelayMs.length];
        for (int k = 0; k < plasticRing.length; k++) {
            plasticRing[k] = deliveries.ringOf(net.plasticDelayMs[k]);
        }
        scaled = new ScaledMembranes(net);
        replans = new int[largestGroup(net)];
        exactWindowFactor = new double[scaled.tauM.length];
        for (int k = 0; k < exactWindowFactor.length; k++) {
            exactWindowFactor[k] = Math.exp(-EXACT_WINDOW_MS / scaled.tauM[k]);
        }
        for (int g = 0; g < n; g++) {
            if (scaled.scaled[g]) {
                check(g, 0);
            } else if (net.hasMembrane(g)) {
                predict(g, 0);
            } else {
                scheduleSource(g);
            }
        }
        for (int p = 0; p < net.network.populations().size(); p++) {
            if (recorder.recordsV(p)) {
                queue.push(0, KIND_SAMPLE | p, p, 0, 0);
            }
        }
        int pops = net.network.populations().size();
        for (int k = 0; k < net.network.projections().size(); k++) {
            double t = nextWeightSample(k);
            if (t != Double.POSITIVE_INFINITY) {
                queue.push(t, KIND_SAMPLE | (pops + k), pops + k, 0, 0);
            }
        }
        for (int s = 0; s < currents.sources(); s++) {
            scheduleCurrentChange(s);
        }
    }

    private void scheduleCurrentChange(int s) {
        double t = currents.nextChangeMs(s);
        if (t != Double.POSITIVE_INFINITY) {
            queue.push(t, KIND_CURRENT | s, s, 0, 0);
        }
    }

    /**
     * Current source s changes its current at t: its neurons are advanced to t with the old bias
     * current, take the new one and are predicted again.
     */
    private void changeCurrent(int s, double t) {
        int[] targets = currents.targets(s);
        for (int g : targets) {
            advanceTo(g, t);
        }
        currents.change(s);
        for (int g : targets) {
            bias[g] = currents.bias(g);
            predict(g, t);
        }
        scheduleCurrentChange(s);
    }

    /** The most synapses of one delivery: a static group, or at most a row of plastic synapses. */
    private static int largestGroup(BuiltNetwork net) {
        int largest = 0;
        for (int g = 0; g < net.neuronCount; g++) {
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                largest = Math.max(largest, net.groupEnd(g, k) - net.groupFirst[k]);
            }
            largest = Math.max(largest, net.plasticRowStart[g + 1] - net.plasticRowStart[g]);
        }
        return largest;
    }

    @Override
    protected String modeName() {
        return "event";
    }

    @Override
    protected double dtMs() {
        return 0;
    }

    /**
     * Processes every event before {@code untilMs}: the earliest by (time, order key) of the ring
     * heads, the neurons' schedule and the heap, so that the documented order of simultaneous
     * events holds whichever structure holds them.
     */
    @Override
    protected void advance(double untilMs) {
        while (true) {
            // a check may come sooner than planned: the bound checks of the bucket that the
            // neurons' schedule is about to open are done now, without sorting them into its heap
            int taken = neurons.fill();
            if (taken > 0) {
                for (int q = 0; q < taken; q++) {
                    touch(neurons.early(q));
                }
                for (int q = 0; q < taken; q++) {
                    eventsProcessed++;
                    check(neurons.early(q), now);
                }
                continue;
            }
            int ring = deliveries.earliest();
            double t = Double.POSITIVE_INFINITY;
            long order = Long.MAX_VALUE;
            int source = 0; // 0: heap, 1: a delivery ring, 2: the neurons' schedule
            if (!queue.isEmpty()) {
                t = queue.peekTime();
                order = queue.peekOrder();
            }
            if (ring >= 0 && earlier(deliveries.headTime(ring), deliveries.headOrder(ring), t, order)) {
                t = deliveries.headTime(ring);
                order = deliveries.headOrder(ring);
                source = 1;
            }
            if (!neurons.isEmpty() && earlier(neurons.peekTime(), KIND_NEURON | neurons.peekNeuron(), t, order)) {
                t = neurons.peekTime();
                source = 2;
            }
            if (!(t < untilMs)) {
                break;
            }
            eventsProcessed++;
            now = t;
            if (t - scaled.epoch > scaled.renormaliseEveryMs) {
                scaled.renormalise(t);
            }
            if (source == 2) {
                int g = neurons.pop();
                neuronEvent(g, neurons.kindOf(g), t);
            } else if (source == 1) {
                deliveries.pop(ring);
                deliver(deliveries.topA, deliveries.topB, deliveries.topValue, t);
            } else {
                queue.pop();
                long kind = queue.topOrder & (3L << 58);
                if (kind == KIND_DELIVER) {
                    deliver(queue.topA, queue.topB, queue.topValue, t);
                } else if (kind == KIND_SAMPLE) {
                    sample(queue.topA, t);
                } else {
                    changeCurrent(queue.topA, t);
                }
            }
        }
        timeMs = untilMs;
    }

    /**
     * Reads the data that the check of neuron g reads first. A batch of bound checks is touched in
     * one short loop before it is checked: the loop's reads do not depend on one another, so where
     * the network outgrows the caches their misses overlap, while the checks, long and one after
     * another, would each wait for its own.
     */
    private void touch(int g) {
        ScaledMembranes m = scaled;
        touched += m.state[ScaledMembranes.record(g) + NEED] + m.room(g)
                + (mayBeRefractory(g, m.classOf(g)) ? refractoryUntil[g] : 0) + (m.inhibited[g] ? 1 : 0)
                + neurons.timeOf(g) + neurons.kindOf(g);
    }

    /**
     * Whether scaled neuron g (of class k) may be refractory, so that its end must be read: a
     * neuron with exponential synapses is clamped for as long as it is (its check at the end
     * unclamps it); one with delta synapses is never clamped, and its bound checks, planned from
     * the end of the period, may be taken early, within it.
     */
    private boolean mayBeRefractory(int g, int k) {
        return scaled.delta[k] || scaled.clamped[g];
    }

    private static boolean earlier(double t1, long o1, double t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    /** Neuron or source g's pending event of the given kind came due at t. */
    private void neuronEvent(int g, int kind, double t) {
        if (kind == SOURCE) {
            sources.pop(g);
            fire(g, t);
            scheduleSource(g);
        } else if (scaled.scaled[g]) {
            if (kind == FIRE) {
                fireScaled(g, t);
            } else {
                check(g, t);
            }
        } else if (kind == FIRE) {
            advanceTo(g, t);
            fire(g, t);
            heldV[g] = net.resetSubtracts[g] ? v[g] - (net.vThresh[g] - net.vReset[g]) : net.vReset[g];
            v[g] = heldV[g];
            refractoryUntil[g] = t + net.tauRefrac[g];
            predict(g, t);
        } else if (net.model[g] == BuiltNetwork.IF_COND_EXP) {
            advanceTo(g, t);
            predict(g, t);
        } else {
            advanceTo(g, t);
            predictExactly(g, t);
        }
    }

    private void scheduleSource(int g) {
        double t = sources.peek(g);
        if (t != Double.POSITIVE_INFINITY) {
            neurons.schedule(g, t, SOURCE);
        }
    }

    /** Spike of neuron or source g at t: record, run STDP, schedule deliveries. */
    private void fire(int g, double t) {
        recorder.spike(g, t);
        plasticity.postSpike(g, t);
        for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
            scheduleDelivery(groupRing[k], t + net.groupDelayMs[k], k, g, Double.NaN);
        }
        int from = net.plasticRowStart[g];
        int to = net.plasticRowStart[g + 1];
        if (from == to) {
            return;
        }
        if (t < plasticBusyUntil[g]) {
            // a grouped delivery of g's plastic synapses may still read sentWeight: one delivery
            // per synapse, carrying its weight
            for (int s = from; s < to; s++) {
                double w = plasticity.preSpike(s, t);
                scheduleDelivery(plasticRing[s], t + net.plasticDelayMs[s], -1 - s, g, w);
            }
            return;
        }
        double latest = t;
        for (int s = from; s < to; s++) {
            double w = plasticity.preSpike(s, t);
            sentWeight[s] = net.plasticInhibitory[s] ? -w : w;
        }
        // one delivery per run of equal delays; its entry carries the run's end where a static
        // group's carries the source
        for (int run = from, end; run < to; run = end) {
            end = run + 1;
            while (end < to && net.plasticDelayMs[end] == net.plasticDelayMs[run]) {
                end++;
            }
            double arrival = t + net.plasticDelayMs[run];
            scheduleDelivery(plasticRing[run], arrival, -1 - run, end, Double.NaN);
            latest = Math.max(latest, arrival);
        }
        plasticBusyUntil[g] = latest;
    }

    /**
     * Schedules delivery (k, g, w) at t, in a ring or the heap: see {@link #deliver} for what k, g
     * and w stand for.
     */
    private void scheduleDelivery(int ring, double t, int k, int g, double w) {
        long order = KIND_DELIVER | (sequence++ & 0xFFFFFFFFFFFFFFL);
        if (ring >= 0) {
            deliveries.add(ring, t, order, k, g, w);
        } else {
            queue.push(t, order, k, g, w);
        }
    }

    /**
     * Delivers static group k of source g; or (k < 0) plastic synapse -1-k with weight w, or when w
     * is NaN the plastic synapses -1-k to g-1 (a run of equal delays, see fire).
     */
    private void deliver(int k, int g, double w, double t) {
        if (k >= 0) {
            int to = net.groupEnd(g, k);
            deliverRun(net.staticTarget, net.staticWeight, net.groupWeightStart[k] - net.groupFirst[k],
                    net.groupWeight[k], net.groupFirst[k], to, scaled.singleClassTargets, t);
        } else if (!Double.isNaN(w)) {
            int s = -1 - k;
            receive(net.plasticTarget[s], net.plasticInhibitory[s] ? -w : w, t);
            synapticEvents++;
        } else {
            // plastic synapses -1-k to g-1, which share a delay, with the weights their pre spike sent
            deliverRun(net.plasticTarget, sentWeight, 0, Double.NaN, -1 - k, g, scaled.singleClassPlasticTargets, t);
        }
    }

    /**
     * Synapses from..to-1 of one spike, with these targets, receive it at t: all the weight
     * {@code shared}, or where that is NaN, synapse s its signed weight at {@code s + weightOffset}.
     * When every target is scaled and of class 0 the factors are those of t for all, and the
     * multiply-adds come first (see depositScaled); with one weight its arithmetic is the same for
     * all.
     */
    private void deliverRun(int[] target, double[] signedWeight, int weightOffset, double shared, int from, int to,
            boolean singleClass, double t) {
        if (singleClass) {
            useClass(0, t);
            int reached = 0;
            boolean varied = Double.isNaN(shared);
            for (int s = from; s < to; s++) {
                int j = target[s];
                if (depositScaled(j, varied ? signedWeight[s + weightOffset] : shared, t)) {
                    replans[reached++] = j;
                }
            }
            for (int q = 0; q < reached; q++) {
                replanIfReached(replans[q], t);
            }
        } else {
            boolean varied = Double.isNaN(shared);
            for (int s = from; s < to; s++) {
                receive(target[s], varied ? signedWeight[s + weightOffset] : shared, t);
            }
        }
        synapticEvents += to - from;
    }

    /** Neuron j receives a signed weight (negative: inhibitory) at t. */
    private void receive(int j, double signedWeight, double t) {
        if (scaled.scaled[j]) {
            receiveScaled(j, signedWeight, t);
            return;
        }
        advanceTo(j, t);
        if (net.model[j] == BuiltNetwork.IF_CURR_DELTA) {
            if (t >= refractoryUntil[j]) {
                v[j] += signedWeight;
            }
        } else if (signedWeight >= 0) {
            synE[j] += signedWeight;
        } else {
            synI[j] -= signedWeight;
        }
        predict(j, t);
    }

    /** Brings neuron g's state to time t (no threshold handling: predictions take care of it). */
    private void advanceTo(int g, double t) {
        double t0 = lastUpdate[g];
        if (t <= t0) {
            return;
        }
        byte model = net.model[g];
        double free = Math.max(t0, refractoryUntil[g]);
        if (free >= t) {
            // refractory throughout: v held, synapses decay
            decaySynapses(g, t - t0);
            v[g] = heldV[g];
        } else {
            if (free > t0) {
                decaySynapses(g, free - t0);
                v[g] = heldV[g];
            }
            double s = t - free;
            if (model == BuiltNetwork.IF_COND_EXP) {
                condExp.prepare(net.vRest[g], net.tauM[g], net.cm[g], net.eRevE[g], net.eRevI[g], bias[g],
                        net.tauSynE[g], net.tauSynI[g]);
                v[g] = condExp.v(v[g], synE[g], synI[g], s);
                synE[g] = condExp.endGE();
                synI[g] = condExp.endGI();
            } else {
                prepareCurr(g);
                v[g] = currExp.v(s);
                decaySynapses(g, s);
            }
        }
        lastUpdate[g] = t;
    }

    private void decaySynapses(int g, double s) {
        if (net.model[g] != BuiltNetwork.IF_CURR_DELTA) {
            synE[g] *= Math.exp(-s / net.tauSynE[g]);
            synI[g] *= Math.exp(-s / net.tauSynI[g]);
        }
    }

    private void prepareCurr(int g) {
        boolean delta = net.model[g] == BuiltNetwork.IF_CURR_DELTA;
        currExp.prepare(v[g], delta ? 0 : synE[g], delta ? 0 : synI[g], net.vRest[g], bias[g], net.cm[g],
                net.tauM[g], delta ? 1 : net.tauSynE[g], delta ? 1 : net.tauSynI[g], net.vThresh[g]);
    }

    /**
     * Neuron g's state changed at t: replaces its pending CHECK/FIRE. For current-based neurons a
     * CHECK at a rigorous lower bound of the crossing time (or none if the bound never reaches
     * threshold); the exact search runs when the CHECK comes due. Conductance-based neurons: see
     * {@link #predictConductance}.
     */
    private void predict(int g, double t) {
        if (t < refractoryUntil[g]) {
            // the free evolution starts at the end of the refractory period
            neurons.schedule(g, refractoryUntil[g], CHECK);
            return;
        }
        if (net.model[g] == BuiltNetwork.IF_COND_EXP) {
            predictConductance(g, t);
            return;
        }
        prepareCurr(g);
        double bound = currExp.crossingLowerBound();
        if (bound == 0) {
            neurons.schedule(g, t, FIRE);
        } else if (bound != Double.POSITIVE_INFINITY) {
            neurons.schedule(g, t + bound, CHECK);
        } else {
            neurons.cancel(g);
        }
    }

    /**
     * Conductance-based neuron g's state is current at t and not refractory: a CHECK at the lower
     * bound of its crossing time when that is beyond {@link #COND_SEARCH_MS}, else its crossing is
     * searched within {@link #COND_SEARCH_MS}: a FIRE there, or a CHECK at the end of the search.
     */
    private void predictConductance(int g, double t) {
        condExp.prepare(net.vRest[g], net.tauM[g], net.cm[g], net.eRevE[g], net.eRevI[g], bias[g],
                net.tauSynE[g], net.tauSynI[g]);
        double bound = condExp.crossingLowerBound(v[g], synE[g], synI[g], net.vThresh[g]);
        if (bound == Double.POSITIVE_INFINITY) {
            neurons.cancel(g);
            return;
        }
        if (bound > COND_SEARCH_MS) {
            neurons.schedule(g, t + bound, CHECK);
            return;
        }
        double s = condExp.firstCrossing(v[g], synE[g], synI[g], net.vThresh[g], COND_SEARCH_MS);
        if (Double.isNaN(s)) {
            neurons.schedule(g, t + COND_SEARCH_MS, CHECK);
        } else if (s != Double.POSITIVE_INFINITY) {
            neurons.schedule(g, t + s, FIRE);
        } else {
            neurons.cancel(g);
        }
    }

    /** Current-based neuron g's state is current at t and not refractory: schedules its exact next FIRE, if any. */
    private void predictExactly(int g, double t) {
        if (t < refractoryUntil[g]) {
            neurons.schedule(g, refractoryUntil[g], CHECK);
            return;
        }
        prepareCurr(g);
        double s = currExp.firstCrossing();
        if (s != Double.POSITIVE_INFINITY) {
            neurons.schedule(g, t + s, FIRE);
        } else {
            neurons.cancel(g);
        }
    }

    /** Records v of population p, or the weights of projection p - populations, at t. */
    private void sample(int p, double t) {
        int pops = net.network.populations().size();
        if (p < pops) {
            recorder.sampleV(p, t, this::voltageAt);
            // the k-th sample at k * interval, so that times do not accumulate rounding
            double next = recorder.vSampleCount(p) * recorder.vIntervalMs(p);
            queue.push(next, KIND_SAMPLE | p, p, 0, 0);
        } else {
            int k = p - pops;
            takeWeightSample(k, t, t);
            double next = nextWeightSample(k);
            if (next != Double.POSITIVE_INFINITY) {
                queue.push(Math.max(next, t), KIND_SAMPLE | p, p, 0, 0);
            }
        }
    }

    /** v of neuron g at t, without changing its state. */
    private double voltageAt(int g) {
        double t = now;
        if (scaled.scaled[g]) {
            if (scaled.clamped[g] || t < refractoryUntil[g]) {
                return net.vReset[g];
            }
            scaled.factorsAt(scaled.classOf(g), t);
            return scaled.v(g, vInf(g));
        }
        double t0 = lastUpdate[g];
        if (t <= t0) {
            return v[g];
        }
        if (t <= refractoryUntil[g]) {
            return heldV[g];
        }
        double savedV = v[g];
        double savedE = synE[g];
        double savedI = synI[g];
        advanceTo(g, t);
        double result = v[g];
        v[g] = savedV;
        synE[g] = savedE;
        synI[g] = savedI;
        lastUpdate[g] = t0;
        return result;
    }

    // ---- linear LIF neurons in scaled form (ScaledMembranes): deliveries are multiply-adds ----

    /**
     * A scaled neuron receives a signed weight at t: a multiply-add on its scaled state, then one
     * comparison tells whether its planned check is still early enough (see ScaledMembranes).
     */
    private void receiveScaled(int j, double w, double t) {
        useClass(scaled.classOf(j), t);
        if (depositScaled(j, w, t)) {
            replanIfReached(j, t);
        }
    }

    /**
     * Makes the factors of class k at t those that {@link #receiveScaledInClass} uses. They are
     * kept in fields rather than read from the class arrays per synapse: a store to a neuron's
     * state (a double[]) could alias those arrays, forcing a reload in the delivery loop.
     */
    private void useClass(int k, double t) {
        ScaledMembranes m = scaled;
        m.factorsAt(k, t);
        classGm = m.gm[k];
        classYm = m.ym[k];
        classGe = m.ge[k];
        classGi = m.gi[k];
        classExcitation = m.kE[k] * classGm;
        classInhibition = m.kI[k] * classGm;
        classDelta = m.delta[k];
        classInhibitionSquared = m.inhibitionSquared[k];
    }

    /**
     * The multiply-add of {@link #receiveScaled(int, double, double)}, with {@link #useClass} done
     * for j's class and t. Returns whether the input raised j's bound to its need, so that
     * {@link #replanIfReached} must run: a spike's deliveries are all made first (a short loop
     * whose memory accesses overlap), then the few re-plans; the state they read at t is the same.
     */
    private boolean depositScaled(int j, double w, double t) {
        ScaledMembranes m = scaled;
        double[] state = m.state;
        int r = ScaledMembranes.record(j);
        if (classDelta) {
            if (t < refractoryUntil[j]) {
                return false; // delta inputs during the refractory period are dropped
            }
            // delta synapses: v jumps, and the bound is v itself (bh is mh)
            double mh = state[r + MH] + w * classGm;
            state[r + MH] = mh;
            if (w < 0) {
                m.inhibited[j] = true;
                return false;
            }
            return mh >= state[r + NEED];
        }
        // exponential synapses: a clamped neuron's currents take the input as any other's, and
        // the CHECK at the end of its refractory period (which comes before any later event, and
        // after the deliveries of its own time) sets a from them and v_reset; until then NEED is
        // +infinity, so no input re-plans it
        if (w >= 0) {
            double e = w * classGe;
            state[r + EH] += e;
            double d = classExcitation * w;
            state[r + MH] += d;
            double bh = state[r + BH] + d - e * state[r + ED];
            state[r + BH] = bh;
            return bh >= state[r + NEED];
        } else {
            // inhibition only delays a crossing: a planned check or FIRE stays early enough; its
            // kernel -kI |w| (x1 - x1^2) at or above the exact one lowers the bound
            state[r + IH] -= w * classGi;
            double d = classInhibition * w;
            state[r + MH] += d;
            if (classInhibitionSquared) {
                m.inhibit(r, d, classGm);
            }
            m.inhibited[j] = true;
            return false;
        }
    }

    /**
     * Scaled neuron j's bound was raised to its need at t (the class factors are those of t):
     * re-planned unless the need, recomputed for the rest of the planning interval, is still
     * above the bound. Tested again here because one spike may reach j through several synapses.
     */
    private void replanIfReached(int j, double t) {
        ScaledMembranes m = scaled;
        int r = ScaledMembranes.record(j);
        double bh = m.state[r + (classDelta ? MH : BH)];
        if (bh >= m.state[r + NEED] && (classDelta || !m.stillBelowAfterRestart(j, classGm, classYm))) {
            check(j, t);
        }
    }

    /** At the end of the refractory period (the factors are those of that time): v = v_reset. */
    private void unclamp(int j) {
        ScaledMembranes m = scaled;
        int k = m.classOf(j);
        m.state[ScaledMembranes.record(j) + MH] = (net.vReset[j] - vInf(j) + m.kE[k] * m.synE(j)
                - m.kI[k] * m.synI(j)) * m.gm[k];
        m.clamped[j] = false;
    }

    private double vInf(int g) {
        return scaled.vInf(g);
    }

    /**
     * Plans scaled neuron j's next event from its state at t: the bound U (see
     * {@link ScaledMembranes}) tells how soon it could reach threshold. Beyond
     * {@link #EXACT_WINDOW_MS} a CHECK is planned where U, its linear coefficient raised by some
     * room for excitation, would reach threshold. Within it, a CHECK at the window's end if U for
     * the window alone stays below threshold with that room ({@link #planWindowCheck}), else the
     * exact crossing is searched and a FIRE planned.
     */
    private void check(int j, double t) {
        ScaledMembranes m = scaled;
        int k = m.classOf(j);
        if (mayBeRefractory(j, k) && t < refractoryUntil[j]) {
            m.planRefractory(j);
            neurons.schedule(j, refractoryUntil[j], CHECK);
            return;
        }
        m.factorsAt(k, t);
        if (m.clamped[j]) {
            unclamp(j);
        }
        // where an exact FIRE is pending and only excitation arrived since, the crossing can only
        // have moved earlier: the old one is where the search starts
        int r = ScaledMembranes.record(j);
        double hint = m.state[r + NEED] == Double.NEGATIVE_INFINITY && !m.inhibited[j]
                && neurons.kindOf(j) == FIRE && neurons.isPending(j) ? m.state[r + END] * m.gm[k] : 0;
        m.inhibited[j] = false;
        double room = m.room(j);
        double e = m.synE(j);
        double i = m.synI(j);
        boolean delta = m.delta[k];
        double a = m.homogeneous(j);
        if (delta && m.state[r + MH] >= room * m.gm[k]) {
            // threshold is reached where mh >= room g_m, in the scale mh is stored in: mh / g_m
            // may round below room (an input of exactly v_thresh - v when v = v_inf would not fire)
            a = Math.max(a, room);
        }
        // U(s) = v_inf + lin x + quad x^2, x = exp(-(s - t)/tau_m)
        double quad = m.inhibitionSquared[k] ? m.kI[k] * i : 0;
        double lin = a + m.kI[k] * i - quad;
        double bound = lin + quad;
        m.state[r + QH] = quad * m.gm[k] * m.gm[k];
        double w = exactWindowFactor[k];
        if (bound < room && room >= 0) {
            // U never reaches threshold
            neurons.cancel(j);
            planCheckAt(j, 0, 0, lin, e);
        } else if (bound < room && lin * w + quad * w * w < room) {
            // U is below threshold at x = 1 and at the window's end, so on all of it (U is convex
            // in x): it reaches threshold beyond the window
            double planned = lin + Math.min(SLACK_MV, SLACK_SHARE * (room - bound));
            // the bound with lin raised to planned reaches threshold at x = exp(-(Tp - t)/tau_m)
            double x = quad == 0 ? room / planned : ScaledMembranes.reachFactor(planned, quad, room);
            neurons.schedule(j, t - m.tauM[k] * Math.log(x), BOUND_CHECK);
            planCheckAt(j, x, m.excitationShare(k, x), lin, e);
        } else if (delta || !planWindowCheck(j, t, e, lin, quad, room)) {
            m.state[r + BH] = lin * m.gm[k];
            // the crossing's x = exp(-s/tau_m), 0 if none; NaN: found as a time s
            double x;
            double s = Double.NaN;
            if (delta) {
                // v = v_inf + a exp(-s/tau_m): the bound is v itself, and it reaches threshold at
                // x = room / a (or now)
                x = bound >= room ? 1 : room / lin;
            } else if (m.powerE[k] > 0) {
                x = polynomial.largestRoot(-room, a, -m.kE[k] * e, m.powerE[k], m.kI[k] * i, m.powerI[k], hint);
            } else {
                currExp.prepare(m.v(j, vInf(j)), e, i, net.vRest[j], net.iOffset[j], net.cm[j], net.tauM[j],
                        net.tauSynE[j], net.tauSynI[j], net.vThresh[j]);
                s = currExp.firstCrossing();
                x = Double.NaN;
            }
            if (!Double.isNaN(x)) {
                s = x == 1 ? 0 : x > 0 ? -m.tauM[k] * Math.log(x) : Double.POSITIVE_INFINITY;
            }
            if (s != Double.POSITIVE_INFINITY) {
                neurons.schedule(j, t + s, FIRE);
            } else {
                neurons.cancel(j);
            }
            m.planFire(j, x > 0 ? x * m.ym[k] : 0);
        }
    }

    /**
     * Where the bound may reach threshold within {@link #EXACT_WINDOW_MS}, the bound for a window
     * alone keeps the excitatory current's share (see {@link ScaledMembranes}) and often shows
     * that scaled neuron j stays below threshold over it with room for more excitation: then a
     * CHECK is planned at the end of the longest such window, of EXACT_WINDOW_MS doubled up to
     * {@link #MAX_WINDOW_DOUBLINGS} times (the factors are those of t), and true is returned;
     * false: the exact crossing must be searched.
     */
    private boolean planWindowCheck(int j, double t, double e, double lin, double quad, double room) {
        int k = scaled.classOf(j);
        double x = exactWindowFactor[k];
        // x^(r-1) squares with x as the window doubles
        double share = scaled.excitationShare(k, x);
        if (!windowBoundHolds(k, x, share, e, lin, quad, room)) {
            return false;
        }
        double windowMs = EXACT_WINDOW_MS;
        for (int d = 0; d < MAX_WINDOW_DOUBLINGS && windowBoundHolds(k, x * x, share * share, e, lin, quad, room);
                d++) {
            x *= x;
            share *= share;
            windowMs *= 2;
        }
        neurons.schedule(j, t + windowMs, BOUND_CHECK);
        planCheckAt(j, x, share, lin, e);
        return true;
    }

    /**
     * Whether {@code v_inf + lin' x' + quad x'^2}, lin' being lin less the excitatory share for a
     * window ending at x ({@code share} is x^(r-1)) and raised by some room for excitation,
     * stays below threshold on [x, 1]: it is convex in x', so below at both ends is enough.
     */
    private boolean windowBoundHolds(int k, double x, double share, double e, double lin, double quad, double room) {
        double linW = lin - scaled.kE[k] * e * share;
        double planned = linW + Math.min(SLACK_MV, SLACK_SHARE * (room - linW - quad));
        return planned + quad < room && planned * x + quad * x * x < room;
    }

    /**
     * Sets scaled neuron j's bound for a CHECK planned at x = exp(-(Tp - t)/tau_m) (0: never; the
     * factors are those of the present): lin less the excitatory share {@code kE E x^(r-1)}, E
     * being j's excitatory current {@code e} and {@code power} x^(r-1).
     */
    private void planCheckAt(int j, double x, double power, double lin, double e) {
        ScaledMembranes m = scaled;
        int k = m.classOf(j);
        double share = m.kE[k] * power;
        m.state[ScaledMembranes.record(j) + BH] = (lin - share * e) * m.gm[k];
        // kE y(Tp)^(r-1) = kE x^(r-1) ym^(r-1), and ym^(r-1) = g_m / g_E
        double ed = share == 0 ? 0 : share * m.gm[k] / m.ge[k];
        m.planCheck(j, m.gm[k], m.ym[k], x * m.ym[k], ed);
    }

    /**
     * A scaled neuron's planned crossing came due: it spikes and is clamped until the end of
     * tau_refrac. If inhibition arrived since the crossing was found, the crossing is searched
     * again from the present state (it can only have moved later). A neuron with delta synapses
     * drops the inputs of its refractory period, so its state at the end of it (v_reset) is
     * known at the spike: its next check is planned from there at once, and no event marks the
     * end. With exponential synapses the currents at the end depend on the inputs until then,
     * and a CHECK there unclamps the neuron.
     */
    private void fireScaled(int g, double t) {
        if (scaled.inhibited[g]) {
            check(g, t);
            return;
        }
        fire(g, t);
        double end = t + net.tauRefrac[g];
        refractoryUntil[g] = end;
        int k = scaled.classOf(g);
        if (scaled.delta[k]) {
            scaled.factorsAt(k, end);
            scaled.state[ScaledMembranes.record(g) + MH] = (net.vReset[g] - vInf(g)) * scaled.gm[k];
            check(g, end);
        } else {
            scaled.clamped[g] = true;
            scaled.planRefractory(g);
            neurons.schedule(g, end, CHECK);
        }
    }
}
