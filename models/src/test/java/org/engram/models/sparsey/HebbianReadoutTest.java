package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HebbianReadoutTest {
    private static final double ALPHA = 0.5;

    /** Three items on 4 cells: {0, 1} labelled 0; {1, 2} and {1, 3} labelled 1; label 2 never stored. */
    private static HebbianReadout threeItems() {
        HebbianReadout r = new HebbianReadout(4, 3, ALPHA);
        r.store(Sdr.ofSparse(4, 0, 1), 0);
        r.store(Sdr.ofSparse(4, 1, 2), 1);
        r.store(Sdr.ofSparse(4, 1, 3), 1);
        return r;
    }

    /** log((n + α) / (N + 2α)), the score a cell used by n of the N items of a label adds to it. */
    private static double term(int n, int items) {
        return Math.log((n + ALPHA) / (items + 2 * ALPHA));
    }

    @Test
    void scoresAreTheNaiveBayesSumsOverTheCodesCells() {
        HebbianReadout r = threeItems();
        assertEquals(3, r.stored());
        // cell 0 counts (1, 0, 0), cell 1 (1, 2, 0), cell 2 (0, 1, 0), cell 3 (0, 1, 0); N = (1, 2, 0)
        double none = Double.NEGATIVE_INFINITY;
        assertArrayEquals(new double[] {term(1, 1) + term(1, 1), term(0, 2) + term(2, 2), none},
                r.scores(Sdr.ofSparse(4, 0, 1)), 1e-12);
        assertEquals(0, r.classify(Sdr.ofSparse(4, 0, 1)));
        assertArrayEquals(new double[] {term(0, 1), term(1, 2), none}, r.scores(Sdr.ofSparse(4, 2)), 1e-12);
        assertEquals(1, r.classify(Sdr.ofSparse(4, 2)), "log 0.5 for label 1 beats log 0.25 for label 0");
        assertEquals(1, r.classify(Sdr.ofSparse(4, 2, 3)));
        // a label no item has would otherwise score log(α / 2α) = log 0.5 a cell, as high as label 1 here
        assertEquals(Math.log(0.5), term(0, 0), 1e-15);
    }

    @Test
    void tiesGoToTheSmallerLabel() {
        HebbianReadout r = threeItems();
        assertArrayEquals(new double[] {0, 0, Double.NEGATIVE_INFINITY}, r.scores(Sdr.ofSparse(4)), 0.0);
        assertEquals(0, r.classify(Sdr.ofSparse(4)), "an empty code scores 0 for every label stored");
        HebbianReadout even = new HebbianReadout(2, 2, ALPHA);
        even.store(Sdr.ofSparse(2, 0), 1);
        even.store(Sdr.ofSparse(2, 0), 0);
        assertEquals(0, even.classify(Sdr.ofSparse(2, 0)));
        even.store(Sdr.ofSparse(2, 0), 1);
        assertEquals(1, even.classify(Sdr.ofSparse(2, 0)), "2 of 2 items beats 1 of 1: (2.5 / 3) > (1.5 / 2)");
    }

    @Test
    void badArgumentsAreRejected() {
        assertMessage("Hebbian read-out: cells = 0; expected codes of at least 1 cell", () -> new HebbianReadout(0, 2, 1));
        assertMessage("Hebbian read-out: labels = 1; expected at least 2 labels to choose among",
                () -> new HebbianReadout(4, 1, 1));
        assertMessage("Hebbian read-out: alpha = 0.0; expected a finite smoothing alpha > 0",
                () -> new HebbianReadout(4, 2, 0));
        assertMessage("Hebbian read-out: alpha = NaN; expected a finite smoothing alpha > 0",
                () -> new HebbianReadout(4, 2, Double.NaN));
        HebbianReadout r = new HebbianReadout(4, 3, ALPHA);
        assertThrows(IllegalStateException.class, () -> r.classify(Sdr.ofSparse(4, 1)), "nothing stored yet");
        assertMessage("Hebbian read-out: label = 3; expected 0 <= label < 3", () -> r.store(Sdr.ofSparse(4, 1), 3));
        assertMessage("Hebbian read-out: code size = 5; expected codes of 4 cells", () -> r.store(Sdr.ofSparse(5, 1), 0));
        assertEquals(0, r.stored(), "a rejected item counts nothing");
    }
}
