package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ACC and BWT by their GEM/GPM definitions on hand-made matrices, and the protocol's checks. */
class PermutedTasksTest {

    @Test
    void accIsTheMeanOfTheLastRowAndBwtTheMeanDropFromTheDiagonal() {
        double[][] r = {{90, 10, 12}, {70, 95, 9}, {60, 85, 97}};
        assertEquals((60 + 85 + 97) / 3.0, PermutedTasks.acc(r), 1e-12);
        assertEquals(((60 - 90) + (85 - 95)) / 2.0, PermutedTasks.bwt(r), 1e-12);
    }

    @Test
    void oneRowHasAnAccButNoBwt() {
        double[][] r = {{80, 90}};
        assertEquals(85, PermutedTasks.acc(r), 1e-12);
        assertTrue(Double.isNaN(PermutedTasks.bwt(r)));
        assertTrue(Double.isNaN(PermutedTasks.bwt(new double[][] {{80}})));
    }

    @Test
    void subspacesFollowTheReferenceFractionsAndNeverOutgrowTheInput() {
        assertEquals(78, PermutedTasks.subspaceSizes(0, 784, 0, 0));
        assertEquals(64, PermutedTasks.subspaceSizes(1, 256, 0, 0));
        assertEquals(32, PermutedTasks.subspaceSizes(2, 256, 0, 0));
        assertEquals(23, PermutedTasks.subspaceSizes(2, 256, 1, 32));
        assertEquals(6, PermutedTasks.subspaceSizes(1, 256, 4, 250));
        assertEquals(0, PermutedTasks.subspaceSizes(1, 256, 5, 256));
    }

    @Test
    void badSetupsNameTheField() {
        var e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks(0, new int[] {8}, 1, 2, 4, 0.1, 1));
        assertEquals("PermutedTasks: tasks 0; expected at least 1", e.getMessage());
        e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks(2, new int[] {8, 0}, 1, 2, 4, 0.1, 1));
        assertEquals("PermutedTasks: hidden size 0; expected at least 1", e.getMessage());
    }
}
