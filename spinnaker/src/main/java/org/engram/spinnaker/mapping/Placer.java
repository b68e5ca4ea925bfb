package org.engram.spinnaker.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;

/**
 * Places slices on application cores (core 0 of each chip is the monitor, and a route word
 * reaches no core above 17): chips are filled in
 * the order of a breadth-first traversal from the first Ethernet chip, and populations come in
 * the order of a traversal of the projections from those that receive none, so that a
 * population's slices land next to those of its pre-synaptic populations. Chips the traversal
 * does not reach, and dead chips and cores (absent from the machine), are never used.
 */
final class Placer {
    private Placer() {}

    /** The application cores, in the order they are filled. */
    static List<CoreLocation> applicationCores(Machine machine) {
        List<CoreLocation> cores = new ArrayList<>();
        for (ChipLocation c : traversal(machine)) {
            for (int p = 1; p < Math.min(machine.cores(c), MulticastEntry.ROUTABLE_CORES); p++) {
                cores.add(new CoreLocation(c, p));
            }
        }
        return cores;
    }

    /** Chips reachable from the first Ethernet chip (or the first chip), breadth first, links in order. */
    static List<ChipLocation> traversal(Machine machine) {
        if (machine.chips().isEmpty()) {
            return List.of();
        }
        ChipLocation start = machine.ethernetChips().isEmpty() ? machine.chips().get(0) : machine.ethernetChips().get(0);
        Set<ChipLocation> seen = new LinkedHashSet<>(List.of(start));
        Deque<ChipLocation> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            ChipLocation c = queue.poll();
            for (Direction d : Direction.values()) {
                Optional<ChipLocation> n = machine.neighbour(c, d);
                if (n.isPresent() && seen.add(n.get())) {
                    queue.add(n.get());
                }
            }
        }
        return List.copyOf(seen);
    }

    /** Population indices: those without incoming projections first, then along the projections. */
    static List<Integer> populationOrder(Network net) {
        List<Population> pops = net.populations();
        Set<Integer> receiving = new HashSet<>();
        for (Projection pr : net.projections()) {
            receiving.add(pops.indexOf(pr.post().population()));
        }
        List<Integer> roots = new ArrayList<>();
        for (int p = 0; p < pops.size(); p++) {
            if (!receiving.contains(p)) {
                roots.add(p);
            }
        }
        for (int p = 0; p < pops.size(); p++) {
            if (receiving.contains(p)) {
                roots.add(p);
            }
        }
        Set<Integer> order = new LinkedHashSet<>();
        for (int root : roots) {
            Deque<Integer> queue = new ArrayDeque<>();
            if (order.add(root)) {
                queue.add(root);
            }
            while (!queue.isEmpty()) {
                int p = queue.poll();
                for (Projection pr : net.projections()) {
                    int q = pops.indexOf(pr.post().population());
                    if (pops.indexOf(pr.pre().population()) == p && order.add(q)) {
                        queue.add(q);
                    }
                }
            }
        }
        return List.copyOf(order);
    }

    /**
     * The core of every slice.
     *
     * @throws MappingException when the machine has fewer application cores than slices
     */
    static CoreLocation[] place(Partitioner.Partition partition, Network net, List<CoreLocation> cores) {
        List<Slice> slices = partition.slices();
        if (slices.size() > cores.size()) {
            String perPopulation = IntStream.range(0, net.populations().size())
                    .mapToObj(p -> net.populations().get(p).label() + " " + (partition.endSlice(p) - partition.firstSlice()[p]))
                    .collect(Collectors.joining(", "));
            throw new MappingException("the network needs " + slices.size() + " cores, one per slice ("
                    + perPopulation + "); the machine has " + cores.size() + " application cores, "
                    + (slices.size() - cores.size()) + " too few");
        }
        CoreLocation[] placed = new CoreLocation[slices.size()];
        int next = 0;
        for (int p : populationOrder(net)) {
            for (int s = partition.firstSlice()[p]; s < partition.endSlice(p); s++) {
                placed[s] = cores.get(next++);
            }
        }
        return placed;
    }
}
