package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A small hierarchy on 10 x 10 images: 4 x 4 windows every 3 pixels (3 x 3 level-1 macs). */
class HierarchyTest {
    private static final HierarchyParameters SHAPE = new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8);
    /** The same shape with macs that never freeze before all their weights are set. */
    private static final HierarchyParameters OPEN = new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8,
            HierarchyParameters.DEFAULT_PHI, 1, 1);

    private static List<Sdr> images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sdr> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(Sdr.random(100, 20, rng));
        }
        return images;
    }

    @Test
    void windowsCoverTheImageAndTheLastEndsAtTheEdge() {
        assertArrayEquals(new int[] {0, 3, 6}, SHAPE.windowStarts(10));
        assertEquals(9, SHAPE.level1Macs());
        assertArrayEquals(new int[] {0, 4, 6}, new HierarchyParameters(10, 10, 4, 4, 4, 8, 6, 8).windowStarts(10));
        assertEquals(64, new HierarchyParameters(28, 28, 7, 3, 8, 256, 48, 64).level1Macs());
        assertEquals(9 * 4 * 8, SHAPE.level2().n());
        assertEquals(9 * 4 * 8, SHAPE.level1Cells());
        assertEquals(HierarchyParameters.DEFAULT_PHI, SHAPE.level1().phi());
        assertTrue(SHAPE.level1().specific() && SHAPE.level2().gateOpen(1) && SHAPE.level2().gateOpen(SHAPE.level2().n()));
    }

    @Test
    void topCodesHaveOneWinnerPerModuleAndRepeatForTheSameSeed() {
        Hierarchy a = new Hierarchy(SHAPE, 5);
        Hierarchy b = new Hierarchy(SHAPE, 5);
        Hierarchy other = new Hierarchy(SHAPE, 6);
        List<Sdr> differ = new ArrayList<>();
        for (Sdr image : images(30, 1)) {
            HierarchyCode code = a.learn(image).orElseThrow();
            Sdr top = code.level2();
            assertEquals(6 * 8, top.size());
            assertEquals(6, top.activeCount());
            int[] cells = top.sparse();
            for (int q = 0; q < 6; q++) {
                assertEquals(q, cells[q] / 8, "one winner in module " + q);
            }
            assertEquals(SHAPE.level1Cells(), code.level1().size());
            assertEquals(code, b.learn(image).orElseThrow());
            if (!code.equals(other.learn(image).orElseThrow())) {
                differ.add(image);
            }
        }
        assertNotEquals(0, differ.size(), "another seed draws other codes");
    }

    @Test
    void level1CodesHoldOneWinnerPerModuleOfEachMacWhoseWindowHasInk() {
        Hierarchy h = new Hierarchy(SHAPE, 2);
        // ink at pixel (0, 0) only: mac 0's window alone sees it
        HierarchyCode code = h.learn(Sdr.ofSparse(100, 0)).orElseThrow();
        int[] cells = code.level1().sparse();
        assertEquals(4, cells.length);
        for (int q = 0; q < 4; q++) {
            assertEquals(q, cells[q] / 8, "module " + q + " of mac 0");
        }
        // ink at (9, 9): only the last mac, whose cells start at 8 * 4 * 8
        int[] last = h.learn(Sdr.ofSparse(100, 99)).orElseThrow().level1().sparse();
        assertEquals(4, last.length);
        assertTrue(last[0] >= 8 * 32 && last[3] < 9 * 32, java.util.Arrays.toString(last));
    }

    @Test
    void theCellsOfBothLevelsFollowEachOther() {
        HierarchyCode code = new HierarchyCode(Sdr.ofSparse(10, 1, 7), Sdr.ofSparse(4, 0, 3));
        assertEquals(Sdr.ofSparse(14, 1, 7, 10, 13), code.cells());
    }

    @Test
    void windowsAreTheMacsPixelsRowByRow() {
        Hierarchy h = new Hierarchy(SHAPE, 1);
        assertArrayEquals(new int[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33}, h.window(0));
        assertArrayEquals(new int[] {33, 34, 35, 36, 43, 44, 45, 46, 53, 54, 55, 56, 63, 64, 65, 66}, h.window(4));
        assertEquals(66, h.window(8)[0]);
        assertEquals(99, h.window(8)[15]);
        assertMessage("Sparsey hierarchy: level-1 mac 9; expected 0 <= mac < 9", () -> h.window(9));
    }

    @Test
    void aStoredImageReinstatesATopCodeNearerItsOwnThanAnyOther() {
        Hierarchy h = new Hierarchy(OPEN, 3);
        List<Sdr> stored = images(20, 2);
        List<Sdr> codes = new ArrayList<>();
        for (Sdr image : stored) {
            codes.add(h.learn(image).orElseThrow().level2());
        }
        int recalled = 0;
        for (int i = 0; i < stored.size(); i++) {
            Sdr again = h.recognise(stored.get(i)).orElseThrow().level2();
            int best = 0;
            for (int j = 1; j < codes.size(); j++) {
                best = again.overlap(codes.get(j)) > again.overlap(codes.get(best)) ? j : best;
            }
            recalled += best == i ? 1 : 0;
        }
        // 20 random images among 20 stored: chance is 1; single-trial storage recalls most
        assertTrue(recalled >= 15, recalled + " of 20 recalled");
    }

    @Test
    void aSaturatedMacStopsLearningAndCodesByRecognition() {
        // saturations so small that the first stored image saturates every mac it reaches
        HierarchyParameters early = new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8, 0.8, 1e-9, 1e-9);
        List<Sdr> images = images(5, 4);
        Hierarchy learner = new Hierarchy(early, 7);
        Hierarchy reader = new Hierarchy(early, 7);
        assertEquals(0, learner.frozenLevel1Macs());
        assertEquals(false, learner.level2Frozen());
        learner.learn(images.get(0));
        reader.learn(images.get(0));
        assertEquals(9, learner.frozenLevel1Macs(), "20 of 100 pixels reach every window");
        assertEquals(true, learner.level2Frozen());
        for (Sdr image : images.subList(1, 5)) {
            // same seed and history: learning now makes the very codes recognition makes
            assertEquals(reader.recognise(image).orElseThrow(), learner.learn(image).orElseThrow());
        }
        Hierarchy open = new Hierarchy(OPEN, 7);
        Hierarchy openReader = new Hierarchy(OPEN, 7);
        int same = 0;
        for (Sdr image : images) {
            same += open.learn(image).orElseThrow().equals(openReader.recognise(image).orElseThrow()) ? 1 : 0;
            openReader.learn(image);
        }
        assertEquals(0, open.frozenLevel1Macs());
        assertTrue(same < 5, "unsaturated macs draw their codes: " + same + " of 5 equal recognition's");
    }

    @Test
    void aBlankImageHasNoCodeAndBadShapesAreRejected() {
        Hierarchy h = new Hierarchy(SHAPE, 1);
        assertEquals(Optional.empty(), h.learn(Sdr.ofSparse(100)));
        assertEquals(Optional.empty(), h.recognise(Sdr.ofSparse(100)));
        assertMessage("Sparsey hierarchy: image of size 99; expected rows x cols = 100", () -> h.learn(Sdr.ofSparse(99, 1)));
        assertMessage("Sparsey hierarchy: patch = 11; expected 1 <= patch <= 10 (the image's smaller side)",
                () -> new HierarchyParameters(10, 12, 11, 1, 4, 8, 6, 8));
        assertMessage("Sparsey hierarchy: stride = 0; expected stride >= 1", () -> new HierarchyParameters(10, 10, 4, 0, 4, 8, 6, 8));
        assertMessage("Sparsey hierarchy: saturation1 = 0.0; expected a fraction of the weights, 0 < saturation1 <= 1",
                () -> new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8, 0.8, 0, 0.5));
        assertMessage("Sparsey hierarchy: saturation2 = NaN; expected a fraction of the weights, 0 < saturation2 <= 1",
                () -> new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8, 0.8, 0.5, Double.NaN));
        assertMessage("Sparsey mac parameters: phi = 1.5; expected 0 <= phi <= 1 (V lies in [0, 1])",
                () -> new HierarchyParameters(10, 10, 4, 3, 4, 8, 6, 8, 1.5, 0.1, 0.1));
        assertMessage("Sparsey mac parameters: K = 1; expected K >= 2 cells per competitive module (one cell leaves "
                + "nothing to choose)", () -> new HierarchyParameters(10, 10, 4, 3, 4, 1, 6, 8));
    }

    @Test
    void aSpecificMatchDividesByTheCellsOwnWeights() {
        MacParameters plain = new MacParameters(1, 2, 8, 0, 1, 0.1, 2, 100, 28, 0.5);
        MacParameters specific = new MacParameters(1, 2, 8, 0, 1, 0.1, 2, 100, 28, 0.5, true);
        for (MacParameters p : List.of(plain, specific)) {
            Macrocolumn mac = new Macrocolumn(p, 1);
            int winner = mac.learn(Sdr.ofSparse(8, 0, 1, 2, 3)).orElseThrow().code().sparse()[0];
            double[] part = mac.matchOf(Sdr.ofSparse(8, 0));
            double[] whole = mac.matchOf(Sdr.ofSparse(8, 0, 1, 2, 3, 4, 5, 6, 7));
            assertEquals(p.specific() ? 0.25 : 1.0, part[winner], 0.0, "one of its four stored inputs");
            assertEquals(0.5, whole[winner], 0.0, "four of eight active inputs, either way");
            assertEquals(0.0, part[1 - winner], 0.0);
        }
    }
}
