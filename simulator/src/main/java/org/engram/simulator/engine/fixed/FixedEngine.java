package org.engram.simulator.engine.fixed;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.engine.core.RecordingEngine;
import org.engram.simulator.engine.core.Team;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;

/**
 * Runs the cores of a {@link FixedNetwork} in-process, in lockstep: each step every core steps,
 * then every key sent is delivered to the cores that listen to it (those whose population table
 * has an entry for the sender's slice), as SpiNNaker's routers would. Spikes are recorded at
 * {@code step * dt} from the cores' spike bitfields, membrane potentials after the step from their
 * S16.15 words, weights as the cores hold them.
 *
 * <p>Threads: the cores are shared among the threads in contiguous runs. Each step every thread
 * steps its cores, the threads meet, and each delivers every key sent, senders in order, to those
 * of its cores that listen: a core receives the same keys in the same order on any number of
 * threads, and its state is its own, so the results are the same for any number.
 */
public final class FixedEngine extends RecordingEngine {
    /**
     * The fewest synapses for which {@link #resolve} chooses more than one thread: below it, two
     * barriers a step cost more than a second thread saves (as in grid mode, where the barrier is
     * every two steps of the benchmarks, see bench/RESULTS.md).
     */
    static final long AUTO_MIN_SYNAPSES = 4_000_000;

    private final FixedNetwork fixed;
    private final Core[] cores;
    private final List<Slice> slices;
    /** Per core: the indices of the cores that listen to its keys, ascending. */
    private final int[][] targets;
    private final int[] sent;
    private final double dt;
    private final Team team;
    /** The first core of each thread, and the number of cores at the end. */
    private final int[] firstCore;
    private long lastStep;
    private int step;

    /** On one thread. */
    public FixedEngine(Network network, double dtMs, FixedOptions options) {
        this(network, dtMs, options, 1);
    }

    /**
     * @param requestedThreads the threads to run the cores on, or 0 to choose from the network's size
     */
    public FixedEngine(Network network, double dtMs, FixedOptions options, int requestedThreads) {
        this(FixedNetwork.build(network, dtMs, options), requestedThreads);
    }

    private FixedEngine(FixedNetwork fixed, int requestedThreads) {
        super(fixed.built());
        this.fixed = fixed;
        this.dt = fixed.dtMs();
        this.cores = fixed.cores().toArray(new Core[0]);
        this.slices = fixed.slices();
        this.sent = new int[cores.length];
        targets = new int[cores.length][];
        for (int s = 0; s < cores.length; s++) {
            int key = cores[s].firstKey();
            targets[s] = java.util.stream.IntStream.range(0, cores.length)
                    .filter(c -> cores[c] instanceof NeuronCore n && n.matrix().row(key) >= 0).toArray();
        }
        int threads = resolve(fixed.built().synapseCount(), requestedThreads);
        team = new Team(threads);
        firstCore = new int[threads + 1];
        for (int m = 0; m <= threads; m++) {
            firstCore[m] = (int) ((long) cores.length * m / threads);
        }
    }

    /**
     * The threads to run on when {@code requested} (0: choose) are asked for: one below
     * {@link #AUTO_MIN_SYNAPSES} synapses, else one per idle core ({@link Team#idleCores}).
     */
    static int resolve(long synapses, int requested) {
        return requested > 0 ? requested : synapses < AUTO_MIN_SYNAPSES ? 1 : Team.idleCores();
    }

    @Override
    public int threads() {
        return team.size();
    }

    /** The precision warnings of the layout, as text. */
    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        fixed.warnings().forEach(w -> out.add(w.subject() + ": " + w.message()));
        long saturations = 0;
        for (Core c : cores) {
            if (c instanceof NeuronCore n) {
                saturations += n.saturations();
            }
        }
        if (saturations > 0) {
            out.add("ring buffers saturated " + saturations + " times: inputs summed beyond the 16-bit word");
        }
        return out;
    }

    @Override
    protected String modeName() {
        return "fixed";
    }

    @Override
    protected double dtMs() {
        return dt;
    }

    @Override
    protected void advance(double untilMs) {
        long last = Math.round(untilMs / dt);
        if (last > Integer.MAX_VALUE) {
            throw new InvalidNetworkException("fixed mode counts steps in 32 bits: " + untilMs + " ms is " + last
                    + " steps of " + dt + " ms");
        }
        if (step < last) {
            lastStep = last;
            team.run(this::work);
        }
        timeMs = untilMs;
        synapticEvents = synapses();
    }

    /**
     * One thread's steps: its cores step; at a barrier the spikes are recorded; it delivers the
     * keys to its cores; at a barrier the samples are taken.
     */
    private void work(int thread) {
        int from = firstCore[thread];
        int to = firstCore[thread + 1];
        while (step < lastStep) {
            for (int s = from; s < to; s++) {
                sent[s] = cores[s].step();
            }
            team.await(this::recordSpikes);
            for (int s = 0; s < cores.length; s++) {
                int[] keys = cores[s].emitted();
                for (int c : targets[s]) {
                    if (c >= from && c < to) {
                        for (int k = 0; k < sent[s]; k++) {
                            cores[c].receive(keys[k]);
                        }
                    }
                }
            }
            team.await(() -> {
                sample(step * dt);
                step++;
            });
        }
    }

    /** Records the spikes of the step just run; cores are in population and slice order, so in neuron order. */
    private void recordSpikes() {
        double t = step * dt;
        for (int s = 0; s < cores.length; s++) {
            eventsProcessed += cores[s].size();
            recordSpikes(s, t);
        }
    }

    private void recordSpikes(int s, double t) {
        int[] bits = cores[s].spikeBits();
        int first = slices.get(s).firstGlobal();
        for (int w = 0; w < bits.length; w++) {
            for (int word = bits[w]; word != 0; word &= word - 1) {
                recorder.spike(first + 32 * w + Integer.numberOfTrailingZeros(word), t);
            }
        }
    }

    private void sample(double t) {
        for (int p = 0; p < net.network.populations().size(); p++) {
            if (recorder.recordsV(p)) {
                long every = Math.max(1, Math.round(recorder.vIntervalMs(p) / dt));
                if (step % every == 0) {
                    recorder.sampleV(p, t, this::v);
                }
            }
        }
        for (int k = 0; k < net.network.projections().size(); k++) {
            double next;
            while ((next = nextWeightSample(k)) != Double.POSITIVE_INFINITY && Math.round(next / dt) <= step) {
                takeWeightSample(k, next, t);
            }
        }
    }

    /** The membrane potential of a global neuron, mV (0 for a spike source, as in the other engines). */
    private double v(int g) {
        int s = fixed.sliceOf(g);
        return cores[s] instanceof NeuronCore n ? FixedPoint.toDouble(n.v()[g - slices.get(s).firstGlobal()]) : 0;
    }

    @Override
    protected double[] weightsOf(int k, double t) {
        return fixed.weights(k, (int) Math.round(t / dt));
    }

    /** Synapses processed so far, for the run figures. */
    private long synapses() {
        long total = 0;
        for (Core c : cores) {
            if (c instanceof NeuronCore n) {
                total += n.synapticEvents();
            }
        }
        return total;
    }
}
