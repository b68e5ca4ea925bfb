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
    static List<MulticastEntry> compress(List<MulticastEntry> entries, List<MulticastEntry> defaultRouted, int target) {
        Map<Integer, List<MulticastEntry>> groups = new LinkedHashMap<>();
        for (MulticastEntry e : entries) {
            groups.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e);
        }
        List<List<MulticastEntry>> exact = new ArrayList<>();
        int total = 0;
        for (List<MulticastEntry> g : groups.values()) {
            List<MulticastEntry> merged = mergeExactly(g);
            exact.add(merged);
            total += merged.size();
        }
        exact.sort(Comparator.comparingInt((List<MulticastEntry> g) -> g.size()).thenComparingInt(g -> g.get(0).route()));
        if (total <= target) {
            return exact.stream().flatMap(List::stream).toList();
        }
        List<MulticastEntry> table = new ArrayList<>();
        for (int g = 0; g < exact.size(); g++) {
            List<MulticastEntry> guarded = new ArrayList<>(defaultRouted);
            for (int h = g + 1; h < exact.size(); h++) {
                guarded.addAll(exact.get(h));
            }
            table.addAll(cover(exact.get(g), guarded));
        }
        return table;
    }

    /** Merges pairs differing in one masked key bit until none is left; the union stays exact. */
    private static List<MulticastEntry> mergeExactly(List<MulticastEntry> group) {
        int route = group.get(0).route();
        Set<Long> set = new HashSet<>();
        for (MulticastEntry e : group) {
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
        List<MulticastEntry> out = new ArrayList<>();
        for (long km : set) {
            out.add(new MulticastEntry((int) (km >>> 32), (int) km, route));
        }
        out.sort(Comparator.comparingLong(e -> Integer.toUnsignedLong(e.key())));
        return out;
    }

    /** Greedy covering of one group's entries, never matching a key of {@code guarded}. */
    private static List<MulticastEntry> cover(List<MulticastEntry> group, List<MulticastEntry> guarded) {
        List<MulticastEntry> left = new ArrayList<>(group);
        List<MulticastEntry> out = new ArrayList<>();
        while (!left.isEmpty()) {
            MulticastEntry acc = left.remove(0);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int i = 0; i < left.size(); i++) {
                    MulticastEntry merged = merge(acc, left.get(i));
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
    static MulticastEntry merge(MulticastEntry a, MulticastEntry b) {
        int mask = a.mask() & b.mask() & ~(a.key() ^ b.key());
        return new MulticastEntry(a.key() & mask, mask, a.route());
    }

    private static long pack(int key, int mask) {
        return (long) key << 32 | Integer.toUnsignedLong(mask);
    }
}
