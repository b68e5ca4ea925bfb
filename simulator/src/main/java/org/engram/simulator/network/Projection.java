package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;
import java.util.Arrays;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.synapse.SynapseType;

/**
 * PyNN's Projection: connections from {@code pre} to {@code post} made by a connector, with a
 * synapse type and a receptor. Inhibitory weights are positive, as in PyNN.
 *
 * @param label unique name in the network (default {@code pre->post})
 * @param recordWeights when to record this projection's weights, or null
 */
public record Projection(String label, Selection pre, Selection post, Connector connector, SynapseType synapse,
        Receptor receptor, WeightRecording recordWeights) {

    /** When to record weights: every {@code intervalMs} (from 0, inclusive), or at given times. */
    public record WeightRecording(double intervalMs, double[] timesMs) {
        public WeightRecording {
            if ((intervalMs > 0) == (timesMs != null)) {
                throw new InvalidNetworkException("record_weights: give either a positive interval_ms or times");
            }
            if (Double.isInfinite(intervalMs)) {
                throw new InvalidNetworkException("record_weights: interval_ms must be finite");
            }
            if (timesMs != null) {
                timesMs = timesMs.clone();
                for (double t : timesMs) {
                    if (!Double.isFinite(t) || t < 0) {
                        throw new InvalidNetworkException("record_weights: time " + t + " ms; expected finite >= 0");
                    }
                }
                Arrays.sort(timesMs);
            }
        }

        public static WeightRecording every(double intervalMs) {
            return new WeightRecording(intervalMs, null);
        }

        public static WeightRecording at(double... timesMs) {
            return new WeightRecording(0, timesMs);
        }

        @Override
        public double[] timesMs() {
            return timesMs == null ? null : timesMs.clone();
        }
    }

    public Projection {
        if (pre == null || post == null || connector == null || synapse == null) {
            throw new InvalidNetworkException("projection " + label + ": pre, post, connector and synapse are required");
        }
        if (receptor == null) {
            receptor = Receptor.excitatory;
        }
        if (label == null) {
            label = pre.describe() + "->" + post.describe();
        }
        if (post.population().cellType().isSource()) {
            throw new InvalidNetworkException("projection " + label + ": post population " + post.population().label()
                    + " is a spike source (" + post.population().cellType().modelName() + ") and cannot receive synapses");
        }
        try {
            connector.check(pre.size(), post.size());
        } catch (InvalidNetworkException e) {
            throw new InvalidNetworkException("projection " + label + ": " + e.getMessage());
        }
    }

    public Projection(Selection pre, Selection post, Connector connector, SynapseType synapse, Receptor receptor) {
        this(null, pre, post, connector, synapse, receptor, null);
    }

    /** A copy that records weights as given. */
    public Projection recordingWeights(WeightRecording when) {
        return new Projection(label, pre, post, connector, synapse, receptor, when);
    }

    /** A copy with another label. */
    public Projection withLabel(String newLabel) {
        return new Projection(newLabel, pre, post, connector, synapse, receptor, recordWeights);
    }
}
