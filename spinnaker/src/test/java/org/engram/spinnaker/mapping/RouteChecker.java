package org.engram.spinnaker.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;

/**
 * Follows every key of every slice through a mapping's tables as a router would, and lists what
 * is wrong. Written from the router's rules, apart from the code that builds the tables:
 *
 * <ul>
 * <li>entry 0 is SCAMP's (key 0xFFFF5554, mask 0xFFFFFFFE); the mapping's tables follow it;</li>
 * <li>the lowest-numbered entry with {@code (key & mask) == entryKey} wins;</li>
 * <li>a packet no entry matches leaves on the link opposite the one it came in on; one made on
 * the chip is dropped;</li>
 * <li>route bits 0–5 are the links E … S, bit 6 + p core p.</li>
 * </ul>
 *
 * <p>The expected targets come from the built network's synapse rows, not from the mapping's
 * edges: a key must reach exactly the cores of the slices its source slice has a synapse into
 * (the slice's neurons share one tree), which include those of its own neuron's targets.
 * Placements are checked too: one slice per core, application cores of live chips only, keys that
 * do not overlap and cover their slices.
 */
public final class RouteChecker {
    static final int SCAMP_KEY = 0xFFFF5554;
    static final int SCAMP_MASK = 0xFFFFFFFE;

    private RouteChecker() {}

    /** Everything wrong with the mapping's placements and routes; empty when all is well. */
    public static List<String> problems(Machine machine, BuiltNetwork net, Mapping mapping) {
        List<String> problems = new ArrayList<>();
        checkPlacements(machine, mapping, problems);
        Map<ChipLocation, List<MulticastEntry>> tables = new HashMap<>();
        for (RoutingTable t : mapping.tables()) {
            tables.put(t.chip(), t.entries());
            if (t.entries().size() > machine.chip(t.chip()).routerEntries()) {
                problems.add("chip " + t.chip() + " has " + t.entries().size() + " entries, more than its router's "
                        + machine.chip(t.chip()).routerEntries());
            }
        }
        for (Placement p : mapping.placements()) {
            Set<CoreLocation> sliceTargets = new TreeSet<>(RouteChecker::compare);
            List<Set<CoreLocation>> neuronTargets = new ArrayList<>();
            int base = net.populationStart[p.slice().population()];
            for (int i = p.slice().lo(); i < p.slice().hi(); i++) {
                Set<CoreLocation> mine = new HashSet<>();
                int g = base + i;
                for (int s = net.staticRowStart[g]; s < net.staticRowStart[g + 1]; s++) {
                    mine.add(coreOf(net, mapping, net.staticTarget[s]));
                }
                for (int s = net.plasticRowStart[g]; s < net.plasticRowStart[g + 1]; s++) {
                    mine.add(coreOf(net, mapping, net.plasticTarget[s]));
                }
                neuronTargets.add(mine);
                sliceTargets.addAll(mine);
            }
            for (int i = p.slice().lo(); i < p.slice().hi(); i++) {
                int key = p.keyOf(i);
                Set<CoreLocation> reached = new TreeSet<>(RouteChecker::compare);
                String why = follow(machine, tables, p.core(), key, reached);
                String where = p.slice() + " neuron " + i + " key " + MulticastEntry.hex(key);
                if (why != null) {
                    problems.add(where + ": " + why);
                } else if (!reached.equals(sliceTargets)) {
                    problems.add(where + " reached " + reached + "; its slice's targets are " + sliceTargets);
                } else if (!reached.containsAll(neuronTargets.get(i - p.slice().lo()))) {
                    problems.add(where + " missed some of its own targets");
                }
            }
        }
        return problems;
    }

    private static CoreLocation coreOf(BuiltNetwork net, Mapping mapping, int global) {
        int pop = net.populationOf(global);
        return mapping.placementOf(pop, global - net.populationStart[pop]).core();
    }

    /** Routes one packet from its core; null when it went nowhere odd, else why. */
    private static String follow(Machine machine, Map<ChipLocation, List<MulticastEntry>> tables, CoreLocation from,
            int key, Set<CoreLocation> reached) {
        record Hop(ChipLocation chip, int arrival) {}
        ArrayDeque<Hop> queue = new ArrayDeque<>(List.of(new Hop(from.chip(), -1)));
        Set<ChipLocation> visited = new HashSet<>();
        while (!queue.isEmpty()) {
            Hop h = queue.poll();
            if (!visited.add(h.chip())) {
                return "reached chip " + h.chip() + " twice";
            }
            if ((key & SCAMP_MASK) == SCAMP_KEY) {
                return "captured by SCAMP's entry 0 at " + h.chip();
            }
            int route = -1;
            for (MulticastEntry e : tables.getOrDefault(h.chip(), List.of())) {
                if ((key & e.mask()) == e.key()) {
                    route = e.route();
                    break;
                }
            }
            if (route < 0) {
                if (h.arrival() < 0) {
                    continue; // made here and matched nothing: dropped
                }
                route = 1 << h.arrival();
            }
            for (Direction d : Direction.values()) {
                if ((route >>> d.id() & 1) != 0) {
                    Optional<ChipLocation> n = machine.neighbour(h.chip(), d);
                    if (n.isEmpty()) {
                        return "sent from " + h.chip() + " on link " + d + ", which leads nowhere";
                    }
                    queue.add(new Hop(n.get(), d.id()));
                }
            }
            for (int p = 0; p < 26; p++) {
                if ((route >>> (6 + p) & 1) != 0) {
                    if (p == 0 || p >= machine.cores(h.chip())) {
                        return "delivered to core " + p + " of " + h.chip() + ", not an application core";
                    }
                    reached.add(new CoreLocation(h.chip(), p));
                }
            }
        }
        return null;
    }

    private static void checkPlacements(Machine machine, Mapping mapping, List<String> problems) {
        Set<CoreLocation> used = new HashSet<>();
        List<Placement> ps = mapping.placements();
        for (Placement p : ps) {
            CoreLocation c = p.core();
            if (!machine.hasChip(c.chip()) || c.p() < 1 || c.p() >= machine.cores(c.chip())) {
                problems.add(p.slice() + " is on " + c + ", not an application core of the machine");
            }
            if (!used.add(c)) {
                problems.add(p.slice() + " shares core " + c);
            }
            if (Integer.toUnsignedLong(~p.mask()) + 1 < p.slice().size() || (p.key() & ~p.mask()) != 0) {
                problems.add(p.slice() + ": key " + MulticastEntry.hex(p.key()) + "/" + MulticastEntry.hex(p.mask())
                        + " does not cover its neurons");
            }
        }
        for (int a = 0; a < ps.size(); a++) {
            for (int b = a + 1; b < ps.size(); b++) {
                if (((ps.get(a).key() ^ ps.get(b).key()) & ps.get(a).mask() & ps.get(b).mask()) == 0) {
                    problems.add("keys of " + ps.get(a).slice() + " and " + ps.get(b).slice() + " overlap");
                }
            }
        }
    }

    private static int compare(CoreLocation a, CoreLocation b) {
        return a.x() != b.x() ? Integer.compare(a.x(), b.x())
                : a.y() != b.y() ? Integer.compare(a.y(), b.y()) : Integer.compare(a.p(), b.p());
    }
}
