package org.engram.spinnaker.emulator;

import java.util.Map;
import java.util.OptionalInt;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.scp.FloodFillData;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.NearestNeighbourPacket;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.scp.SendSignal;

/**
 * CMD_NNP and CMD_FFD: nearest-neighbour packets that every chip acts on and passes on ({@code
 * nn_rcv_pkt} in scamp-nn.c), so that each reaches the whole machine once. The emulator acts on
 * the application signal (SIG0 op 5) and on flood fills (start, core select, blocks, end);
 * other NN commands are accepted and do nothing here.
 */
final class NearestNeighbourFlood {
    private final Machine machine;
    private final Map<ChipLocation, EmulatedChip> chips;
    private final ApplicationCommands applications;

    NearestNeighbourFlood(Machine machine, Map<ChipLocation, EmulatedChip> chips, ApplicationCommands applications) {
        this.machine = machine;
        this.chips = chips;
        this.applications = applications;
    }

    /** CMD_NNP: arg1 key, arg2 payload, arg3 links to send on (bits 15:8). */
    Reply packet(EmulatedChip chip, ScpMessage m) {
        if (!floods(chip, NearestNeighbourPacket.links(m.arg3()))) {
            return Reply.OK;
        }
        int key = m.arg1();
        int payload = m.arg2();
        switch (NearestNeighbourPacket.command(key)) {
            case NearestNeighbourPacket.NN_SIG0 -> {
                if (NearestNeighbourPacket.sig0Op(payload) == NearestNeighbourPacket.SIG0_SIGNAL_APPLICATION) {
                    applications.signalEveryChip(SendSignal.Data.decode(payload));
                }
            }
            case NearestNeighbourPacket.NN_FLOOD_FILL_START -> chips.values().forEach(c -> c.floodFill.start(
                    NearestNeighbourPacket.floodFillStartId(key), NearestNeighbourPacket.floodFillBlocks(key)));
            case NearestNeighbourPacket.NN_FLOOD_FILL_CORES -> chips.values().forEach(c -> c.floodFill.selectCores(
                    NearestNeighbourPacket.floodFillCoreMask(key), payload));
            case NearestNeighbourPacket.NN_FLOOD_FILL_END -> {
                for (EmulatedChip c : chips.values()) {
                    OptionalInt start = c.floodFill.end(NearestNeighbourPacket.floodFillEndId(key), payload);
                    if (start.isPresent()) {
                        applications.startFloodFilled(c, IdOpMask.decode(start.getAsInt()));
                    }
                }
            }
            default -> { } // router control, time phase, memory pokes…: not emulated
        }
        return Reply.OK;
    }

    /** CMD_FFD: a block of a flood fill (arg1 links and id, arg2 block and words, arg3 address). */
    Reply block(EmulatedChip chip, ScpMessage m) {
        int words = FloodFillData.wordsOf(m.arg2());
        if (m.data().length < 4 * words) {
            return Reply.of(ScpResult.RC_LEN);
        }
        if (!floods(chip, FloodFillData.linksOf(m.arg1()))) {
            return Reply.OK;
        }
        int id = FloodFillData.idOf(m.arg1());
        int block = FloodFillData.blockOf(m.arg2());
        long address = m.arg3() & 0xFFFF_FFFFL;
        for (EmulatedChip c : chips.values()) {
            if (c.floodFill.wants(id, block)) {
                c.floodFill.blockDone(block, c.write(address, m.data(), 4 * words));
            }
        }
        return Reply.OK;
    }

    /** Whether a packet sent on {@code links} leaves the chip (and so reaches the whole machine). */
    private boolean floods(EmulatedChip chip, int links) {
        return (links & machine.linkMask(chip.location)) != 0;
    }
}
