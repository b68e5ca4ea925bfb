package org.engram.simulator.record;

import java.util.List;

/**
 * What a run records, fixed before it starts: the index space of a {@link RecordingSink}'s calls,
 * whose population {@code k} is {@code populations().get(k)} and projection {@code k}
 * {@code projections().get(k)}. Every population and projection of the network is listed, recorded
 * or not.
 */
public record RecordingLayout(List<PopulationLayout> populations, List<ProjectionLayout> projections) {
    public RecordingLayout {
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
    }

    /**
     * A population: its label, size and model; whether its spikes are recorded; the neurons whose v
     * is recorded (indices in the population, in the order of a {@link RecordingSink#membrane}
     * sample; empty when none) and their thresholds in mV.
     */
    public record PopulationLayout(String label, int size, String model, boolean spikes, int[] vNeurons,
            double[] vThresholdsMv) {
        public PopulationLayout {
            vNeurons = vNeurons.clone();
            vThresholdsMv = vThresholdsMv.clone();
            if (vNeurons.length != vThresholdsMv.length) {
                throw new IllegalArgumentException(label + ": " + vNeurons.length + " neurons with v but "
                        + vThresholdsMv.length + " thresholds");
            }
        }

        /** Whether v is recorded. */
        public boolean v() {
            return vNeurons.length > 0;
        }

        @Override
        public int[] vNeurons() {
            return vNeurons.clone();
        }

        @Override
        public double[] vThresholdsMv() {
            return vThresholdsMv.clone();
        }
    }

    /**
     * A projection between two populations; where its weights are recorded, its connections in
     * connection order ({@code pre[c]} to {@code post[c]}, indices in the populations), else null.
     */
    public record ProjectionLayout(String label, String prePopulation, String postPopulation, int[] pre, int[] post) {
        public ProjectionLayout {
            if ((pre == null) != (post == null) || (pre != null && pre.length != post.length)) {
                throw new IllegalArgumentException(label + ": pre and post differ");
            }
            pre = pre == null ? null : pre.clone();
            post = post == null ? null : post.clone();
        }

        /** Whether its weights are recorded. */
        public boolean weights() {
            return pre != null;
        }

        @Override
        public int[] pre() {
            return pre == null ? null : pre.clone();
        }

        @Override
        public int[] post() {
            return post == null ? null : post.clone();
        }
    }
}
