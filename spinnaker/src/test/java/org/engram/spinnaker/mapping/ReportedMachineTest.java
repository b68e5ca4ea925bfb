package org.engram.spinnaker.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.transceiver.MachineInfo;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.Test;

/**
 * A machine made from what the loopback emulator reports to the start-up sequence is the
 * SpiNN-5 board the emulator models, and a network maps onto it (this test may use the
 * emulator and the transceiver; the mapping itself does not).
 */
class ReportedMachineTest {
    /** The machine a {@link Transceiver#discoverMachine()} result describes. */
    static Machine machineOf(MachineInfo info) {
        List<Machine.Chip> chips = new ArrayList<>();
        for (Map.Entry<ChipLocation, ChipInfo> e : info.chips().entrySet()) {
            ChipInfo c = e.getValue();
            chips.add(new Machine.Chip(e.getKey(), c.workingCores(), c.linkMask(), c.largestFreeSdramBlock(),
                    c.freeRouterEntries(), c.nearestEthernet()));
        }
        return Machine.of(info.width(), info.height(), chips);
    }

    @Test
    void theReportedBoardIsTheModelledOneAndANetworkMapsOntoIt() throws Exception {
        Machine reported;
        try (BoardEmulator emu = BoardEmulator.start(EmulatorOptions.ephemeral(), line -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", emu.scpAddress().getPort(), 54321,
                        RetryPolicy.DEFAULT.withTimeoutMs(200))) {
            reported = machineOf(t.discoverMachine());
        }
        Machine model = Machine.spinn5();
        assertEquals(model.chips().stream().sorted().toList(), reported.chips());
        for (ChipLocation c : model.chips()) {
            assertEquals(model.chip(c), reported.chip(c), "chip " + c);
            assertEquals(model.linkMask(c), reported.linkMask(c), "links of " + c);
        }
        assertEquals(List.of(ChipLocation.ZERO), reported.ethernetChips());
        Mapping m = MapperTest.mapAndCheck(Networks.random(42), reported, 8);
        assertEquals(Mapper.map(BuiltNetwork.build(Networks.random(42)), model, new MappingOptions(8)).describe(),
                m.describe(), "the same mapping as on the modelled board");
    }
}
