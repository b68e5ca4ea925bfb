package org.engram.simulator.engine.fixed;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.engine.core.RecordingEngine;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;

/**
 * Runs the cores of a {@link FixedNetwork} in-process, in lockstep: each step every core steps,
 * then every key sent is delivered to the cores that listen to it (those whose population table
 * has an entry for the sender's slice), as SpiNNaker's routers would. Spikes are recorded at
 * {@code step * dt} from the cores' spike bitfields, membrane potentials after the step from their
 * S16.15 words, weights as the cores hold them.
 */
public final class FixedEngine extends RecordingEngine {
    private final FixedNetwork fixed;
    private final Core[] cores;
    private final List<Slice> slices;
    /** Per core: the cores that listen to its keys. */
    private final Core[][] targets;
    private final int[] sent;
    private final double dt;
    private int step;

    /** On one thread. */
    public FixedEngine(Network network, double dtMs, FixedOptions options) {
        this(network, dtMs, options, 1);
    }

    /**
     * @param requestedThreads the threads to run the cores on, or 0 to choose from the network's size
     */
    public FixedEngine(Network network, double dtMs, FixedOptions options, int requestedThreads) {
        this(FixedNetwork.build(network, dtMs, options));
    }

    private FixedEngine(FixedNetwork fixed) {
        super(fixed.built());
        this.fixed = fixed;
        this.dt = fixed.dtMs();
        this.cores = fixed.cores().toArray(new Core[0]);
        this.slices = fixed.slices();
        this.sent = new int[cores.length];
        targets = new Core[cores.length][];
        for (int s = 0; s < cores.length; s++) {
            int key = cores[s].firstKey();
            List<Core> listening = new ArrayList<>();
            for (Core c : cores) {
                if (c instanceof NeuronCore n && n.matrix().row(key) >= 0) {
                    listening.add(c);
                }
            }
            targets[s] = listening.toArray(new Core[0]);
        }
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
        while (step < last) {
            step();
        }
        timeMs = untilMs;
        synapticEvents = synapses();
    }

    private void step() {
        double t = step * dt;
        for (int s = 0; s < cores.length; s++) {
            sent[s] = cores[s].step();
            eventsProcessed += cores[s].size();
        }
        // cores are in population and slice order, so spikes reach the recorder in neuron order
        for (int s = 0; s < cores.length; s++) {
            recordSpikes(s, t);
        }
        for (int s = 0; s < cores.length; s++) {
            int[] keys = cores[s].emitted();
            for (Core target : targets[s]) {
                for (int k = 0; k < sent[s]; k++) {
                    target.receive(keys[k]);
                }
            }
        }
        sample(t);
        step++;
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
