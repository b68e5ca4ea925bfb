package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryTest {

    @Test
    void theFunctionalExperimentTellsWhatWasLearntRecalledAndForgotten() {
        List<String> story = Story.tell(Ca3Run.of(ReferenceFiles.bench("exp1_functional")).results());
        assertEquals(10, story.size());
        assertTrue(story.get(0).endsWith("learn   memory 0 = {0, 1, 8, 9}"), story.get(0));
        assertTrue(story.get(3).endsWith("recall  memory 0 by its cue -> content {0, 1, 8, 9}"), story.get(3));
        assertTrue(story.get(4).endsWith("recall  by content {6} -> memories {3, 4}"), story.get(4));
        assertTrue(story.get(6).endsWith("re-learn memory 3 = {1, 3, 4, 8} (was {4, 5, 6}): forgot {5, 6}"), story.get(6));
        assertTrue(story.get(8).endsWith("recall  by content {6} -> memories {4}"), story.get(8));
        assertEquals("9 of 9 operations gave what a perfect memory gives.", story.get(9));
    }

    @Test
    void aWrongOutputIsFlaggedWithWhatAPerfectMemoryGives() {
        TimedOperation op = new TimedOperation(10, new Operation.RecallByCue(1));
        TimedOperation learn = new TimedOperation(0, new Operation.Learn(1, List.of(2, 3)));
        OperationResult learnt = new OperationResult(learn, 5, 10, List.of(new OperationResult.OutputSpike(1, 5)),
                List.of(new OperationResult.OutputSpike(2, 5), new OperationResult.OutputSpike(3, 5)));
        OperationResult wrong = new OperationResult(op, 15, 20, List.of(new OperationResult.OutputSpike(1, 15)),
                List.of(new OperationResult.OutputSpike(2, 16)));
        List<String> story = Story.tell(List.of(learnt, wrong));
        assertTrue(story.get(1).endsWith("-> content {2}   [a perfect memory gives content {2, 3}]"), story.get(1));
        assertEquals("1 of 2 operations gave what a perfect memory gives.", story.get(2));
    }
}
