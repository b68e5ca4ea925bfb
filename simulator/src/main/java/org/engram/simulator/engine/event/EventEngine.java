package org.engram.simulator.engine.event;


import static org.engram.simulator.engine.event.NeuronSchedule.CHECK;
import static org.engram.simulator.engine.event.NeuronSchedule.FIRE;
import static org.engram.simulator.engine.event.NeuronSchedule.SOURCE;

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
    // the order keys of simultaneous events: deliveries (by sequence), neurons (by index), samples
    private static final long ORDER_DELIVER = 0;
    private static final long ORDER_NEURON = 1L << 58;
    private static final long ORDER_SAMPLE = 2L << 58;
    private static final long ORDER_CURRENT = 3L << 58;
    // the kinds of queued events
    /** Static delivery group {@code a} of source {@code b}. */
    private static final int DELIVER_GROUP = 0;
    /** Plastic synapse {@code a}, on its own, with the weight {@code value} (unsigned). */
    private static final int DELIVER_SYNAPSE = 1;
    /** Plastic synapses {@code a .. b - 1}, which share a delay, with the weights in {@link #sentWeight}. */
    private static final int DELIVER_RUN = 2;
    /** A sample of v of population {@code a}, or of the weights of projection {@code a} less the populations. */
    private static final int SAMPLE = 3;
    /** Current source {@code a} changes its current. */
    private static final int CHANGE_CURRENT = 4;
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
    /** The pending CHECK, FIRE, BOUND_CHECK or SOURCE event of each neuron or source. */
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
    /** The linear LIF neurons, in scaled form: their records and operations. */
    private final ScaledMembranes scaled;
    /** The targets of one delivery whose bound reached need (see deliverRun). */
    private final int[] replans;
    private long sequence;
    /** The sum of what {@link ScaledMembranes#touch} read: kept only so that the compiler keeps those reads. */
    private double touched;
    /** The time of the event being processed. */
    private double now;

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
        scaled = new ScaledMembranes(net, 0, n, neurons, refractoryUntil);
        replans = new int[largestGroup(net)];
        for (int g = 0; g < n; g++) {
            if (scaled.holds(g)) {
                scaled.check(g, 0);
            } else if (net.hasMembrane(g)) {
                predict(g, 0);
            } else {
                scheduleSource(g);
            }
        }
        for (int p = 0; p < net.network.populations().size(); p++) {
            if (recorder.recordsV(p)) {
                queue.push(0, ORDER_SAMPLE | p, SAMPLE, p, 0, 0);
            }
        }
        int pops = net.network.populations().size();
        for (int k = 0; k < net.network.projections().size(); k++) {
            double t = nextWeightSample(k);
            if (t != Double.POSITIVE_INFINITY) {
                queue.push(t, ORDER_SAMPLE | (pops + k), SAMPLE, pops + k, 0, 0);
            }
        }
        for (int s = 0; s < currents.sources(); s++) {
            scheduleCurrentChange(s);
        }
    }

    private void scheduleCurrentChange(int s) {
        double t = currents.nextChangeMs(s);
        if (t != Double.POSITIVE_INFINITY) {
            queue.push(t, ORDER_CURRENT | s, CHANGE_CURRENT, s, 0, 0);
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
                    touched += scaled.touch(neurons.early(q));
                }
                for (int q = 0; q < taken; q++) {
                    eventsProcessed++;
                    scaled.check(neurons.early(q), now);
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
            if (!neurons.isEmpty() && earlier(neurons.peekTime(), ORDER_NEURON | neurons.peekNeuron(), t, order)) {
                t = neurons.peekTime();
                source = 2;
            }
            if (!(t < untilMs)) {
                break;
            }
            eventsProcessed++;
            now = t;
            if (scaled.renormalisationDue(t)) {
                scaled.renormalise(t);
            }
            if (source == 2) {
                int g = neurons.pop();
                neuronEvent(g, neurons.kindOf(g), t);
            } else if (source == 1) {
                deliveries.pop(ring);
                deliver(deliveries.topKind, deliveries.topA, deliveries.topB, deliveries.topValue, t);
            } else {
                queue.pop();
                if (queue.topKind == SAMPLE) {
                    sample(queue.topA, t);
                } else if (queue.topKind == CHANGE_CURRENT) {
                    changeCurrent(queue.topA, t);
                } else {
                    deliver(queue.topKind, queue.topA, queue.topB, queue.topValue, t);
                }
            }
        }
        timeMs = untilMs;
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
        } else if (scaled.holds(g)) {
            if (kind != FIRE) {
                scaled.check(g, t);
            } else if (scaled.confirmFire(g, t)) {
                fire(g, t);
                scaled.reset(g, t);
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
            scheduleDelivery(groupRing[k], t + net.groupDelayMs[k], DELIVER_GROUP, k, g, Double.NaN);
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
                scheduleDelivery(plasticRing[s], t + net.plasticDelayMs[s], DELIVER_SYNAPSE, s, g, w);
            }
            return;
        }
        double latest = t;
        for (int s = from; s < to; s++) {
            double w = plasticity.preSpike(s, t);
            sentWeight[s] = net.plasticInhibitory[s] ? -w : w;
        }
        // one delivery per run of equal delays
        for (int run = from, end; run < to; run = end) {
            end = run + 1;
            while (end < to && net.plasticDelayMs[end] == net.plasticDelayMs[run]) {
                end++;
            }
            double arrival = t + net.plasticDelayMs[run];
            scheduleDelivery(plasticRing[run], arrival, DELIVER_RUN, run, end, Double.NaN);
            latest = Math.max(latest, arrival);
        }
        plasticBusyUntil[g] = latest;
    }

    /** Schedules a delivery of the given kind (see {@link #DELIVER_GROUP} and on) at t, in a ring or the heap. */
    private void scheduleDelivery(int ring, double t, int kind, int a, int b, double w) {
        long order = ORDER_DELIVER | (sequence++ & 0xFFFFFFFFFFFFFFL);
        if (ring >= 0) {
            deliveries.add(ring, t, order, kind, a, b, w);
        } else {
            queue.push(t, order, kind, a, b, w);
        }
    }

    /** Processes a delivery of the given kind at t. */
    private void deliver(int kind, int a, int b, double w, double t) {
        if (kind == DELIVER_GROUP) {
            int k = a;
            deliverRun(net.staticTarget, net.staticWeight, net.groupWeightStart[k] - net.groupFirst[k],
                    net.groupWeight[k], net.groupFirst[k], net.groupEnd(b, k), scaled.singleClassTargets, t);
        } else if (kind == DELIVER_SYNAPSE) {
            receive(net.plasticTarget[a], net.plasticInhibitory[a] ? -w : w, t);
            synapticEvents++;
        } else {
            deliverRun(net.plasticTarget, sentWeight, 0, Double.NaN, a, b, scaled.singleClassPlasticTargets, t);
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
            ScaledMembranes.ClassFactors f = scaled.factorsAt(0, t);
            int reached = 0;
            boolean varied = Double.isNaN(shared);
            for (int s = from; s < to; s++) {
                int j = target[s];
                if (scaled.deposit(j, varied ? signedWeight[s + weightOffset] : shared, f)) {
                    replans[reached++] = j;
                }
            }
            for (int q = 0; q < reached; q++) {
                scaled.replanIfReached(replans[q], f);
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
        if (scaled.holds(j)) {
            ScaledMembranes.ClassFactors f = scaled.factorsAt(scaled.classOf(j), t);
            if (scaled.deposit(j, signedWeight, f)) {
                scaled.replanIfReached(j, f);
            }
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
            queue.push(next, ORDER_SAMPLE | p, SAMPLE, p, 0, 0);
        } else {
            int k = p - pops;
            takeWeightSample(k, t, t);
            double next = nextWeightSample(k);
            if (next != Double.POSITIVE_INFINITY) {
                queue.push(Math.max(next, t), ORDER_SAMPLE | p, SAMPLE, p, 0, 0);
            }
        }
    }

    /** v of neuron g at t, without changing its state. */
    private double voltageAt(int g) {
        double t = now;
        if (scaled.holds(g)) {
            return scaled.voltage(g, t);
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
}
