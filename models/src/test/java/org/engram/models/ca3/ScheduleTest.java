package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.error.InvalidNetworkException;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static TimedOperation at(double t, Operation op) {
        return new TimedOperation(t, op);
    }

    @Test
    void recognisesTheOperationsOfTheFunctionalExperiment() {
        // the bench's inputs, read by eye: three learns, recalls by cue and content, a re-learn
        Schedule s = Schedule.of(ReferenceFiles.bench("exp1_functional"));
        assertEquals(List.of(
                at(0, new Operation.Learn(0, List.of(0, 1, 8, 9))),
                at(10, new Operation.Learn(4, List.of(1, 5, 6))),
                at(20, new Operation.Learn(3, List.of(4, 5, 6))),
                at(30, new Operation.RecallByCue(0)),
                at(40, new Operation.RecallByContent(List.of(6))),
                at(50, new Operation.RecallByContent(List.of(0, 4))),
                at(60, new Operation.Learn(3, List.of(1, 3, 4, 8))),
                at(70, new Operation.RecallByCue(3)),
                at(80, new Operation.RecallByContent(List.of(6)))), s.operations());
        assertEquals(90, s.simTimeMs());
    }

    @Test
    void recognisesSixtyOperationsInTheStressTestAndThirtyTwoLearnsAndRecallsInTheMap() {
        Schedule s = Schedule.of(ReferenceFiles.bench("exp2_stress"));
        assertEquals(60, s.operations().size());
        assertTrue(s.operations().stream().noneMatch(t -> t.operation() instanceof Operation.Unrecognised));
        for (int k = 0; k < 60; k++) {
            assertEquals(1 + 14 * k, s.operations().get(k).startMs(), "operation " + k);
        }
        assertEquals(new Operation.Learn(2, List.of(0, 1)), s.operations().get(2).operation(), "c2 = binary(3)");
        Schedule map = Schedule.of(ReferenceFiles.bench("exp3_state_map"));
        assertEquals(20, map.operations().size());
        assertEquals(at(112, new Operation.RecallByContent(List.of(1, 2, 4))), map.operations().get(16));
    }

    @Test
    void aBuiltScheduleGoesToSpikesAndBackUnchanged() {
        Schedule s = Schedule.builder(4, 6).learn(0, 1, 2).learn(3, 2, 5).recallByCue(0).recallByContent(2, 5)
                .learn(0, 4).recallByCue(0).build();
        assertEquals(List.of(0.0, 7.0, 14.0, 20.0, 26.0, 33.0),
                s.operations().stream().map(TimedOperation::startMs).toList(), "7 ms after a learn, 6 after a recall");
        Schedule back = Schedule.of(s.toTestBench());
        assertEquals(s, back);
        assertEquals(43, s.simTimeMs());
    }

    @Test
    void learnHoldsItsInputThreeMilliseconds() {
        TestBench b = Schedule.builder(2, 3).learn(1, 0, 2).recallByContent(2).build().toTestBench();
        assertEquals(0, b.cueTimes()[0].length);
        assertEquals(List.of(0.0, 1.0, 2.0), java.util.Arrays.stream(b.cueTimes()[1]).boxed().toList());
        assertEquals(List.of(0.0, 1.0, 2.0, 7.0), java.util.Arrays.stream(b.contTimes()[2]).boxed().toList());
    }

    @Test
    void anOperationTooSoonAfterTheLastIsRejected() {
        Schedule.Builder b = Schedule.builder(2, 2).learn(0, 1);
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class,
                () -> b.at(6, new Operation.RecallByCue(0)));
        assertTrue(e.getMessage().contains("expected >= 7 ms"), e.getMessage());
        b.at(7, new Operation.RecallByCue(0));
        assertThrows(InvalidNetworkException.class, () -> b.at(12, new Operation.RecallByCue(1)));
    }

    @Test
    void indicesOutOfRangeAndEmptyContentsAreRejected() {
        assertThrows(InvalidNetworkException.class, () -> Schedule.builder(2, 2).learn(2, 0).build());
        assertThrows(InvalidNetworkException.class, () -> Schedule.builder(2, 2).recallByContent(2).build());
        assertThrows(InvalidNetworkException.class, () -> Schedule.builder(2, 2).learn(0));
        assertThrows(InvalidNetworkException.class, () -> Schedule.builder(2, 2).recallByContent(List.of()));
    }

    @Test
    void outputWindowsNeverOverlapAndCoverEachOperationsResponse() {
        Schedule s = Schedule.builder(3, 3).learn(0, 1).recallByCue(0).recallByContent(1).learn(1, 2).build();
        for (int k = 0; k < s.operations().size(); k++) {
            double start = s.operations().get(k).startMs();
            assertEquals(start + 5, s.windowStartMs(k));
            assertTrue(s.windowEndMs(k) >= start + 8, "a learn's last output, at +7 ms, is inside");
            if (k > 0) {
                assertTrue(s.windowStartMs(k) >= s.windowEndMs(k - 1), "window " + k + " overlaps the previous one");
            }
        }
    }

    @Test
    void unrecognisedInputIsKeptAsSuch() {
        // two cues held together, and a cue held for two ms: neither is an operation of the memory
        TestBench b = new TestBench(30, List.of(new double[] {0, 10, 11}, new double[] {0}), List.of(new double[] {}));
        Schedule s = Schedule.of(b);
        assertEquals(List.of(at(0, new Operation.Unrecognised(List.of(0, 1), List.of(), 1)),
                at(10, new Operation.Unrecognised(List.of(0), List.of(), 2))), s.operations());
    }
}
