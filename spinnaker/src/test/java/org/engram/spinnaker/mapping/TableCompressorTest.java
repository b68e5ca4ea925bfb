package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableCompressorTest {
    static final int A = MulticastEntry.coreBit(1);
    static final int B = MulticastEntry.coreBit(2);
    static final int C = 1 << 3;
    /** What a packet no entry matches gets in {@link #lookup}: the caller's default. */
    static final int NONE = -1;

    /** The router's rule, written out: the first entry that matches, else none. */
    static int lookup(List<MulticastEntry> table, int key) {
        for (MulticastEntry e : table) {
            if ((key & e.mask()) == e.key()) {
                return e.route();
            }
        }
        return NONE;
    }

    static MulticastEntry single(int key, int route) {
        return new MulticastEntry(key, -1, route);
    }

    @Test
    void exactMergesCoverTheSameKeys() {
        List<MulticastEntry> entries = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            entries.add(single(k, A));
        }
        List<MulticastEntry> t = TableCompressor.compress(entries, List.of(), 1);
        assertEquals(List.of(new MulticastEntry(0, ~63, A)), t);
    }

    @Test
    void aMergeMayCoverKeysOfAnEarlierRouteButNeverOfALaterOne() {
        // 0, 1, 2 to A and 3 to B: B has fewer entries, so it comes first, and A may cover 0..3
        List<MulticastEntry> t = TableCompressor.compress(List.of(single(0, A), single(1, A), single(2, A), single(3, B)),
                List.of(), 1);
        assertEquals(List.of(single(3, B), new MulticastEntry(0, ~3, A)), t);
        // 0, 1, 2 and 4, 5, 6 to A, 3 and 7 to B: A's six come last and may cover everything; B's
        // two cannot merge into x11 over A's keys since 3 and 7 differ in bit 2 only: exact merge
        t = TableCompressor.compress(List.of(single(0, A), single(1, A), single(2, A), single(4, A), single(5, A),
                single(6, A), single(3, B), single(7, B)), List.of(), 1);
        assertEquals(List.of(new MulticastEntry(3, ~4, B), new MulticastEntry(0, ~7, A)), t);
    }

    @Test
    void aMergeNeverCapturesAKeyLeftToDefaultRouting() {
        List<MulticastEntry> entries = List.of(single(0, A), single(3, A));
        assertEquals(List.of(new MulticastEntry(0, ~3, A)), TableCompressor.compress(entries, List.of(), 1));
        List<MulticastEntry> t = TableCompressor.compress(entries, List.of(single(1, C)), 1);
        assertEquals(2, t.size(), "covering 0..3 would capture key 1: " + t);
        assertEquals(NONE, lookup(t, 1));
    }

    @Test
    void keysOfThreeClassesModuloThreeNeedOrderedCovering() {
        // no two keys of one class differ in one bit, so exact merging does nothing here
        List<MulticastEntry> entries = new ArrayList<>();
        int[] routes = {A, B, C};
        for (int k = 0; k < 300; k++) {
            entries.add(single(k, routes[k % 3]));
        }
        List<MulticastEntry> t = TableCompressor.compress(entries, List.of(), 250);
        assertTrue(t.size() <= 201, t.size() + " entries: the last class should fold into one");
        for (int k = 0; k < 300; k++) {
            assertEquals(routes[k % 3], lookup(t, k), "key " + k);
        }
    }

    /**
     * Random tables over a 10-bit key space: aligned blocks of 1–8 keys, each routed one of three
     * ways, left to default routing, or never arriving. After full compression every arriving key
     * routes as before and no default key matches.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30})
    void randomTablesRouteEveryKeyAsBefore(long seed) {
        Random r = new Random(seed);
        int[] routes = {A, B, C | A};
        int[] expected = new int[1024];
        boolean[] arrives = new boolean[1024];
        List<MulticastEntry> entries = new ArrayList<>();
        List<MulticastEntry> defaults = new ArrayList<>();
        for (int key = 0; key < 1024;) {
            int size = 1 << r.nextInt(4);
            while (key % size != 0) {
                size >>= 1;
            }
            double kind = r.nextDouble();
            MulticastEntry e = new MulticastEntry(key, ~(size - 1), routes[r.nextInt(routes.length)]);
            for (int k = key; k < key + size; k++) {
                arrives[k] = kind >= 0.2;
                expected[k] = kind < 0.35 ? NONE : e.route();
            }
            if (kind >= 0.35) {
                entries.add(e);
            } else if (kind >= 0.2) {
                defaults.add(e);
            }
            key += size;
        }
        for (int target : new int[] {0, Integer.MAX_VALUE}) {
            List<MulticastEntry> t = TableCompressor.compress(entries, defaults, target);
            assertTrue(t.size() <= entries.size());
            for (int k = 0; k < 1024; k++) {
                if (arrives[k]) {
                    assertEquals(expected[k], lookup(t, k), "seed " + seed + " key " + k + " target " + target);
                }
            }
            for (int k = 1024; k < 1 << 12; k += 97) {
                assertEquals(NONE, lookup(t, k | 1 << 20), "keys far above the table's stay unmatched");
            }
        }
        // on these seeds: 231-295 entries, 178-225 after exact merges, 119-157 after covering
        int exact = TableCompressor.compress(entries, defaults, Integer.MAX_VALUE).size();
        int covered = TableCompressor.compress(entries, defaults, 0).size();
        assertTrue(covered < exact && exact < entries.size(), entries.size() + " > " + exact + " > " + covered);
    }
}
