package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.engram.models.ca3.OperationResult.OutputSpike;
import org.junit.jupiter.api.Test;

/**
 * The decoded outputs of the three experiments on the 1 ms grid, against the outputs recorded on
 * SpiNNaker as ca3-cam.md §5 lists them (read from the hardware tables).
 */
class DecodedOutputsTest {

    @Test
    void functionalExperimentLearnsRecallsAndForgetsAsOnTheHardware() {
        List<OperationResult> r = Ca3Run.of(ReferenceFiles.bench("exp1_functional")).results();
        // learn: cue and content at +5 and +7
        assertEquals(List.of(new OutputSpike(0, 5), new OutputSpike(0, 7)), r.get(0).cueSpikes());
        assertEquals(List.of(0, 1, 8, 9), r.get(0).bits());
        // @30 recall by cue 0: cue 0 at 35, content {0,1,8,9} at 36
        assertEquals(List.of(new OutputSpike(0, 35)), r.get(3).cueSpikes());
        assertEquals(List.of(new OutputSpike(0, 36), new OutputSpike(1, 36), new OutputSpike(8, 36),
                new OutputSpike(9, 36)), r.get(3).contSpikes());
        // @40 content {6} -> cues {3,4} at 46; @50 {0,4} -> {0,3} at 56
        assertEquals(List.of(new OutputSpike(3, 46), new OutputSpike(4, 46)), r.get(4).cueSpikes());
        assertEquals(List.of(new OutputSpike(6, 45)), r.get(4).contSpikes(), "the fragment is echoed at +5");
        assertEquals(List.of(0, 3), r.get(5).recalledCues());
        // @60 re-learn c3 = {1,3,4,8}: old bits {5,6} leak once at 66
        assertEquals(List.of(5, 6), r.get(6).forgottenBits());
        assertEquals(List.of(new OutputSpike(5, 66), new OutputSpike(6, 66)),
                r.get(6).contSpikes().stream().filter(s -> s.timeMs() == 66).toList());
        // @70 recall cue 3 -> {1,3,4,8} at 76; @80 content {6} -> cue 4 only at 86: c3 forgot bit 6
        assertEquals(List.of(1, 3, 4, 8), r.get(7).recalledContent());
        assertEquals(List.of(new OutputSpike(4, 86)), r.get(8).cueSpikes());
    }

    @Test
    void stressExperimentGivesTheExpectedCuesForEveryContentBitInEachBlock() {
        List<OperationResult> r = Ca3Run.of(ReferenceFiles.bench("exp2_stress")).results();
        // each block: 5 learns, 5 recalls by cue, 10 recalls by content (bits 0..9)
        for (int block = 0; block < 3; block++) {
            IdealMemory ideal = new IdealMemory();
            for (int i = 0; i < 5; i++) {
                int value = block == 1 ? ~(i + 1) & 0x3FF : i + 1; // binary(i+1), complemented in block 2
                ideal.learn(i, bitsOf(value));
            }
            for (int i = 0; i < 5; i++) {
                OperationResult cue = r.get(20 * block + 5 + i);
                assertEquals(ideal.recallByCue(i), cue.recalledContent(), cue.operation().describe());
            }
            for (int k = 0; k < 10; k++) {
                OperationResult cont = r.get(20 * block + 10 + k);
                Operation.RecallByContent op = (Operation.RecallByContent) cont.operation().operation();
                assertEquals(List.of(k), op.bits());
                assertEquals(ideal.recallByContent(op.bits()), cont.recalledCues(), cont.operation().describe());
            }
        }
        // the examples of ca3-cam.md §5
        assertEquals(List.of(0, 2, 4), r.get(10).recalledCues(), "bit 0");
        assertEquals(List.of(1, 3), r.get(30).recalledCues(), "bit 0 after the complement");
        assertEquals(List.of(0, 1, 2, 3, 4), r.get(39).recalledCues(), "bit 9 after the complement");
        assertEquals(List.of(), r.get(59).recalledCues(), "bit 9 after the re-complement");
        // every re-learn of blocks 2 and 3 leaks exactly the old bits it erases
        for (int k = 20; k < 60; k += 20) {
            for (int i = 0; i < 5; i++) {
                OperationResult learn = r.get(k + i);
                java.util.Set<Integer> lost = new java.util.TreeSet<>(bitsOf(k == 20 ? i + 1 : ~(i + 1) & 0x3FF));
                lost.removeAll(((Operation.Learn) learn.operation().operation()).bits());
                assertEquals(List.copyOf(lost), learn.forgottenBits(), learn.operation().describe());
            }
        }
    }

    private static List<Integer> bitsOf(int value) {
        return java.util.stream.IntStream.range(0, 10).filter(b -> (value >> b & 1) == 1).boxed().toList();
    }

    @Test
    void stateMapRecallsTheCellsOfEachState() {
        List<OperationResult> r = Ca3Run.of(ReferenceFiles.bench("exp3_state_map")).results();
        assertEquals(List.of(2, 6, 10, 12, 13, 14), r.get(16).recalledCues(), "start, goal or path");
        assertEquals(List.of(3, 5, 11, 15), r.get(17).recalledCues(), "free");
        assertEquals(List.of(1, 7, 9), r.get(18).recalledCues(), "obstacle");
        assertEquals(List.of(0, 4, 8), r.get(19).recalledCues(), "unknown");
    }
}
