package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The master population table lookup and the checks that keep a decoded image in bounds. */
class SynapticMatrixTest {
    /** Two source slices: 4 neurons at key 0x1000 (mask ~3), 3 neurons at 0x2000 (mask ~3), 7 rows. */
    static SynapticMatrix matrix(int[] keys, int[] masks, int[] firstRows, int[] rows, int[] staticWords) {
        int n = 7;
        int[] staticStart = new int[n + 1];
        staticStart[1] = staticWords.length;
        for (int r = 2; r <= n; r++) {
            staticStart[r] = staticWords.length;
        }
        return new SynapticMatrix(4, 2, 3, new int[] {3, 5}, keys, masks, firstRows, rows, staticStart, staticWords,
                new int[n + 1], new int[0], new int[0], new int[n], new int[n]);
    }

    static SynapticMatrix valid() {
        return matrix(new int[] {0x1000, 0x2000}, new int[] {~3, ~3}, new int[] {0, 4}, new int[] {4, 3},
                new int[] {SynapticMatrix.staticWord(7, 2, 1, 3, 2)});
    }

    @Test
    void keysFindTheirRowsAndOthersNone() {
        SynapticMatrix m = valid();
        assertEquals(0, m.row(0x1000));
        assertEquals(3, m.row(0x1003));
        assertEquals(4, m.row(0x2000));
        assertEquals(6, m.row(0x2002));
        assertEquals(-1, m.row(0x2003)); // beyond the 3 neurons of the second slice
        assertEquals(-1, m.row(0x0FFF));
        assertEquals(-1, m.row(0x1004));
        assertEquals(-1, m.row(0xFFFF2000)); // unsigned order: above every entry
        assertEquals(7, m.maxDelay());
    }

    @Test
    void wordsDecodeToTheirFields() {
        SynapticMatrix m = valid();
        int word = m.staticWords[0];
        assertEquals(7, word >>> 16);
        assertEquals(2, m.delay(word));
        assertEquals(1, m.receptor(word));
        assertEquals(3, m.index(word));
        // [ weight 7 | delay 2 (3 bits) | receptor 1 | index 3 (2 bits) ]
        assertEquals(7 << 16 | 2 << 3 | 1 << 2 | 3, word);
        assertThrows(IllegalArgumentException.class, () -> SynapticMatrix.staticWord(7, 0, 0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> SynapticMatrix.staticWord(0x10000, 1, 0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> SynapticMatrix.controlWord(1, 0, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> SynapticMatrix.controlWord(1 << 14, 0, 0, 2));
    }

    @Test
    void badTablesAndRowsAreRefused() {
        int[] word = {SynapticMatrix.staticWord(7, 2, 1, 3, 2)};
        // unaligned key
        assertThrows(IllegalArgumentException.class, () -> matrix(new int[] {0x1001, 0x2000}, new int[] {~3, ~3},
                new int[] {0, 4}, new int[] {4, 3}, word));
        // out of order
        assertThrows(IllegalArgumentException.class, () -> matrix(new int[] {0x2000, 0x1000}, new int[] {~3, ~3},
                new int[] {0, 4}, new int[] {4, 3}, word));
        // overlapping ranges
        assertThrows(IllegalArgumentException.class, () -> matrix(new int[] {0x1000, 0x1004}, new int[] {~7, ~3},
                new int[] {0, 4}, new int[] {4, 3}, word));
        // rows beyond the matrix, or more rows than keys
        assertThrows(IllegalArgumentException.class, () -> matrix(new int[] {0x1000, 0x2000}, new int[] {~3, ~3},
                new int[] {0, 5}, new int[] {4, 3}, word));
        assertThrows(IllegalArgumentException.class, () -> matrix(new int[] {0x1000, 0x2000}, new int[] {~1, ~3},
                new int[] {0, 4}, new int[] {4, 3}, word));
        // a target beyond the neurons of the core (index 3 of 3)
        assertThrows(IllegalArgumentException.class, () -> new SynapticMatrix(3, 2, 3, new int[] {0, 0},
                new int[0], new int[0], new int[0], new int[0], new int[] {0, 1}, word, new int[] {0, 0}, new int[0],
                new int[0], new int[1], new int[1]));
        // offsets that do not cover the words
        assertThrows(IllegalArgumentException.class, () -> new SynapticMatrix(4, 2, 3, new int[] {0, 0},
                new int[0], new int[0], new int[0], new int[0], new int[] {0, 0}, word, new int[] {0, 0}, new int[0],
                new int[0], new int[1], new int[1]));
        // a shift beyond 15, too many bits
        assertThrows(IllegalArgumentException.class, () -> new SynapticMatrix(4, 2, 3, new int[] {16, 0},
                new int[0], new int[0], new int[0], new int[0], new int[] {0}, new int[0], new int[] {0}, new int[0],
                new int[0], new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new SynapticMatrix(4, 8, 8, new int[] {0, 0},
                new int[0], new int[0], new int[0], new int[0], new int[] {0}, new int[0], new int[] {0}, new int[0],
                new int[0], new int[0], new int[0]));
    }
}
