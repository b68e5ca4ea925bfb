package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ACC and BWT by their GEM/GPM definitions on hand-made matrices, the protocol's checks, and a tiny
 * run's matrix, steps and curves.
 */
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
    void circuitsStartWithTheirInitialNeuronsThenGrowUpToTheInputWidth() {
        PermutedTasks.Lateral lateral = new PermutedTasks.Lateral(new int[] {78, 64}, new int[] {70, 30},
                new double[] {0.01, 0.05}, new int[] {5, 5});
        assertEquals(78, lateral.added(0, 784, 0, 0));
        assertEquals(70, lateral.added(0, 784, 1, 78));
        assertEquals(30, lateral.added(1, 256, 3, 200));
        assertEquals(6, lateral.added(1, 256, 4, 250), "capped by the layer's width");
        assertEquals(0, lateral.added(1, 256, 5, 256));
    }

    @Test
    void aRunScoresOnlyLearntTasksReportsEveryStepAndEveryEpoch() {
        SplittableRandom random = new SplittableRandom(3);
        Digits train = twoBlobs(96, random);
        Digits test = twoBlobs(40, random);
        PermutedTasks setup = new PermutedTasks(3, new int[] {12}, 2, 4, 32, 0.5, LATERAL, 9);
        List<PermutedTasks.Step> steps = new ArrayList<>();
        PermutedTasks.Result r = setup.run(PermutedTasks.Method.HLOP, train, test, true, steps::add);

        double[][] m = r.matrix();
        assertEquals(3, m.length);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(i > j, Double.isNaN(m[j][i]), "R[" + j + "][" + i + "] = " + m[j][i]);
            }
        }
        assertEquals(PermutedTasks.acc(m), r.acc(), 0.0);
        // 96 digits in batches of 32, two epochs, three tasks: 3 steps an epoch
        assertEquals(18, steps.size());
        PermutedTasks.Step last = steps.get(steps.size() - 1);
        assertEquals(2, last.task());
        assertEquals(1, last.epoch());
        assertEquals(192, last.done());
        assertEquals(192, last.total());
        assertEquals(1, steps.get(3).epoch(), "the first step of the second epoch");
        assertEquals(96 + 32, steps.get(3).done());
        assertEquals(1, steps.get(6).task());
        assertEquals(32, steps.get(6).done(), "a task counts its own digits");
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, r.curves().progress(), 1e-12);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(m[j], r.curves().accuracy()[2 * j + 1], 0.0, "the task's last epoch is R's row");
        }
        assertTrue(m[2][2] > 80, "learns the blobs: " + m[2][2]);

        PermutedTasks.Result joint = setup.run(PermutedTasks.Method.MULTITASK, train, test, false, step -> { });
        assertEquals(1, joint.matrix().length);
        assertTrue(Arrays.stream(joint.matrix()[0]).noneMatch(Double::isNaN), "joint training scores every task");
        assertTrue(Double.isNaN(joint.bwt()));
        assertNull(joint.curves());
    }

    @Test
    void theSameSeedGivesTheSameMatrix() {
        SplittableRandom random = new SplittableRandom(4);
        Digits train = twoBlobs(64, random);
        Digits test = twoBlobs(20, random);
        PermutedTasks setup = new PermutedTasks(2, new int[] {8}, 1, 3, 16, 0.5, LATERAL, 5);
        double[][] a = setup.run(PermutedTasks.Method.BASELINE, train, test, false, PermutedTasks.Listener.NONE).matrix();
        double[][] b = setup.run(PermutedTasks.Method.BASELINE, train, test, false, PermutedTasks.Listener.NONE).matrix();
        assertTrue(Arrays.deepEquals(a, b));
    }

    private static final PermutedTasks.Lateral LATERAL = new PermutedTasks.Lateral(new int[] {4, 3},
            new int[] {4, 3}, new double[] {0.01, 0.05}, new int[] {2, 2});

    /** 20-pixel inputs: label 0 lights the first half, label 1 the second. */
    private static Digits twoBlobs(int count, SplittableRandom random) {
        double[][] pixels = new double[count][20];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            for (int j = 0; j < 10; j++) {
                pixels[i][labels[i] * 10 + j] = 0.5 + 0.5 * random.nextDouble();
            }
        }
        return new Digits(pixels, labels);
    }

    @Test
    void badSetupsNameTheField() {
        var e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks(0, new int[] {8}, 1, 2, 4, 0.1, LATERAL, 1));
        assertEquals("PermutedTasks: tasks 0; expected at least 1", e.getMessage());
        e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks(2, new int[] {8, 0}, 1, 2, 4, 0.1, LATERAL, 1));
        assertEquals("PermutedTasks: hidden size 0; expected at least 1", e.getMessage());
        e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks(2, new int[] {8, 8}, 1, 2, 4, 0.1, LATERAL, 1));
        assertEquals("PermutedTasks: lateral circuits 2; expected 3 (one per weight layer: the input and each hidden"
                + " layer)", e.getMessage());
        e = assertThrows(InvalidHlopException.class, () -> new PermutedTasks.Lateral(new int[] {4, 0}, new int[] {1, 1},
                new double[] {0.1, 0.1}, new int[] {1, 1}));
        assertEquals("Lateral: initial neurons of layer 1 0; expected at least 1", e.getMessage());
    }
}
