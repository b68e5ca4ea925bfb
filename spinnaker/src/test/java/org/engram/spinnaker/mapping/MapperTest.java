package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.DCSource;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.StepCurrentSource;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MapperTest {
    /** Maps, then asserts that every key reaches exactly its targets and every slice fits its core. */
    static Mapping mapAndCheck(Network net, Machine machine, int neuronsPerCore) {
        BuiltNetwork built = BuiltNetwork.build(net);
        Mapping m = Mapper.map(built, machine, new MappingOptions(neuronsPerCore));
        List<String> problems = RouteChecker.problems(machine, built, m);
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), problems.size() + " problems");
        for (Placement p : m.placements()) {
            assertTrue(p.slice().size() <= neuronsPerCore, p.slice().toString());
            assertTrue(p.resources().dtcmBytes() <= CostModel.DTCM_BYTES, p.slice() + " " + p.resources());
            assertTrue(p.resources().sdramBytes() <= m.sdramPerCore(), p.slice() + " " + p.resources());
        }
        assertIncomingMatchesTheConnections(built, m);
        return m;
    }

    /**
     * Every placement's incoming edges, against the projections' connections drawn again: the
     * synapses of each projection from each source slice into each target slice.
     */
    static void assertIncomingMatchesTheConnections(BuiltNetwork built, Mapping m) {
        Map<Placement, Integer> index = new IdentityHashMap<>();
        for (Placement p : m.placements()) {
            index.put(p, index.size());
        }
        long n = index.size();
        Map<Long, Integer> expected = new TreeMap<>();
        List<Population> pops = built.network.populations();
        for (int k = 0; k < built.network.projections().size(); k++) {
            Projection pr = built.network.projections().get(k);
            BuiltNetwork.Connections c = built.connections(k);
            int[] pre = c.pre();
            int[] post = c.post();
            for (int i = 0; i < c.size(); i++) {
                long from = index.get(m.placementOf(pops.indexOf(pr.pre().population()), pre[i]));
                long to = index.get(m.placementOf(pops.indexOf(pr.post().population()), post[i]));
                expected.merge((k * n + from) * n + to, 1, Integer::sum);
            }
        }
        Map<Long, Integer> actual = new TreeMap<>();
        for (Placement p : m.placements()) {
            for (Incoming in : p.incoming()) {
                long from = index.get(m.placementOf(in.source().population(), in.source().lo()));
                actual.merge((in.projection() * n + from) * n + index.get(p), in.synapses(), Integer::sum);
            }
        }
        assertEquals(expected, actual, "synapses per (projection, source slice, target slice)");
    }

    /** A board with chip (2,2) dead and chip (1,0) down to 5 working cores. */
    static Machine damagedBoard() {
        List<Machine.Chip> chips = new ArrayList<>();
        for (Machine.Chip c : Machine.spinn5().chipDescriptions()) {
            if (!c.location().equals(new ChipLocation(2, 2))) {
                chips.add(c.location().equals(new ChipLocation(1, 0)) ? c.withCores(5) : c);
            }
        }
        return Machine.of(8, 8, chips);
    }

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(24);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomNetworksRouteEveryKeyToExactlyItsTargets(long seed) {
        Network net = Networks.random(seed);
        int neurons = net.neuronCount();
        int perCore = Math.max(1, neurons / (20 + new Random(seed).nextInt(60)));
        Machine machine = seed % 3 == 0 ? damagedBoard() : Machine.spinn5();
        Mapping m = mapAndCheck(net, machine, perCore);
        assertTrue(m.chipsUsed().size() > 1, "several chips: " + m.chipsUsed());
        assertTrue(m.placements().stream().anyMatch(p -> !p.incoming().isEmpty()));
    }

    @Test
    void aNetworkAcrossTheWholeBoardRoutesInEveryDirection() {
        Machine board = Machine.spinn5();
        Mapping m = mapAndCheck(Networks.loop(5, 400, 1400, 0.005, 0.002), board, 4);
        Set<ChipLocation> used = new HashSet<>(m.chipsUsed());
        assertEquals(new HashSet<>(board.chips()), used, "every chip holds slices");
        int links = 0;
        for (RoutingTable t : m.tables()) {
            for (MulticastEntry e : t.entries()) {
                links |= e.links();
            }
        }
        assertEquals(0x3F, links, "entries send on every link, E to S");
        assertTrue(m.tables().stream().anyMatch(t -> t.defaultRouted() > 0), "some hops left to default routing");
    }

    static Stream<Arguments> multiBoardMachines() {
        return Stream.of(Arguments.of(Machine.ofTriads(1, 1, true), true), Arguments.of(Machine.ofTriads(2, 1, true), true),
                Arguments.of(Machine.ofTriads(1, 1, false), false));
    }

    @ParameterizedTest
    @MethodSource("multiBoardMachines")
    void multiBoardMachinesRouteAcrossBoardsAndAroundTheTorus(Machine machine, boolean wraps) {
        Mapping m = mapAndCheck(Networks.loop(11, 400, 600, 0.01, 0.01), machine, 1);
        Set<ChipLocation> boards = new HashSet<>();
        for (ChipLocation c2 : m.chipsUsed()) {
            boards.add(machine.nearestEthernet(c2));
        }
        assertTrue(boards.size() > 1, "slices on several boards: " + boards);
        boolean wrapped = false;
        for (RoutingTable t : m.tables()) {
            for (MulticastEntry e : t.entries()) {
                for (Direction d : Direction.values()) {
                    if ((e.links() >>> d.id() & 1) != 0) {
                        ChipLocation n = machine.neighbour(t.chip(), d).orElseThrow();
                        wrapped |= n.x() != t.chip().x() + d.dx || n.y() != t.chip().y() + d.dy;
                    }
                }
            }
        }
        assertEquals(wraps, wrapped, "routes use the wrap-around links exactly when the machine has them");
    }

    @Test
    void aTableOfMoreThanTheRoutersEntriesIsCompressed() {
        // 1200 one-neuron source slices, each to one of three target cores by its index mod 3: no
        // two keys of a class differ in one bit, so only ordered covering brings the table down
        Network.Builder b = Network.builder().seed(3).timestepMs(0.1);
        Population stim = b.add(Networks.poisson("stim", 1200));
        Population t = b.add(Networks.neurons("t", 3));
        List<FromList.Connection> list = new ArrayList<>();
        for (int i = 0; i < stim.size(); i++) {
            list.add(new FromList.Connection(i, i % 3));
        }
        b.add(new Projection("stim->t", stim, t, new FromList(list), Networks.synapse(1), Receptor.excitatory, null));
        Machine triad = Machine.ofTriads(1, 1, true);
        Mapping m = mapAndCheck(b.build(), triad, 1);
        ChipLocation target = m.placementOf(1, 0).core().chip();
        assertEquals(target, m.placementOf(1, 2).core().chip(), "the three targets share a chip");
        RoutingTable table = m.table(target).orElseThrow();
        assertEquals(1200, table.entriesBeforeCompression());
        assertTrue(table.compressed());
        assertTrue(table.entries().size() <= Machine.FREE_ROUTER_ENTRIES, table.entries().size() + " entries");
        assertTrue(m.describe().contains("(1 compressed)"), m.describe().lines().findFirst().orElseThrow());
    }

    @Test
    void deadChipsAndCoresAreAvoided() {
        Machine machine = damagedBoard();
        Network.Builder b = Network.builder().seed(9).timestepMs(0.1);
        Population stim = b.add(Networks.poisson("stim", 300));
        Population a = b.add(Networks.neurons("a", 1200));
        b.add(new Projection("stim->a", stim, a, new FixedProbability(0.01), Networks.synapse(1), Receptor.excitatory, null));
        b.add(new Projection("a->a", a, a, new FixedProbability(0.002), Networks.synapse(1), Receptor.inhibitory, null));
        Mapping m = mapAndCheck(b.build(), machine, 2);
        assertEquals(750, m.placements().size());
        assertEquals(808 - 17 - 13, m.applicationCores(), "(2,2) had 17 application cores, (1,0) loses 13");
        assertFalse(m.chipsUsed().contains(new ChipLocation(2, 2)));
        assertTrue(m.placements().stream().filter(p -> p.core().chip().equals(new ChipLocation(1, 0)))
                .allMatch(p -> p.core().p() >= 1 && p.core().p() <= 4));
        assertTrue(m.tables().stream().noneMatch(t -> t.chip().equals(new ChipLocation(2, 2))));
    }

    @Test
    void incomingEdgesNameTheirProjectionAndTheSourceSlicesKeys() {
        Network net = Networks.random(7);
        BuiltNetwork built = BuiltNetwork.build(net);
        Mapping m = Mapper.map(built, Machine.spinn5(), new MappingOptions(16));
        long[] synapses = new long[net.projections().size()];
        for (Placement p : m.placements()) {
            for (Incoming in : p.incoming()) {
                Placement source = m.placementOf(in.source().population(), in.source().lo());
                assertEquals(in.source(), source.slice());
                assertEquals(source.key(), in.key());
                assertEquals(source.mask(), in.mask());
                assertEquals(net.projections().get(in.projection()).label(), in.label());
                assertEquals(net.projections().get(in.projection()).post().population().label(), p.slice().label());
                synapses[in.projection()] += in.synapses();
            }
        }
        for (int k = 0; k < synapses.length; k++) {
            assertEquals(built.connections(k).size(), synapses[k], "synapses of " + net.projections().get(k).label());
        }
        Placement first = m.placementOf(0, 0);
        assertEquals(first.key() | 3, first.keyOf(3));
        assertThrows(IllegalArgumentException.class, () -> first.keyOf(first.slice().hi()));
    }

    @Test
    void alikeStaticProjectionsBetweenTheSamePopulationsAreCountedApart() {
        // the rows merge static projections: these are told apart by receptor or by view (a zero
        // weight shows no receptor), but same1 and same2 only by drawing them again
        Network.Builder b = Network.builder().seed(4).timestepMs(0.1);
        Population a = b.add(Networks.neurons("a", 60));
        Population c = b.add(Networks.neurons("c", 50));
        b.add(new Projection("exc", a.slice(0, 30), c, new FixedProbability(0.3), Networks.synapse(1),
                Receptor.excitatory, null));
        b.add(new Projection("inh", a, c, new FixedProbability(0.3), Networks.synapse(1), Receptor.inhibitory, null));
        b.add(new Projection("view", a.slice(30, 60), c, new FixedProbability(0.5), new StaticSynapse(0.2, 2),
                Receptor.excitatory, null));
        b.add(new Projection("zero", c.slice(0, 10), a.slice(0, 10), new OneToOne(), new StaticSynapse(0, 1),
                Receptor.inhibitory, null));
        b.add(new Projection("inh-back", c.slice(10, 50), a, new FixedProbability(0.2), Networks.synapse(1),
                Receptor.inhibitory, null));
        b.add(new Projection("same1", c.slice(20, 50), a, new FixedProbability(0.2), new StaticSynapse(0.1, 1),
                Receptor.excitatory, null));
        b.add(new Projection("same2", c.slice(20, 50), a, new FixedProbability(0.2), new StaticSynapse(0.3, 1),
                Receptor.excitatory, null));
        Network net = b.build();
        SynapseOrigins origins = new SynapseOrigins(BuiltNetwork.build(net));
        for (int k = 0; k < net.projections().size(); k++) {
            assertEquals(k >= 5, origins.drawnPre[k] != null, net.projections().get(k).label() + " drawn again");
        }
        mapAndCheck(net, Machine.spinn5(), 7);
    }

    @Test
    void aPopulationsSlicesShareOneAlignedKeyBlock() {
        Mapping m = Mapper.map(BuiltNetwork.build(Networks.stimulus(10, 600, new FixedProbability(0.5), 1)),
                Machine.spinn5(), MappingOptions.DEFAULT);
        List<Placement> slices = m.placements().stream().filter(p -> p.slice().label().equals("a")).toList();
        assertEquals(3, slices.size());
        for (int s = 0; s < 3; s++) {
            assertEquals(slices.get(0).key() + (s << 8), slices.get(s).key());
            assertEquals(0xFFFFFF00, slices.get(s).mask());
        }
        assertEquals(0, slices.get(0).key() & 0x3FF, "a block of 4 × 256 keys, aligned");
    }

    @Test
    void aDryRunPrintsEverySliceAndEveryTable() {
        FromList threeToThree = new FromList(List.of(new FromList.Connection(0, 0), new FromList.Connection(1, 1),
                new FromList.Connection(2, 2)));
        Mapping m = Mapper.map(BuiltNetwork.build(Networks.stimulus(3, 300, threeToThree, 1)), Machine.spinn5(),
                MappingOptions.DEFAULT);
        List<String> lines = m.describe().lines().toList();
        assertEquals("mapping: 3 slices on 3 of 808 application cores (1 chip); 1 routing tables (0 compressed);"
                + " at most 255 neurons per core, 7401712 bytes of SDRAM per core", lines.get(0));
        assertTrue(lines.get(2).matches("stim\\[0:3\\] +\\(0,0,1\\) +0x00000200 0xFFFFFFFC +\\d+ +\\d+  -"), lines.get(2));
        assertTrue(lines.get(3).matches("a\\[0:255\\] +\\(0,0,2\\) +0x00000000 0xFFFFFF00 .* 1 edges, 3 synapses from stim"),
                lines.get(3));
        assertTrue(lines.get(4).startsWith("a[255:300]"), lines.get(4));
        assertTrue(lines.get(6).matches("\\(0,0\\) +1 +1 +1 +0"), lines.get(6));
        assertEquals(7, lines.size());
    }

    @Test
    void anUnsupportedModelFailsNamingItsPopulation() {
        Network.Builder b = Network.builder();
        Population stim = b.add(Networks.poisson("stim", 10));
        Population cond = b.add(new Population("cond", 10, StandardModel.IF_cond_exp.defaults()));
        b.add(new Projection("stim->cond", stim, cond, new OneToOne(), Networks.synapse(1), Receptor.excitatory, null));
        BuiltNetwork net = BuiltNetwork.build(b.build());
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, Machine.spinn5(),
                MappingOptions.DEFAULT));
        assertEquals("population cond: IF_cond_exp is not supported on SpiNNaker; the board runs IF_curr_exp,"
                + " IF_curr_delta, SpikeSourceArray and SpikeSourcePoisson", e.getMessage());
    }

    @Test
    void currentSourcesAreRefusedWithOneMessage() {
        Network.Builder b = Network.builder();
        Population exc = b.add(new Population("exc", 10, StandardModel.IF_curr_exp.defaults()));
        b.add(new StepCurrentSource(new double[] {1, 2}, new double[] {0.5, 0}).injectInto(exc.slice(0, 5)));
        b.add(new DCSource(0.1).injectInto(exc));
        BuiltNetwork net = BuiltNetwork.build(b.build());
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, Machine.spinn5(),
                MappingOptions.DEFAULT));
        assertEquals("current sources are not deployed to SpiNNaker (2 in this network, the first a StepCurrentSource"
                + " into exc[0:5]); run in event or grid mode", e.getMessage());
    }

    @Test
    void tooManySlicesFailSayingHowManyCoresAreNeededAndHowManyThereAre() {
        BuiltNetwork net = BuiltNetwork.build(Networks.stimulus(100, 800, new FixedProbability(0.1), 1));
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, Machine.spinn5(),
                new MappingOptions(1)));
        assertEquals("the network needs 900 cores, one per slice (stim 100, a 800); the machine has 808 application"
                + " cores, 92 too few", e.getMessage());
    }

    @Test
    void aMachineWithoutApplicationCoresAndZeroNeuronsPerCoreAreRefused() {
        Machine monitorsOnly = Machine.of(8, 8, Machine.spinn5().chipDescriptions().stream().map(c -> c.withCores(1)).toList());
        Network.Builder b = Network.builder();
        b.add(Networks.poisson("stim", 1));
        BuiltNetwork net = BuiltNetwork.build(b.build());
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, monitorsOnly, MappingOptions.DEFAULT));
        assertEquals("the machine has no application cores (48 chips)", e.getMessage());
        e = assertThrows(MappingException.class, () -> new MappingOptions(0));
        assertEquals("neuronsPerCore is 0; expected at least 1", e.getMessage());
    }
}
