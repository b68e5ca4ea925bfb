package org.engram.simulator.engine.event;

import static org.engram.simulator.engine.event.NeuronSchedule.CHECK;
import static org.engram.simulator.engine.event.NeuronSchedule.FIRE;
import static org.engram.simulator.engine.event.NeuronSchedule.SOURCE;

import java.util.Arrays;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.core.InjectedCurrents;
import org.engram.simulator.engine.core.SourceTrains;

/**
 * A block of neurons and sources ({@code first .. end - 1}) with everything that changes them: their
 * state, their schedule and the deliveries that target them. One thread runs a partition, one
 * interval at a time ({@link #runInterval}); within an interval it reads nothing that another
 * partition writes, since a spike reaches its targets no sooner than the smallest delay, the
 * longest an interval lasts. Its spikes are collected ({@link #firedCount} and on) and handed
 * over at the interval's end; the deliveries of every partition's spikes to this one's neurons
 * are scheduled at the start of the next ({@link #scheduleDeliveries}), in the engine's canonical
 * order, so that what a neuron receives, and in which order, does not depend on the partitions.
 */
final class Partition {
    /** The order key of a neuron's event at a time: after the deliveries of that time (keyed by sequence). */
    private static final long ORDER_NEURON = 1L << 58;
    /** The order key of a current source's change at a time: after the neurons' events and samples of that time. */
    private static final long ORDER_CURRENT = 3L << 58;
    // the kinds of queued deliveries
    /** Static delivery group {@code a} of source {@code b}. */
    private static final int DELIVER_GROUP = 0;
    /** Plastic synapse {@code a}, on its own, with the weight {@code value} (unsigned). */
    private static final int DELIVER_SYNAPSE = 1;
    /** Plastic synapses {@code a .. b - 1}, which share a delay, with the weights in {@link #sentWeight}. */
    private static final int DELIVER_RUN = 2;
    /** Current source {@code a} changes its current. */
    private static final int CHANGE_CURRENT = 3;
    /**
     * A conductance-based neuron's crossing is searched this far ahead at most, ms: about a
     * quarter of the interval between its inputs in COBA, since the next input voids the search.
     */
    private static final double COND_SEARCH_MS = 0.25;

    final int first;
    final int end;
    private final BuiltNetwork net;
    private final SourceTrains sources;
    // per neuron, indexed globally: the engine's arrays, of which this partition writes its block
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
    /** The current sources, as this partition applies their changes to its neurons. */
    private final InjectedCurrents currents;
    /** The signed weight each plastic synapse's latest pre spike sent (see EventEngine): read only. */
    private final double[] sentWeight;
    /** The pending CHECK, FIRE, BOUND_CHECK or SOURCE event of each neuron or source. */
    private final NeuronSchedule neurons;
    /** Deliveries of the common delays, in rings; those of other delays and current changes in {@link #queue}. */
    private final DeliveryQueues deliveries;
    private final EventQueue queue = new EventQueue();
    /** The ring of each static delivery group and plastic synapse, or -1 for the heap. */
    private final int[] groupRing;
    private final int[] plasticRing;
    private final CurrExpMembrane currExp = new CurrExpMembrane();
    private final CondExpMembrane condExp = new CondExpMembrane();
    /** The linear LIF neurons of the block, in scaled form: their records and operations. */
    private final ScaledMembranes scaled;
    /** Whether the block is the whole network: then every target is its own, and none is tested. */
    private final boolean whole;
    /** The targets of one delivery whose bound reached need (see deliverRun). */
    private final int[] replans;
    /** Deliveries scheduled so far: the order of deliveries of equal time. */
    private long sequence;
    /**
     * The sum of what {@link ScaledMembranes#touch} and {@link ScaledMembranes#touchRecord} read:
     * kept only so that the compiler keeps those reads.
     */
    double touched;
    /** The time of the event being processed. */
    private double now;
    long eventsProcessed;
    long synapticEvents;
    // the spikes of the interval, in the order they happened
    private double[] firedTime = new double[64];
    private int[] firedNeuron = new int[64];
    int firedCount;

    Partition(BuiltNetwork net, int first, int end, SourceTrains sources, double[][] state, double[] sentWeight,
            int[] groupRing, int[] plasticRing, int largestGroup) {
        this.net = net;
        this.first = first;
        this.end = end;
        this.sources = sources;
        v = state[0];
        synE = state[1];
        synI = state[2];
        lastUpdate = state[3];
        refractoryUntil = state[4];
        heldV = state[5];
        bias = state[6];
        currents = new InjectedCurrents(net);
        this.sentWeight = sentWeight;
        this.groupRing = groupRing;
        this.plasticRing = plasticRing;
        whole = first == 0 && end == net.neuronCount;
        neurons = new NeuronSchedule(first, end - first);
        deliveries = new DeliveryQueues(net.groupDelayMs, net.plasticDelayMs);
        scaled = new ScaledMembranes(net, first, end - first, neurons, refractoryUntil);
        replans = new int[largestGroup];
        for (int g = first; g < end; g++) {
            if (scaled.holds(g)) {
                scaled.check(g, 0);
            } else if (net.hasMembrane(g)) {
                predict(g, 0);
            } else {
                scheduleSource(g);
            }
        }
        for (int s = 0; s < currents.sources(); s++) {
            int[] targets = currents.targets(s);
            // ascending: this block holds some of them if the first at or after it is in it
            int k = Arrays.binarySearch(targets, first);
            k = k >= 0 ? k : -1 - k;
            if (k < targets.length && targets[k] < end) {
                scheduleCurrentChange(s);
            }
        }
    }

    private void scheduleCurrentChange(int s) {
        double t = currents.nextChangeMs(s);
        if (t != Double.POSITIVE_INFINITY) {
            queue.push(t, ORDER_CURRENT | s, CHANGE_CURRENT, s, 0, 0);
        }
    }

    /**
     * Current source s changes its current at t: its neurons in this block are advanced to t with
     * the old bias current, take the new one and are predicted again.
     */
    private void changeCurrent(int s, double t) {
        int[] targets = currents.targets(s);
        for (int g : targets) {
            if (owns(g)) {
                advanceTo(g, t);
            }
        }
        currents.change(s);
        for (int g : targets) {
            if (owns(g)) {
                bias[g] = currents.bias(g);
                predict(g, t);
            }
        }
        scheduleCurrentChange(s);
    }

    /** The longest an interval may last: the factors of the scaled form stay bounded over it. */
    double longestIntervalMs() {
        return scaled.renormaliseEveryMs();
    }

    double firedTime(int i) {
        return firedTime[i];
    }

    int firedNeuron(int i) {
        return firedNeuron[i];
    }

    /**
     * Schedules the deliveries to this block of the given spikes, which are in the canonical order
     * (see EventEngine): spike i of neuron {@code neuron[i]} at {@code time[i]}, whose plastic
     * synapses send one delivery each with the weights from {@code weights[sent[i]]} on where
     * {@code sent[i] >= 0}, else one per run of equal delays, with the weights in sentWeight.
     * Deliveries of a group whose targets are all elsewhere are scheduled all the same: the
     * delivery finds none of its own, at the cost of reading the targets.
     */
    void scheduleDeliveries(double[] time, int[] neuron, int[] sent, double[] weights, int count) {
        for (int i = 0; i < count; i++) {
            int g = neuron[i];
            double t = time[i];
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                scheduleDelivery(groupRing[k], t + net.groupDelayMs[k], DELIVER_GROUP, k, g, Double.NaN);
            }
            int from = net.plasticRowStart[g];
            int to = net.plasticRowStart[g + 1];
            if (sent[i] >= 0) {
                for (int s = from; s < to; s++) {
                    if (owns(net.plasticTarget[s])) {
                        scheduleDelivery(plasticRing[s], t + net.plasticDelayMs[s], DELIVER_SYNAPSE, s, g,
                                weights[sent[i] + s - from]);
                    }
                }
            } else {
                for (int run = from, last; run < to; run = last) {
                    last = run + 1;
                    while (last < to && net.plasticDelayMs[last] == net.plasticDelayMs[run]) {
                        last++;
                    }
                    scheduleDelivery(plasticRing[run], t + net.plasticDelayMs[run], DELIVER_RUN, run, last, Double.NaN);
                }
            }
        }
    }

    private boolean owns(int g) {
        return g >= first && g < end;
    }

    /** Schedules a delivery of the given kind (see {@link #DELIVER_GROUP} and on) at t, in a ring or the heap. */
    private void scheduleDelivery(int ring, double t, int kind, int a, int b, double w) {
        long order = sequence++ & 0xFFFFFFFFFFFFFFL;
        if (ring >= 0) {
            deliveries.add(ring, t, order, kind, a, b, w);
        } else {
            queue.push(t, order, kind, a, b, w);
        }
    }

    /**
     * Processes every event of the block before {@code untilMs}, from {@code startMs} (the
     * interval's start), with the samples of v of the interval that {@code samples} lists: the
     * earliest by (time, order key) of the ring heads, the neurons' schedule and the heap, so that
     * the documented order of simultaneous events holds whichever structure holds them.
     */
    void runInterval(double startMs, double untilMs, Samples samples) {
        firedCount = 0;
        if (scaled.renormalisationDue(untilMs)) {
            scaled.renormalise(startMs);
        }
        int nextSample = 0;
        while (true) {
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
            if (!neurons.heapEmpty() && earlier(neurons.peekTime(), ORDER_NEURON | neurons.peekNeuron(), t, order)) {
                t = neurons.peekTime();
                order = ORDER_NEURON | neurons.peekNeuron();
                source = 2;
            }
            // the bound checks of the wheel's next bucket are done when it opens, before the
            // events of its time; a sample comes after the events of its time but current changes
            double opening = neurons.openingTime();
            double sampleMs = nextSample < samples.count ? samples.timeMs[nextSample] : Double.POSITIVE_INFINITY;
            if (opening <= t && opening <= sampleMs && opening < untilMs) {
                checkBucket(opening);
                continue;
            }
            if (nextSample < samples.count && (sampleMs < t || (sampleMs == t && order >= ORDER_CURRENT))) {
                sample(samples, nextSample++);
                continue;
            }
            if (!(t < untilMs)) {
                break;
            }
            eventsProcessed++;
            now = t;
            if (source == 2) {
                int g = neurons.pop();
                neuronEvent(g, neurons.kindOf(g), t);
            } else if (source == 1) {
                deliveries.pop(ring);
                deliver(deliveries.topKind, deliveries.topA, deliveries.topB, deliveries.topValue, t);
            } else {
                queue.pop();
                if (queue.topKind == CHANGE_CURRENT) {
                    changeCurrent(queue.topA, t);
                } else {
                    deliver(queue.topKind, queue.topA, queue.topB, queue.topValue, t);
                }
            }
        }
    }

    /**
     * Opens the wheel's next bucket at t, its earliest time, and does its bound checks there: a
     * check may come sooner than planned, so they are done at once instead of being sorted among
     * the events. They are touched first in a short loop (see {@link ScaledMembranes#touch}).
     */
    private void checkBucket(double t) {
        now = t;
        int taken = neurons.open();
        for (int q = 0; q < taken; q++) {
            touched += scaled.touch(neurons.early(q));
        }
        for (int q = 0; q < taken; q++) {
            eventsProcessed++;
            scaled.check(neurons.early(q), t);
        }
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

    /** Spike of neuron or source g at t: kept until the interval's end, when the engine takes it. */
    private void fire(int g, double t) {
        if (firedCount == firedTime.length) {
            firedTime = Arrays.copyOf(firedTime, 2 * firedCount);
            firedNeuron = Arrays.copyOf(firedNeuron, 2 * firedCount);
        }
        firedTime[firedCount] = t;
        firedNeuron[firedCount++] = g;
    }

    /** Processes a delivery of the given kind at t. */
    private void deliver(int kind, int a, int b, double w, double t) {
        if (kind == DELIVER_GROUP) {
            int k = a;
            int from = net.groupFirst[k];
            int to = net.groupEnd(b, k);
            if (!whole) {
                // a group's synapses are sorted by target: the block's share is one run
                from = BuiltNetwork.firstTargetAtLeast(net.staticTarget, from, to, first);
                to = BuiltNetwork.firstTargetAtLeast(net.staticTarget, from, to, end);
            }
            deliverRun(net.staticTarget, net.staticWeight, net.groupWeightStart[k] - net.groupFirst[k], net.groupWeight[k],
                    from, to, scaled.singleClassTargets, true, t);
        } else if (kind == DELIVER_SYNAPSE) {
            receive(net.plasticTarget[a], net.plasticInhibitory[a] ? -w : w, t);
            synapticEvents++;
        } else {
            deliverRun(net.plasticTarget, sentWeight, 0, Double.NaN, a, b, scaled.singleClassPlasticTargets, whole, t);
        }
    }

    /**
     * Synapses from..to-1 of one spike, with these targets, receive it at t where the target is in
     * this block ({@code allOwn}: they all are): all the weight {@code shared}, or where that is
     * NaN, synapse s its signed weight at {@code s + weightOffset}. When every target is scaled and
     * of class 0 the factors are those of t for all, the targets are touched first (see
     * ScaledMembranes#touchRecord), then the multiply-adds are made (see ScaledMembranes#deposit);
     * with one weight its arithmetic is the same for all.
     */
    private void deliverRun(int[] target, double[] signedWeight, int weightOffset, double shared, int from, int to,
            boolean singleClass, boolean allOwn, double t) {
        boolean varied = Double.isNaN(shared);
        if (allOwn && singleClass) {
            ScaledMembranes.ClassFactors f = scaled.factorsAt(0, t);
            double sum = 0;
            for (int s = from; s < to; s++) {
                sum += scaled.touchRecord(target[s]);
            }
            touched += sum; // kept, so that the compiler keeps the reads
            int reached = 0;
            for (int s = from; s < to; s++) {
                int j = target[s];
                if (scaled.deposit(j, varied ? signedWeight[s + weightOffset] : shared, f)) {
                    replans[reached++] = j;
                }
            }
            for (int q = 0; q < reached; q++) {
                scaled.replanIfReached(replans[q], f);
            }
            synapticEvents += to - from;
        } else if (singleClass) {
            ScaledMembranes.ClassFactors f = scaled.factorsAt(0, t);
            int reached = 0;
            int own = 0;
            for (int s = from; s < to; s++) {
                int j = target[s];
                if (j >= first && j < end) {
                    own++;
                    if (scaled.deposit(j, varied ? signedWeight[s + weightOffset] : shared, f)) {
                        replans[reached++] = j;
                    }
                }
            }
            for (int q = 0; q < reached; q++) {
                scaled.replanIfReached(replans[q], f);
            }
            synapticEvents += own;
        } else {
            for (int s = from; s < to; s++) {
                int j = target[s];
                if (allOwn || owns(j)) {
                    receive(j, varied ? signedWeight[s + weightOffset] : shared, t);
                    synapticEvents++;
                }
            }
        }
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

    /** Writes v of this block's neurons of sample i's population into the sample's row. */
    private void sample(Samples samples, int i) {
        now = samples.timeMs[i];
        int p = samples.population[i];
        int from = net.populationStart[p];
        int to = from + net.network.populations().get(p).size();
        double[] row = samples.row[i];
        for (int g = Math.max(from, first); g < Math.min(to, end); g++) {
            row[g - from] = voltageAt(g);
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
