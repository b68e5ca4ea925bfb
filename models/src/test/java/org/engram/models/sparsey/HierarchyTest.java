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
        assertTrue(SHAPE.level1().specific() && SHAPE.level2().gateOpen(1) && SHAPE.level2().gateOpen(SHAPE.level2().n()));
    }

    @Test
    void topCodesHaveOneWinnerPerModuleAndRepeatForTheSameSeed() {
        Hierarchy a = new Hierarchy(SHAPE, 5);
        Hierarchy b = new Hierarchy(SHAPE, 5);
        Hierarchy other = new Hierarchy(SHAPE, 6);
        List<Sdr> differ = new ArrayList<>();
        for (Sdr image : images(30, 1)) {
            Sdr code = a.learn(image).orElseThrow();
            assertEquals(6 * 8, code.size());
            assertEquals(6, code.activeCount());
            int[] cells = code.sparse();
            for (int q = 0; q < 6; q++) {
                assertEquals(q, cells[q] / 8, "one winner in module " + q);
            }
            assertEquals(code, b.learn(image).orElseThrow());
            if (!code.equals(other.learn(image).orElseThrow())) {
                differ.add(image);
            }
        }
        assertNotEquals(0, differ.size(), "another seed draws other codes");
    }

    @Test
    void aStoredImageIsCloserToItsOwnCodeThanToOthers() {
        Hierarchy h = new Hierarchy(SHAPE, 3);
        List<Sdr> stored = images(20, 2);
        CodeClassifier readout = new CodeClassifier();
        for (int i = 0; i < stored.size(); i++) {
            readout.store(h.learn(stored.get(i)).orElseThrow(), i);
        }
        int recalled = 0;
        for (int i = 0; i < stored.size(); i++) {
            recalled += readout.classify(h.recognise(stored.get(i)).orElseThrow()) == i ? 1 : 0;
        }
        // 20 random images among 20 stored: chance is 1; single-trial storage recalls most
        assertTrue(recalled >= 15, recalled + " of 20 recalled");
    }

    @Test
    void aBlankImageHasNoCodeAndAWrongSizeIsRejected() {
        Hierarchy h = new Hierarchy(SHAPE, 1);
        assertEquals(Optional.empty(), h.learn(Sdr.ofSparse(100)));
        assertEquals(Optional.empty(), h.recognise(Sdr.ofSparse(100)));
        assertMessage("Sparsey hierarchy: image of size 99; expected rows x cols = 100", () -> h.learn(Sdr.ofSparse(99, 1)));
        assertMessage("Sparsey hierarchy: patch = 11; expected 1 <= patch <= 10 (the image's smaller side)",
                () -> new HierarchyParameters(10, 12, 11, 1, 4, 8, 6, 8));
        assertMessage("Sparsey hierarchy: stride = 0; expected stride >= 1", () -> new HierarchyParameters(10, 10, 4, 0, 4, 8, 6, 8));
    }

    @Test
    void theClassifierTakesTheLargestOverlapAndTheEarliestOnTies() {
        CodeClassifier c = new CodeClassifier();
        c.store(Sdr.ofSparse(8, 0, 1), 7);
        c.store(Sdr.ofSparse(8, 2, 3), 4);
        c.store(Sdr.ofSparse(8, 1, 2), 9);
        assertEquals(4, c.classify(Sdr.ofSparse(8, 2, 3)));
        assertEquals(7, c.classify(Sdr.ofSparse(8, 1, 5)), "ties with the third go to the first stored");
        assertEquals(7, c.classify(Sdr.ofSparse(8, 6)), "no overlap at all: the first stored");
        assertEquals(3, c.stored());
        assertMessage("code classifier: code of size 9; expected size 8 as the stored codes", () -> c.store(Sdr.ofSparse(9), 1));
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
