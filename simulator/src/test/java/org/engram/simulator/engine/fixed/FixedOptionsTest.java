package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.synapse.StaticSynapse;
import org.junit.jupiter.api.Test;

class FixedOptionsTest {
    /** A Poisson source of 7 into 10 IF_curr_exp neurons, all to all. */
    static Network network() {
        Network.Builder b = Network.builder().seed(3).timestepMs(1);
        Population src = b.add(new Population("src", 7, StandardModel.SpikeSourcePoisson.with("rate", 50.0)));
        Population a = b.add(new Population("a", 10, StandardModel.IF_curr_exp.defaults()));
        b.add(new Projection("src->a", src, a, new AllToAll(), new StaticSynapse(0.5, 1), Receptor.excitatory, null));
        return b.build();
    }

    @Test
    void eachPopulationIsCutAtItsOwnSizeAndKeyedAsAssigned() {
        // keys 0x100 apart per slice, as a mapping might give them
        FixedOptions options = FixedOptions.perPopulation(new int[] {3, 4}, s -> (s.ordinal() + 1) << 8);
        FixedNetwork f = FixedNetwork.build(network(), 1, options);
        List<int[]> expected = List.of(new int[] {0, 0, 3}, new int[] {0, 3, 3}, new int[] {0, 6, 1},
                new int[] {1, 0, 4}, new int[] {1, 4, 4}, new int[] {1, 8, 2});
        assertEquals(expected.size(), f.slices().size());
        for (int k = 0; k < expected.size(); k++) {
            Slice s = f.slices().get(k);
            assertArrayEquals(expected.get(k), new int[] {s.population(), s.first(), s.size()}, s.toString());
            assertEquals((k + 1) << 8, f.firstKey(k));
            assertEquals((k + 1) << 8, f.cores().get(k).firstKey());
            assertEquals(s.size(), f.cores().get(k).size());
        }
        // every neuron slice of a listens to the three source slices, each by its key and mask
        for (int k = 3; k < 6; k++) {
            SynapticMatrix m = ((NeuronCore) f.cores().get(k)).matrix();
            assertArrayEquals(new int[] {0x100, 0x200, 0x300}, m.entryKey);
            assertArrayEquals(new int[] {-4, -4, -1}, m.entryMask, "3, 3 and 1 neurons: 2, 2 and 0 key bits");
            assertArrayEquals(new int[] {3, 3, 1}, m.entryRows);
            assertEquals(-1, m.row(0x301), "the last source slice has one neuron");
            assertEquals(6, m.row(0x300));
        }
    }

    @Test
    void oneSizeForEveryPopulationIsTheUniformCut() {
        FixedNetwork uniform = FixedNetwork.build(network(), 1, new FixedOptions(4, KeyAssignment.DEFAULT));
        FixedNetwork same = FixedNetwork.build(network(), 1, FixedOptions.perPopulation(new int[] {4, 4},
                KeyAssignment.DEFAULT));
        assertEquals(uniform.slices(), same.slices());
    }

    @Test
    void sizesForAnotherNumberOfPopulationsAreRefused() {
        FixedOptions three = FixedOptions.perPopulation(new int[] {3, 4, 5}, KeyAssignment.DEFAULT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixedNetwork.build(network(), 1, three));
        assertTrue(e.getMessage().contains("given for 3 populations; the network has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FixedOptions.perPopulation(new int[] {0, 4},
                KeyAssignment.DEFAULT));
    }
}
