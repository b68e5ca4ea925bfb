package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.engine.Mode;
import org.junit.jupiter.api.Test;

/** A small, fast version of the study (the full one is {@code engram ca3 --study}). */
class CapacityStudyTest {

    @Test
    void underTheStressProtocolEveryOperationIsRightForSmallAndMixedSizes() {
        List<CapacityStudy.Row> rows = CapacityStudy.run(new int[] {5, 30}, new int[] {8, 30},
                List.of(CapacityStudy.STRESS), 7, Mode.grid, 1.0);
        assertEquals(4, rows.size());
        for (CapacityStudy.Row r : rows) {
            String at = r.cueSize() + "x" + r.contSize();
            assertEquals(r.cueRecalls(), r.cueRecallsCorrect(), at + " recall by cue");
            assertEquals(r.contentRecalls(), r.contentRecallsCorrect(), at + " recall by content");
            assertEquals(r.learns(), r.learnsCorrect(), at + " learn");
            assertTrue(r.cueRecalls() > 0 && r.contentRecalls() > 0 && r.learns() > r.cueSize(), at + " exercised all");
            assertEquals(3 * r.cueSize() + 4 * r.contSize() + 1 + 2 * (r.cueSize() + r.contSize()), r.neurons());
            assertTrue(r.wallSeconds() > 0);
        }
    }

    @Test
    void theRandomSequenceIsSeededAndMixesEveryOperationWithOverlappingContents() {
        Schedule a = CapacityStudy.randomSchedule(10, 10, 3, CapacityStudy.TWO_BITS);
        assertEquals(a, CapacityStudy.randomSchedule(10, 10, 3, CapacityStudy.TWO_BITS));
        assertEquals(30, a.operations().size());
        assertTrue(a.operations().stream().anyMatch(t -> t.operation() instanceof Operation.RecallByContent r
                && r.bits().size() == 2));
        Schedule tight = CapacityStudy.randomSchedule(10, 10, 3, CapacityStudy.TIGHT);
        for (int k = 1; k < tight.operations().size(); k++) {
            TimedOperation prev = tight.operations().get(k - 1);
            assertEquals(prev.startMs() + prev.operation().minGapMs(), tight.operations().get(k).startMs());
        }
    }

    @Test
    void tableAndCsvHaveOneLinePerRow() {
        List<CapacityStudy.Row> rows = CapacityStudy.run(new int[] {3}, new int[] {4, 5}, CapacityStudy.WORKLOADS, 1,
                Mode.grid, 1.0);
        assertEquals(6, rows.size());
        assertEquals(2 + 6, CapacityStudy.table(rows).lines().count());
        List<String> csv = CapacityStudy.csv(rows).lines().toList();
        assertEquals(7, csv.size());
        assertTrue(csv.get(1).startsWith("14 ms / 1 bit,14,1,3,4,"), csv.get(1));
    }
}
