package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker finds each kind of broken mapping, so that its silence on the real ones means something. */
class RouteCheckerTest {
    static final Machine BOARD = Machine.spinn5();
    static BuiltNetwork net;
    static Mapping good;

    @BeforeAll
    static void map() {
        net = BuiltNetwork.build(Networks.loop(2, 200, 400, 0.05, 0.05));
        good = Mapper.map(net, BOARD, new MappingOptions(8));
    }

    /** The mapping with every table's entries changed by {@code change}. */
    static Mapping withTables(UnaryOperator<List<MulticastEntry>> change) {
        List<RoutingTable> tables = new ArrayList<>();
        for (RoutingTable t : good.tables()) {
            tables.add(new RoutingTable(t.chip(), change.apply(new ArrayList<>(t.entries())), t.treeEntries(),
                    t.defaultRouted()));
        }
        return new Mapping(good.options(), good.sdramPerCore(), good.applicationCores(), good.placements(), tables);
    }

    @Test
    void theRealMappingPasses() {
        assertEquals(List.of(), RouteChecker.problems(BOARD, net, good));
        assertTrue(good.chipsUsed().size() > 3);
    }

    @Test
    void aMissingEntryIsFound() {
        Mapping broken = withTables(es -> {
            es.remove(es.size() - 1);
            return es;
        });
        assertTrue(RouteChecker.problems(BOARD, net, broken).stream().anyMatch(p -> p.contains("reached")));
    }

    @Test
    void anExtraCoreIsFound() {
        Mapping broken = withTables(es -> {
            MulticastEntry e = es.get(0);
            es.set(0, new MulticastEntry(e.key(), e.mask(), e.route() | MulticastEntry.coreBit(16)));
            return es;
        });
        assertTrue(RouteChecker.problems(BOARD, net, broken).stream().anyMatch(p -> p.contains("reached")));
    }

    @Test
    void aCatchAllAboveTheEntriesIsFound() {
        Mapping broken = withTables(es -> {
            if (es.size() > 1) {
                es.add(0, new MulticastEntry(0, 0, es.get(es.size() - 1).route()));
            }
            return es;
        });
        assertTrue(!RouteChecker.problems(BOARD, net, broken).isEmpty());
    }

    @Test
    void aRouteOffTheEdgeAndOverlappingKeysAndSharedCoresAreFound() {
        Mapping offEdge = withTables(es -> {
            MulticastEntry e = es.get(0);
            es.set(0, new MulticastEntry(e.key(), e.mask(), e.route() | 0x3F));
            return es;
        });
        assertTrue(RouteChecker.problems(BOARD, net, offEdge).stream().anyMatch(p -> p.contains("leads nowhere")
                || p.contains("twice")));
        List<Placement> ps = new ArrayList<>(good.placements());
        Placement a = ps.get(0);
        Placement b = ps.get(1);
        ps.set(1, new Placement(b.slice(), a.core(), a.key(), b.mask(), b.resources(), b.incoming()));
        ps.set(2, new Placement(ps.get(2).slice(), new CoreLocation(0, 0, 0), ps.get(2).key(), ps.get(2).mask(),
                ps.get(2).resources(), ps.get(2).incoming()));
        List<String> problems = RouteChecker.problems(BOARD, net, new Mapping(good.options(), good.sdramPerCore(),
                good.applicationCores(), ps, good.tables()));
        assertTrue(problems.stream().anyMatch(p -> p.contains("overlap")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("shares core")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("not an application core")), problems.toString());
    }
}
