package org.engram.spinnaker.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;

/**
 * Multicast routing: for each source slice a tree along shortest paths of the chip mesh from its
 * chip to the chips of its target slices, and from the trees one table per chip.
 *
 * <p>The tree is a breadth-first shortest-path tree from the source chip; among the shortest
 * ways into a chip it takes the one that goes straight on (the same link as the hop before),
 * else the lowest link number, since a chip passed straight through, with no core of its own to
 * reach, needs no entry: default routing sends a packet that matches nothing out of the link
 * opposite the one it came in on. The source chip always keeps its entry (default routing does
 * not apply to packets made on the chip). A table larger than its chip's free router entries is
 * compressed ({@link TableCompressor}); one still too large fails the mapping.
 */
final class Router {
    /** A shortest-path tree from one chip: the parent of each chip and the link from it (-1 at the root). */
    private record Tree(int[] parent, int[] arrival) {}

    /** An entry a tree asks for at one chip. */
    private record Wanted(MulticastEntry entry, boolean defaultRouted) {}

    private final Machine machine;
    private final List<ChipLocation> chips;
    private final Map<ChipLocation, Integer> index = new HashMap<>();
    private final Map<Integer, Tree> trees = new HashMap<>();

    private Router(Machine machine) {
        this.machine = machine;
        this.chips = machine.chips();
        for (int i = 0; i < chips.size(); i++) {
            index.put(chips.get(i), i);
        }
    }

    /**
     * The tables of every chip that needs entries, in chip order.
     *
     * @throws MappingException naming the chip whose table does not fit its router even compressed
     */
    static List<RoutingTable> route(Machine machine, Partitioner.Partition p, CoreLocation[] cores,
            KeyAllocator.Keys keys) {
        return new Router(machine).tables(p, cores, keys);
    }

    private List<RoutingTable> tables(Partitioner.Partition p, CoreLocation[] cores, KeyAllocator.Keys keys) {
        Map<Integer, TreeSet<Integer>> targets = new TreeMap<>();
        for (Partitioner.Edge e : p.edges()) {
            targets.computeIfAbsent(e.source(), s -> new TreeSet<>()).add(e.target());
        }
        Map<Integer, List<Wanted>> wanted = new TreeMap<>();
        for (Map.Entry<Integer, TreeSet<Integer>> t : targets.entrySet()) {
            int s = t.getKey();
            int source = index.get(cores[s].chip());
            Tree tree = trees.computeIfAbsent(source, this::tree);
            Map<Integer, Integer> route = new TreeMap<>();
            boolean[] walked = new boolean[chips.size()];
            for (int target : t.getValue()) {
                CoreLocation core = cores[target];
                int c = index.get(core.chip());
                route.merge(c, MulticastEntry.coreBit(core.p()), (a, b) -> a | b);
                while (c != source && !walked[c]) {
                    walked[c] = true;
                    if (tree.parent()[c] < 0) {
                        throw new IllegalStateException("chip " + chips.get(c) + " is not reachable from "
                                + chips.get(source));
                    }
                    route.merge(tree.parent()[c], 1 << tree.arrival()[c], (a, b) -> a | b);
                    c = tree.parent()[c];
                }
            }
            for (Map.Entry<Integer, Integer> r : route.entrySet()) {
                int c = r.getKey();
                boolean straightOn = c != source && r.getValue() == 1 << tree.arrival()[c];
                wanted.computeIfAbsent(c, x -> new ArrayList<>()).add(
                        new Wanted(new MulticastEntry(keys.key()[s], keys.mask()[s], r.getValue()), straightOn));
            }
        }
        List<RoutingTable> tables = new ArrayList<>();
        for (Map.Entry<Integer, List<Wanted>> w : wanted.entrySet()) {
            tables.add(table(chips.get(w.getKey()), w.getValue()));
        }
        return tables;
    }

    private RoutingTable table(ChipLocation chip, List<Wanted> wanted) {
        List<MulticastEntry> kept = new ArrayList<>();
        List<MulticastEntry> defaults = new ArrayList<>();
        for (Wanted w : wanted) {
            (w.defaultRouted() ? defaults : kept).add(w.entry());
        }
        kept.sort(Comparator.comparingLong(e -> Integer.toUnsignedLong(e.key())));
        int free = machine.chip(chip).routerEntries();
        List<MulticastEntry> entries = kept.size() <= free ? kept : TableCompressor.compress(kept, defaults, free);
        if (entries.size() > free) {
            throw new MappingException("chip " + chip + " needs " + entries.size() + " multicast routing entries "
                    + "after compression (" + kept.size() + " before, " + defaults.size()
                    + " more left to default routing); its router has " + free + " free");
        }
        return new RoutingTable(chip, entries, wanted.size(), defaults.size());
    }

    /** Breadth-first from {@code root}; each chip's parent goes straight on where a shortest path allows. */
    private Tree tree(int root) {
        int n = chips.size();
        int[] dist = new int[n];
        int[] parent = new int[n];
        int[] arrival = new int[n];
        Arrays.fill(dist, -1);
        Arrays.fill(parent, -1);
        Arrays.fill(arrival, -1);
        dist[root] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(root));
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int c = queue.poll();
            order.add(c);
            for (Direction d : Direction.values()) {
                Optional<ChipLocation> nb = machine.neighbour(chips.get(c), d);
                if (nb.isPresent() && dist[index.get(nb.get())] < 0) {
                    dist[index.get(nb.get())] = dist[c] + 1;
                    queue.add(index.get(nb.get()));
                }
            }
        }
        for (int c : order) {
            for (Direction d : Direction.values()) {
                // links work both ways, so the chip behind c on link d's opposite sends on d into c
                Optional<ChipLocation> from = machine.neighbour(chips.get(c), d.opposite());
                if (c == root || from.isEmpty() || dist[index.get(from.get())] != dist[c] - 1) {
                    continue;
                }
                int f = index.get(from.get());
                if (parent[c] < 0 || arrival[f] == d.id()) {
                    parent[c] = f;
                    arrival[c] = d.id();
                }
                if (arrival[f] == d.id()) {
                    break;
                }
            }
        }
        return new Tree(parent, arrival);
    }
}
