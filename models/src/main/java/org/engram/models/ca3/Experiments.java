package org.engram.models.ca3;

/**
 * The original work's experiments written as schedules, so that they run without the bench files.
 * {@code ExperimentsTest} checks each against the original bench, spike for spike.
 */
public final class Experiments {
    private Experiments() {}

    /**
     * Experiment 1, functional ({@code 1_learn_recall_by_cue_and_cont_forget}): C=5, N=10, one
     * operation every 10 ms, 90 ms. Learns three overlapping memories, recalls by cue and by
     * content, re-learns memory 3 (forgetting its old bits) and recalls again.
     */
    public static Schedule functional() {
        Schedule.Builder b = Schedule.builder(5, 10);
        b.at(0, new Operation.Learn(0, java.util.List.of(0, 1, 8, 9)));
        b.at(10, new Operation.Learn(4, java.util.List.of(1, 5, 6)));
        b.at(20, new Operation.Learn(3, java.util.List.of(4, 5, 6)));
        b.at(30, new Operation.RecallByCue(0));
        b.at(40, new Operation.RecallByContent(java.util.List.of(6)));
        b.at(50, new Operation.RecallByContent(java.util.List.of(0, 4)));
        b.at(60, new Operation.Learn(3, java.util.List.of(1, 3, 4, 8)));
        b.at(70, new Operation.RecallByCue(3));
        b.at(80, new Operation.RecallByContent(java.util.List.of(6)));
        return b.tailMs(10).build();
    }
}
