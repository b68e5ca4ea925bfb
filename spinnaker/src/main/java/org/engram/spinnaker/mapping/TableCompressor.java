package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges routing entries that share a route into fewer key/mask pairs, keeping every key that
 * reaches the chip routed as before under the router's rule (the lowest matching entry wins,
 * and a key no entry matches goes on by default).
 *
 * <p>First, exact merges: two entries with one route, one mask and keys differing in one masked
 * bit become one entry covering exactly both (always safe). Then, if the table is still too
 * large, ordered covering: routes are grouped, the groups ordered from fewest to most entries,
 * and within a group entries are merged greedily into covering entries that may also match keys
 * of neither. Such a merged entry is kept only if it matches no key of a later group (which it
 * would capture, being above it) and no key left to default routing; keys of earlier groups are
 * safe, since their entries come first. The largest group, last, can merge most freely.
 */
final class TableCompressor {
    private TableCompressor() {}

    /**
     * An ordered table routing every key of {@code entries} as they do, and matching no key of
     * {@code defaultRouted}; merges stop once it has at most {@code target} entries.
     *
     * @param entries disjoint entries (no key matches two)
     * @param defaultRouted key/mask patterns of the packets that must find no entry (route ignored)
     */
    static List<RouterEntry> compress(List<RouterEntry> entries, List<RouterEntry> defaultRouted, int target) {
        Map<Integer, List<RouterEntry>> groups = new LinkedHashMap<>();
        for (RouterEntry e : entries) {
            groups.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e);
        }
        List<List<RouterEntry>> exact = new ArrayList<>();
        int total = 0;
        for (List<RouterEntry> g : groups.values()) {
            List<RouterEntry> merged = mergeExactly(g);
            exact.add(merged);
            total += merged.size();
        }
        exact.sort(Comparator.comparingInt((List<RouterEntry> g) -> g.size()).thenComparingInt(g -> g.get(0).route()));
        if (total <= target) {
            return exact.stream().flatMap(List::stream).toList();
        }
        List<RouterEntry> table = new ArrayList<>();
        for (int g = 0; g < exact.size(); g++) {
            List<RouterEntry> guarded = new ArrayList<>(defaultRouted);
            for (int h = g + 1; h < exact.size(); h++) {
                guarded.addAll(exact.get(h));
            }
            table.addAll(cover(exact.get(g), guarded));
        }
        return table;
    }

    /** Merges pairs differing in one masked key bit until none is left; the union stays exact. */
    private static List<RouterEntry> mergeExactly(List<RouterEntry> group) {
        int route = group.get(0).route();
        Set<Long> set = new HashSet<>();
        for (RouterEntry e : group) {
            set.add(pack(e.key(), e.mask()));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Long> sorted = new ArrayList<>(set);
            sorted.sort(null); // the merges made depend on the order: keep it fixed
            for (long km : sorted) {
                if (!set.contains(km)) {
                    continue;
                }
                int key = (int) (km >>> 32);
                int mask = (int) km;
                for (int bits = mask; bits != 0; bits &= bits - 1) {
                    int bit = Integer.lowestOneBit(bits);
                    long partner = pack(key ^ bit, mask);
                    if (set.contains(partner)) {
                        set.remove(km);
                        set.remove(partner);
                        set.add(pack(key & ~bit, mask & ~bit));
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<RouterEntry> out = new ArrayList<>();
        for (long km : set) {
            out.add(new RouterEntry((int) (km >>> 32), (int) km, route));
        }
        out.sort(Comparator.comparingLong(e -> Integer.toUnsignedLong(e.key())));
        return out;
    }

    /** Greedy covering of one group's entries, never matching a key of {@code guarded}. */
    private static List<RouterEntry> cover(List<RouterEntry> group, List<RouterEntry> guarded) {
        List<RouterEntry> left = new ArrayList<>(group);
        List<RouterEntry> out = new ArrayList<>();
        while (!left.isEmpty()) {
            RouterEntry acc = left.remove(0);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int i = 0; i < left.size(); i++) {
                    RouterEntry merged = merge(acc, left.get(i));
                    if (merged.equals(acc) || guarded.stream().noneMatch(e -> merged.intersects(e.key(), e.mask()))) {
                        acc = merged;
                        left.remove(i--);
                        grew = true;
                    }
                }
            }
            out.add(acc);
        }
        return out;
    }

    /** The smallest entry matching every key of both: the bits where they agree. */
    static RouterEntry merge(RouterEntry a, RouterEntry b) {
        int mask = a.mask() & b.mask() & ~(a.key() ^ b.key());
        return new RouterEntry(a.key() & mask, mask, a.route());
    }

    private static long pack(int key, int mask) {
        return (long) key << 32 | Integer.toUnsignedLong(mask);
    }
}
