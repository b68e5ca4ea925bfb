package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.junit.jupiter.api.Test;

class PlacerTest {
    @Test
    void chipsFillBreadthFirstFromTheEthernetChipOverWorkingLinksOnly() {
        List<ChipLocation> order = Placer.traversal(Machine.spinn5());
        assertEquals(48, order.size());
        assertEquals(List.of(new ChipLocation(0, 0), new ChipLocation(1, 0), new ChipLocation(1, 1),
                new ChipLocation(0, 1), new ChipLocation(2, 0), new ChipLocation(2, 1)), order.subList(0, 6));
        // (0,3) cut off from the rest: its links to (0,2), (1,3) and (1,4) gone with those chips
        List<Machine.Chip> chips = new ArrayList<>();
        for (Machine.Chip c : Machine.spinn5().chipDescriptions()) {
            ChipLocation l = c.location();
            if (!l.equals(new ChipLocation(0, 2)) && !l.equals(new ChipLocation(1, 3)) && !l.equals(new ChipLocation(1, 4))) {
                chips.add(c);
            }
        }
        Machine island = Machine.of(8, 8, chips);
        assertEquals(44, Placer.traversal(island).size());
        assertFalse(Placer.traversal(island).contains(new ChipLocation(0, 3)));
        List<CoreLocation> cores = Placer.applicationCores(island);
        assertEquals(new CoreLocation(0, 0, 1), cores.get(0));
        assertEquals(new CoreLocation(1, 0, 1), cores.get(17));
        // a chip reporting more cores than a route word reaches offers only cores 1-17
        List<Machine.Chip> big = new ArrayList<>();
        for (Machine.Chip c : Machine.spinn5().chipDescriptions()) {
            big.add(c.withCores(20));
        }
        assertEquals(48 * 17, Placer.applicationCores(Machine.of(8, 8, big)).size());
    }

    @Test
    void populationsFollowTheirPreSynapticOnes() {
        Network.Builder b = Network.builder();
        Population c = b.add(Networks.neurons("c", 20));
        Population d = b.add(Networks.neurons("d", 20));
        Population a = b.add(Networks.neurons("a", 20));
        Population stim = b.add(Networks.poisson("stim", 30));
        b.add(new Projection("stim->a", stim, a, new FixedProbability(0.5), Networks.synapse(1), Receptor.excitatory, null));
        b.add(new Projection("a->c", a, c, new FixedProbability(0.5), Networks.synapse(1), Receptor.excitatory, null));
        b.add(new Projection("c->a", c, a, new FixedProbability(0.5), Networks.synapse(1), Receptor.excitatory, null));
        b.add(new Projection("d->d", d, d, new FixedProbability(0.5), Networks.synapse(1), Receptor.excitatory, null));
        Network net = b.build();
        assertEquals(List.of(3, 2, 0, 1), Placer.populationOrder(net), "stim, a, c, then d, which feeds only itself");
        Mapping m = Mapper.map(BuiltNetwork.build(net), Machine.spinn5(), new MappingOptions(10));
        assertEquals(new CoreLocation(0, 0, 1), m.placementOf(3, 0).core());
        assertEquals(new CoreLocation(0, 0, 4), m.placementOf(2, 0).core(), "a right after stim's three slices");
        assertEquals(new CoreLocation(0, 0, 6), m.placementOf(0, 0).core());
        assertEquals(new CoreLocation(0, 0, 8), m.placementOf(1, 0).core());
    }
}
