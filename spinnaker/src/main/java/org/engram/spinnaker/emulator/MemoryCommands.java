package org.engram.spinnaker.emulator;

import java.util.Map;
import java.util.Optional;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;

/**
 * CMD_READ, CMD_WRITE and CMD_FILL ({@code sark_cmd_read/_write/_fill}) on a chip's memory map,
 * and CMD_LINK_READ and CMD_LINK_WRITE ({@code cmd_link_read/_write}) on a neighbour's.
 */
final class MemoryCommands {
    /** Transfer type word (2), as link reads and writes use. */
    private static final int WORDS = 2;

    private final Machine machine;
    private final Map<ChipLocation, EmulatedChip> chips;

    MemoryCommands(Machine machine, Map<ChipLocation, EmulatedChip> chips) {
        this.machine = machine;
        this.chips = chips;
    }

    /** arg1 address, arg2 length (1–256), arg3 transfer type (0 byte, 1 halfword, 2 word). */
    Reply read(EmulatedChip chip, ScpMessage m) {
        return read(chip, m.arg1(), m.arg2(), m.arg3());
    }

    /** As {@link #read}, the data following. */
    Reply write(EmulatedChip chip, ScpMessage m) {
        return write(chip, m.arg1(), m.arg2(), m.arg3(), m.data());
    }

    /** arg1 address, arg2 the word, arg3 byte count; all in whole words. */
    Reply fill(EmulatedChip chip, ScpMessage m) {
        long address = m.arg1() & 0xFFFF_FFFFL;
        long bytes = m.arg3() & 0xFFFF_FFFFL;
        if (address % 4 != 0 || bytes % 4 != 0 || bytes == 0) {
            return Reply.of(ScpResult.RC_ARG);
        }
        return chip.fill(address, m.arg2(), bytes) ? Reply.OK : Reply.of(ScpResult.RC_ARG);
    }

    /** arg1 address, arg2 length (words, ≤ 256 bytes), arg3 link 0–5; RC_TIMEOUT on a dead link. */
    Reply link(EmulatedChip chip, ScpMessage m, boolean write) {
        int address = m.arg1();
        int length = m.arg2();
        int link = m.arg3();
        if (link < 0 || link > 5 || length < 4 || length > ScpMessage.MAX_DATA || length % 4 != 0
                || address % 4 != 0) {
            return Reply.of(ScpResult.RC_ARG);
        }
        Optional<ChipLocation> n = machine.neighbour(chip.location, Direction.values()[link]);
        if (n.isEmpty()) {
            return Reply.of(ScpResult.RC_TIMEOUT); // nothing answers on a dead link
        }
        EmulatedChip other = chips.get(n.get());
        return write ? write(other, address, length, WORDS, m.data()) : read(other, address, length, WORDS);
    }

    private static Reply read(EmulatedChip chip, int address, int length, int type) {
        ScpResult bad = checkTransfer(address, length, type);
        if (bad != null) {
            return Reply.of(bad);
        }
        byte[] out = new byte[length];
        return chip.read(address & 0xFFFF_FFFFL, out) ? Reply.data(out) : Reply.of(ScpResult.RC_ARG);
    }

    private static Reply write(EmulatedChip chip, int address, int length, int type, byte[] data) {
        ScpResult bad = checkTransfer(address, length, type);
        if (bad != null) {
            return Reply.of(bad);
        }
        if (data.length < length) {
            return Reply.of(ScpResult.RC_LEN);
        }
        return chip.write(address & 0xFFFF_FFFFL, data, length) ? Reply.OK : Reply.of(ScpResult.RC_ARG);
    }

    /** Length, type and alignment as cmd_read()/cmd_write() check them; null if fine. */
    private static ScpResult checkTransfer(int address, int length, int type) {
        if (length < 1 || length > ScpMessage.MAX_DATA || type < 0 || type > WORDS) {
            return ScpResult.RC_ARG;
        }
        int unit = 1 << type;
        if ((address & (unit - 1)) != 0 || (length & (unit - 1)) != 0) {
            return ScpResult.RC_ARG;
        }
        return null;
    }
}
