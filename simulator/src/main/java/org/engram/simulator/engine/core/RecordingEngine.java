package org.engram.simulator.engine.core;

import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Projection;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingLayout;
import org.engram.simulator.record.RecordingSink;
import org.engram.simulator.record.RunStats;

/**
 * What every engine shares: the built network, the recorder, run bookkeeping, connection and
 * weight read-out, and the weight-sampling schedule. Subclasses advance time and say what the
 * weights are now ({@link EngineBase} from double-precision plastic state, the fixed-point
 * engine from its cores).
 */
public abstract class RecordingEngine implements Engine {
    protected final BuiltNetwork net;
    protected final Recorder recorder;
    /** Per projection: the next weight sample index (for explicit times) or count (for intervals). */
    private final int[] weightSampleCursor;
    protected double timeMs;
    protected long eventsProcessed;
    protected long synapticEvents;
    private double wallSeconds;

    protected RecordingEngine(BuiltNetwork net) {
        this.net = net;
        this.recorder = new Recorder(net);
        this.weightSampleCursor = new int[net.network.projections().size()];
    }

    @Override
    public final void run(double durationMs) {
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new InvalidNetworkException("run time " + durationMs + " ms; expected a finite time >= 0");
        }
        long t0 = System.nanoTime();
        advance(timeMs + durationMs);
        wallSeconds += (System.nanoTime() - t0) / 1e9;
    }

    /** Advances to {@code untilMs}; events at exactly {@code untilMs} belong to the next call. */
    protected abstract void advance(double untilMs);

    /** Mode name and step for the run figures. */
    protected abstract String modeName();

    protected abstract double dtMs();

    /** The weights of projection {@code k} in connection order, in the state at {@code t}. */
    protected abstract double[] weightsOf(int k, double t);

    @Override
    public final double timeMs() {
        return timeMs;
    }

    @Override
    public final Recording recording() {
        return recorder.snapshot(stats());
    }

    @Override
    public final RunStats stats() {
        return new RunStats(modeName(), dtMs(), timeMs, wallSeconds, net.neuronCount, net.synapseCount(),
                recorder.totalSpikes(), eventsProcessed, synapticEvents);
    }

    @Override
    public final RecordingLayout recordingLayout() {
        return recorder.layout();
    }

    @Override
    public final void recordTo(RecordingSink sink) {
        recorder.recordTo(sink);
    }

    @Override
    public final double[] weights(String projection) {
        return weightsOf(net.projectionIndex(projection), timeMs);
    }

    @Override
    public final int[][] connections(String projection) {
        BuiltNetwork.Connections c = net.connections(net.projectionIndex(projection));
        return new int[][] {c.pre(), c.post()};
    }

    /**
     * The time of projection {@code k}'s next weight sample, or +infinity: samples at
     * {@code 0, interval, 2 interval, ...} or at the given times.
     */
    protected final double nextWeightSample(int k) {
        Projection.WeightRecording w = net.network.projections().get(k).recordWeights();
        if (w == null) {
            return Double.POSITIVE_INFINITY;
        }
        int c = weightSampleCursor[k];
        if (w.timesMs() != null) {
            double[] times = w.timesMs();
            return c < times.length ? times[c] : Double.POSITIVE_INFINITY;
        }
        return c * w.intervalMs();
    }

    /** Takes projection {@code k}'s next weight sample, labelled {@code t}, from the state at {@code stateTime}. */
    protected final void takeWeightSample(int k, double t, double stateTime) {
        recorder.sampleWeights(k, t, weightsOf(k, stateTime));
        weightSampleCursor[k]++;
    }
}
