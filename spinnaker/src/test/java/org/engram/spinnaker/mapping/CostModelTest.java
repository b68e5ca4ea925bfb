package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.spinnaker.machine.Machine;
import org.junit.jupiter.api.Test;

class CostModelTest {
    /** A board whose chips offer applications only {@code sdramBytes} each. */
    static Machine boardWithSdram(long sdramBytes) {
        return Machine.of(8, 8, Machine.spinn5().chipDescriptions().stream().map(c -> new Machine.Chip(c.location(),
                c.cores(), c.linkMask(), sdramBytes, c.routerEntries(), c.nearestEthernet())).toList());
    }

    static CostModel.SliceLoad neurons(int n, int delayTicks) {
        return new CostModel.SliceLoad(BuiltNetwork.IF_CURR_EXP, n, delayTicks, 1, 255, n, 0, 0, 0);
    }

    @Test
    void ringBuffersHaveMoreSlotsThanTheLongestDelay() {
        assertEquals(1, CostModel.delaySlots(0));
        assertEquals(2, CostModel.delaySlots(1));
        assertEquals(16, CostModel.delaySlots(15));
        assertEquals(32, CostModel.delaySlots(16));
        assertEquals(1L << 31, CostModel.delaySlots(Integer.MAX_VALUE));
    }

    @Test
    void aSliceCostsItsFixedPartNeuronsRingBuffersTableAndRows() {
        // 100 IF_curr_exp neurons, delays up to 1 timestep (2 slots), one incoming edge from a
        // slice of 50 sources with 200 static synapses
        CostModel.SliceLoad l = new CostModel.SliceLoad(BuiltNetwork.IF_CURR_EXP, 100, 1, 1, 50, 200, 0, 0, 0);
        assertEquals(new Resources(8192 + 100 * 60 + 16 + 50 * 12 + 200 * 4, 12288 + 100 * 60 + 100 * 2 * 2 * 2 + 16),
                CostModel.cost(l));
        // the same as plastic synapses: 8 bytes more per row, the timing tables and the post history
        CostModel.SliceLoad p = new CostModel.SliceLoad(BuiltNetwork.IF_CURR_EXP, 100, 1, 1, 0, 0, 50, 200, 0);
        assertEquals(new Resources(8192 + 100 * 60 + 16 + 50 * 20 + 200 * 4,
                12288 + 100 * 60 + 100 * 2 * 2 * 2 + 16 + 1024 + 100 * 64), CostModel.cost(p));
        CostModel.SliceLoad array = new CostModel.SliceLoad(BuiltNetwork.SPIKE_SOURCE_ARRAY, 10, 0, 0, 0, 0, 0, 0, 30);
        assertEquals(new Resources(8192 + 10 * 8 + 30 * 4, 12288 + 10 * 8), CostModel.cost(array));
        assertThrows(IllegalStateException.class, () -> CostModel.cost(
                new CostModel.SliceLoad(BuiltNetwork.IF_COND_EXP, 1, 0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void aSliceThatNeedsMoreDtcmThanACoreIsCutToTheLargestThatFits() {
        // delays of 6 ms at 0.1 ms: 60 timesteps, 64 slots: 316 bytes of DTCM per neuron
        Mapping m = MapperTest.mapAndCheck(Networks.stimulus(255, 255, new OneToOne(), 6.0), Machine.spinn5(), 255);
        assertTrue(CostModel.cost(neurons(255, 60)).dtcmBytes() > CostModel.DTCM_BYTES, "uncut, it does not fit");
        List<Slice> cut = m.placements().stream().map(Placement::slice).filter(s -> s.label().equals("a")).toList();
        assertEquals(List.of(new Slice(1, "a", 0, 168), new Slice(1, "a", 168, 255)), cut);
        assertTrue(CostModel.cost(neurons(168, 60)).dtcmBytes() <= CostModel.DTCM_BYTES);
        assertTrue(CostModel.cost(neurons(169, 60)).dtcmBytes() > CostModel.DTCM_BYTES, "168 is the most that fits");
    }

    @Test
    void aSliceThatNeedsMoreThanItsShareOfSdramIsCut() {
        // 1 MiB per chip: 61,680 bytes per core on 18-core chips; 255 targets of 100 sources need 126,708
        Machine small = boardWithSdram(1 << 20);
        Mapping m = MapperTest.mapAndCheck(Networks.stimulus(100, 255, new AllToAll(), 1.0), small, 255);
        assertEquals((1 << 20) / 17, m.sdramPerCore());
        List<Placement> cut = m.placements().stream().filter(p -> p.slice().label().equals("a")).toList();
        assertTrue(cut.size() > 1 && cut.get(0).slice().size() < 255, cut.get(0).slice().toString());
        assertTrue(cut.stream().allMatch(p -> p.resources().sdramBytes() <= m.sdramPerCore()));
        assertEquals(8192 + 255 * 60 + 16 + 100 * 12 + 255 * 100 * 4, CostModel.cost(
                new CostModel.SliceLoad(BuiltNetwork.IF_CURR_EXP, 255, 10, 1, 100, 25500, 0, 0, 0)).sdramBytes());
    }

    @Test
    void aNeuronThatFitsNoCoreFailsSayingWhatAndByHowMuch() {
        BuiltNetwork net = BuiltNetwork.build(Networks.stimulus(1, 10, new AllToAll(), 1000.0));
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, Machine.spinn5(),
                MappingOptions.DEFAULT));
        assertEquals("population a: neuron 0 alone needs 77900 bytes of DTCM (12288 fixed, 60 neuron state, 65536"
                + " ring buffers (16384 slots for delays up to 10000 timesteps), 16 population table (1 incoming"
                + " slices)); a core has 65536, 12364 bytes too many", e.getMessage());
    }

    @Test
    void aNeuronThatNeedsMoreThanItsShareOfSdramFailsSayingByHowMuch() {
        Network.Builder b = Network.builder().timestepMs(0.1);
        Population big = b.add(Networks.neurons("big", 1));
        Population stim = b.add(Networks.poisson("stim", 1));
        b.add(new Projection("stim->big", stim, big, new AllToAll(), Networks.synapse(1.0), Receptor.excitatory, null));
        BuiltNetwork net = BuiltNetwork.build(b.build());
        MappingException e = assertThrows(MappingException.class, () -> Mapper.map(net, boardWithSdram(8200 * 17),
                MappingOptions.DEFAULT));
        assertEquals("population big: neuron 0 alone needs 8284 bytes of SDRAM (8192 fixed, 60 parameters, 16"
                + " population table (1 incoming slices), 16 static rows (1 rows, 1 synapses)); a core's share of its"
                + " chip's SDRAM is 8200, 84 bytes too many", e.getMessage());
    }
}
