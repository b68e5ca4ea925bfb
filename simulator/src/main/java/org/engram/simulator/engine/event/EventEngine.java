package org.engram.simulator.engine.event;

import java.util.Arrays;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.core.EngineBase;
import org.engram.simulator.engine.core.Team;

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
 *   <li>CURRENT: a current source's current changes ({@link org.engram.simulator.engine.core.InjectedCurrents}):
 *       each neuron it goes into is advanced exactly to the change with its old bias current,
 *       takes the new one, and its next crossing is predicted again, so spike times stay exact.
 *       Neurons that receive current sources take the exact path, not ScaledMembranes' (whose
 *       scaled form holds v_inf, and so the bias current, fixed).</li>
 * </ul>
 * Deliveries wait in one FIFO ring per distinct delay ({@link DeliveryQueues}), neurons' events
 * in {@link NeuronSchedule} (a calendar queue), deliveries of rarer delays in {@link EventQueue};
 * the loop takes the earliest of the three by (time, order key).
 *
 * <p><b>Threads and intervals.</b> The neurons are split into contiguous blocks, one
 * {@link Partition} per thread, which holds its neurons' state, schedule and incoming deliveries.
 * Time advances in intervals no longer than the smallest delay (at multiples of
 * {@link #intervalMs}, and at the end of each run): a spike reaches its targets no sooner than
 * an interval after it, so within one every partition runs on its own, and NEST's conservative
 * synchronisation exchanges the spikes at its end. The engine then, on one thread, puts the
 * interval's spikes in the canonical order, records them, runs the STDP rule for them and
 * takes the weight samples due; each partition then schedules their deliveries to its own
 * neurons. One thread runs the same intervals, so the results are the same bytes for any number
 * of threads.
 *
 * <p><b>The canonical order of simultaneous events</b> (this is what a neuron sees, whatever the
 * threads):
 * <ol>
 *   <li>spikes are ordered by time, then by neuron index (then, for one neuron's spikes at one
 *       instant, as they happened); they are recorded, and their STDP updates run, in that
 *       order;</li>
 *   <li>deliveries of equal time are ordered by their spikes' canonical order, and a spike's
 *       deliveries by their group (static groups in row order, then plastic runs);</li>
 *   <li>at a time: the bound checks of a bucket that opens there (buckets open at their
 *       earliest time, when no earlier event is left), then the deliveries, then the
 *       CHECK/FIRE events of neurons and sources in index order (so a spike caused by a delivery
 *       happens after every delivery of that time), then samples, then current changes (in
 *       source order: a current that changes at t acts from t on, and v is continuous at t);</li>
 *   <li>the scaled neurons' epoch moves only at the start of an interval.</li>
 * </ol>
 * Before threads (2026-12-03) deliveries of equal time came in the order their spikes had been
 * processed and a bucket's bound checks were done when the engine got to them, at the time of
 * the last event processed; both then depended on all the other neurons' events.
 */
public final class EventEngine extends EngineBase {
    /** The longest interval, ms: where delays are long, spikes are still exchanged this often. */
    private static final double MAX_INTERVAL_MS = 1.0;
    /**
     * Auto threads: at least this many synapses per thread, and an interval at least this long
     * (ms); below either a thread's share of an interval is too little work to pay for the
     * exchange at its end. Every thread waits for all at each interval's end, so one that a busy
     * machine pauses holds up all: on 2 cores shared with builds (load average 4 to 6), 2 threads
     * ran cuba at 100,000 neurons 1.2 to 1.6 times slower than one, and 1.85 times faster at a
     * load of 2 (bench/RESULTS.md).
     */
    private static final long AUTO_SYNAPSES_PER_THREAD = 2_000_000;
    private static final double AUTO_MIN_INTERVAL_MS = 0.1;

    private final Partition[] partitions;
    /** The length of the intervals: their ends are its multiples, and the end of each run. */
    private final double intervalMs;
    /** Runs the partitions, one thread each. */
    private final Lockstep lockstep;
    /**
     * The signed weight each plastic synapse's latest pre spike sent, read when its delivery comes: the
     * plastic synapses of a spike that share a delay are one delivery, like a static group. Until
     * {@code plasticBusyUntil[g]} such a delivery of g may be pending, and a spike of g sends one
     * delivery per synapse, carrying its weight, instead.
     */
    private final double[] sentWeight;
    private final double[] plasticBusyUntil;
    // the spikes of the last interval in the canonical order, whose deliveries are not scheduled yet
    private double[] spikeTime = new double[64];
    private int[] spikeNeuron = new int[64];
    /** Per spike: where its plastic synapses' weights are in {@link #spikeWeights}, or -1 (see Partition#scheduleDeliveries). */
    private int[] spikeSent = new int[64];
    private double[] spikeWeights = new double[64];
    private int spikeCount;
    // the interval's spikes as the partitions give them, and their canonical order (an index)
    private double[] firedTime = new double[64];
    private int[] firedNeuron = new int[64];
    private int[] order = new int[64];
    private int[] scratch = new int[64];
    /** The v samples of the interval being run. */
    private final Samples samples = new Samples();
    /** Whether any population records v, and per population the samples listed so far for the interval. */
    private final boolean recordsV;
    private final int[] samplesTaken;
    /** Per projection: the time of its next weight sample (+infinity: none); the earliest of them. */
    private final double[] weightSampleMs;
    private double firstWeightSampleMs = Double.POSITIVE_INFINITY;
    /** The end of the interval being run, for the partitions. */
    private double intervalEndMs;

    /**
     * @param requestedThreads the threads to run on (at most one per neuron is used), or 0 to
     *        choose from the network ({@link #resolve})
     */
    public EventEngine(BuiltNetwork net, int requestedThreads) {
        super(net, false, net.plasticDelayMs);
        int n = net.neuronCount;
        int parts = resolve(net, requestedThreads);
        double[] v = net.v0.clone();
        double[] synE = net.synE0.clone();
        double[] synI = net.synI0.clone();
        double[] lastUpdate = new double[n];
        double[] refractoryUntil = new double[n];
        Arrays.fill(refractoryUntil, Double.NEGATIVE_INFINITY);
        double[] heldV = net.vReset.clone();
        double[][] state = {v, synE, synI, lastUpdate, refractoryUntil, heldV, net.iOffset.clone()};
        sentWeight = new double[net.plasticDelayMs.length];
        plasticBusyUntil = new double[n];
        Arrays.fill(plasticBusyUntil, Double.NEGATIVE_INFINITY);
        DeliveryQueues rings = new DeliveryQueues(net.groupDelayMs, net.plasticDelayMs);
        int[] groupRing = new int[net.groupDelayMs.length];
        for (int k = 0; k < groupRing.length; k++) {
            groupRing[k] = rings.ringOf(net.groupDelayMs[k]);
        }
        int[] plasticRing = new int[net.plasticDelayMs.length];
        for (int k = 0; k < plasticRing.length; k++) {
            plasticRing[k] = rings.ringOf(net.plasticDelayMs[k]);
        }
        int largest = largestGroup(net);
        partitions = new Partition[parts];
        for (int p = 0; p < parts; p++) {
            partitions[p] = new Partition(net, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts),
                    sources, state, sentWeight, groupRing, plasticRing, largest);
        }
        intervalMs = Math.min(Math.min(smallestDelayMs(net), MAX_INTERVAL_MS), partitions[0].longestIntervalMs());
        lockstep = new Lockstep(parts, parts);
        int pops = net.network.populations().size();
        samplesTaken = new int[pops];
        boolean anyV = false;
        for (int p = 0; p < pops; p++) {
            anyV |= recorder.recordsV(p);
        }
        recordsV = anyV;
        int projections = net.network.projections().size();
        weightSampleMs = new double[projections];
        for (int k = 0; k < projections; k++) {
            weightSampleMs[k] = nextWeightSample(k);
            firstWeightSampleMs = Math.min(firstWeightSampleMs, weightSampleMs[k]);
        }
    }

    /**
     * The number of threads to run {@code net} on when {@code requested} are asked for: that many
     * (at most one per neuron), or where {@code requested} is 0 (auto), one per
     * {@link #AUTO_SYNAPSES_PER_THREAD} synapses, up to the cores the machine's load leaves idle
     * ({@link Team#idleCores}), and one where the smallest delay is below
     * {@link #AUTO_MIN_INTERVAL_MS}.
     */
    public static int resolve(BuiltNetwork net, int requested) {
        if (requested > 0) {
            return Math.max(1, Math.min(requested, net.neuronCount));
        }
        if (smallestDelayMs(net) < AUTO_MIN_INTERVAL_MS) {
            return 1;
        }
        long bySize = net.synapseCount() / AUTO_SYNAPSES_PER_THREAD;
        return (int) Math.max(1, Math.min(bySize, Team.idleCores()));
    }

    /** The smallest delay of any synapse, +infinity without synapses. */
    private static double smallestDelayMs(BuiltNetwork net) {
        double d = Double.POSITIVE_INFINITY;
        for (double x : net.groupDelayMs) {
            d = Math.min(d, x);
        }
        for (double x : net.plasticDelayMs) {
            d = Math.min(d, x);
        }
        return d;
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

    @Override
    public int threads() {
        return lockstep.threads();
    }

    /**
     * Runs the intervals up to {@code untilMs}: in each, every partition first schedules the
     * deliveries of the last interval's spikes, then runs its events; then the interval's spikes
     * are exchanged ({@link #exchange}).
     */
    @Override
    protected void advance(double untilMs) {
        lockstep.start(this::runPartition);
        try {
            while (timeMs < untilMs) {
                double end = Math.min(nextBoundary(timeMs), untilMs);
                prepareSamples(end);
                intervalEndMs = end;
                lockstep.step();
                exchange(end);
                commitSamples();
                timeMs = end;
            }
        } finally {
            lockstep.stop();
        }
        long events = 0;
        long synaptic = 0;
        for (Partition p : partitions) {
            events += p.eventsProcessed;
            synaptic += p.synapticEvents;
        }
        eventsProcessed = events;
        synapticEvents = synaptic;
        timeMs = untilMs;
    }

    private void runPartition(int index) {
        Partition p = partitions[index];
        p.scheduleDeliveries(spikeTime, spikeNeuron, spikeSent, spikeWeights, spikeCount);
        p.runInterval(timeMs, intervalEndMs, samples);
    }

    /** The first multiple of the interval after t. */
    private double nextBoundary(double t) {
        long k = (long) Math.floor(t / intervalMs) + 1;
        while (k * intervalMs <= t) {
            k++;
        }
        return k * intervalMs;
    }

    /** Lists the v samples due before {@code end}, in time order, populations in order at equal times. */
    private void prepareSamples(double end) {
        samples.count = 0;
        if (!recordsV) {
            return;
        }
        int pops = net.network.populations().size();
        int[] taken = samplesTaken;
        Arrays.fill(taken, 0);
        while (true) {
            int best = -1;
            double bestTime = end;
            for (int p = 0; p < pops; p++) {
                if (recorder.recordsV(p)) {
                    // the k-th sample at k * interval, so that times do not accumulate rounding
                    double t = (recorder.vSampleCount(p) + taken[p]) * recorder.vIntervalMs(p);
                    if (t < bestTime) {
                        best = p;
                        bestTime = t;
                    }
                }
            }
            if (best < 0) {
                return;
            }
            taken[best]++;
            samples.add(bestTime, best, net.network.populations().get(best).size());
        }
    }

    private void commitSamples() {
        for (int i = 0; i < samples.count; i++) {
            double[] row = samples.row[i];
            int from = net.populationStart[samples.population[i]];
            recorder.sampleV(samples.population[i], samples.timeMs[i], g -> row[g - from]);
        }
    }

    /**
     * The end of an interval: its spikes from every partition, put in the canonical order (time,
     * then neuron; see the class comment), are recorded and run the STDP rule for their plastic
     * synapses, with the weight samples due between them; their deliveries are scheduled when the
     * next interval starts.
     */
    private void exchange(double end) {
        int count = 0;
        for (Partition p : partitions) {
            count += p.firedCount;
        }
        if (order.length < count) {
            int cap = Math.max(count, 2 * order.length);
            spikeTime = new double[cap];
            spikeNeuron = new int[cap];
            spikeSent = new int[cap];
            order = new int[cap];
            scratch = new int[cap];
            firedTime = new double[cap];
            firedNeuron = new int[cap];
        }
        int at = 0;
        for (Partition p : partitions) {
            for (int i = 0; i < p.firedCount; i++) {
                firedTime[at] = p.firedTime(i);
                firedNeuron[at] = p.firedNeuron(i);
                order[at] = at;
                at++;
            }
        }
        sortStable(order, scratch, count, firedTime, firedNeuron);
        int weights = 0;
        for (int i = 0; i < count; i++) {
            double t = firedTime[order[i]];
            int g = firedNeuron[order[i]];
            takeWeightSamplesBefore(t);
            spikeTime[i] = t;
            spikeNeuron[i] = g;
            spikeSent[i] = -1;
            recorder.spike(g, t);
            plasticity.postSpike(g, t);
            int from = net.plasticRowStart[g];
            int to = net.plasticRowStart[g + 1];
            if (from == to) {
                continue;
            }
            if (t < plasticBusyUntil[g]) {
                // a grouped delivery of g's plastic synapses may still read sentWeight: one delivery
                // per synapse, carrying its weight
                if (spikeWeights.length < weights + to - from) {
                    spikeWeights = Arrays.copyOf(spikeWeights, Math.max(2 * spikeWeights.length, weights + to - from));
                }
                spikeSent[i] = weights;
                for (int s = from; s < to; s++) {
                    spikeWeights[weights++] = plasticity.preSpike(s, t);
                }
                continue;
            }
            double latest = t;
            for (int s = from; s < to; s++) {
                double w = plasticity.preSpike(s, t);
                sentWeight[s] = net.plasticInhibitory[s] ? -w : w;
                latest = Math.max(latest, t + net.plasticDelayMs[s]);
            }
            plasticBusyUntil[g] = latest;
        }
        spikeCount = count;
        takeWeightSamplesBefore(end);
    }

    /**
     * Takes the weight samples due before t, in time order, projections in order at equal times
     * (those at t come after the spikes of t).
     */
    private void takeWeightSamplesBefore(double t) {
        while (firstWeightSampleMs < t) {
            int best = -1;
            for (int k = 0; k < weightSampleMs.length; k++) {
                if (weightSampleMs[k] < t && (best < 0 || weightSampleMs[k] < weightSampleMs[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                return;
            }
            double at = weightSampleMs[best];
            takeWeightSample(best, at, at);
            weightSampleMs[best] = Math.max(nextWeightSample(best), at);
            firstWeightSampleMs = Double.POSITIVE_INFINITY;
            for (double x : weightSampleMs) {
                firstWeightSampleMs = Math.min(firstWeightSampleMs, x);
            }
        }
    }

    /**
     * Sorts {@code idx[0..count)} by (time, neuron) of the entries it points to, keeping the given
     * order where both are equal: a bottom-up merge sort, with {@code tmp} as room.
     */
    private static void sortStable(int[] idx, int[] tmp, int count, double[] time, int[] neuron) {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = !before(time, neuron, idx[i], idx[i - 1]);
        }
        if (sorted) {
            return; // the usual case on one thread
        }
        int[] from = idx;
        int[] to = tmp;
        for (int width = 1; width < count; width *= 2) {
            for (int lo = 0; lo < count; lo += 2 * width) {
                int mid = Math.min(lo + width, count);
                int hi = Math.min(lo + 2 * width, count);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || !before(time, neuron, from[b], from[a]))) {
                        to[k] = from[a++];
                    } else {
                        to[k] = from[b++];
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != idx) {
            System.arraycopy(from, 0, idx, 0, count);
        }
    }

    /** Whether entry x comes strictly before entry y by (time, neuron). */
    private static boolean before(double[] time, int[] neuron, int x, int y) {
        return time[x] < time[y] || (time[x] == time[y] && neuron[x] < neuron[y]);
    }
}
