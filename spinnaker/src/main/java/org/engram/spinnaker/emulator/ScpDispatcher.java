package org.engram.spinnaker.emulator;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.ScpCommand;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;

/**
 * The SCP commands a chip's monitor (SCAMP, {@code scamp_debug()} in scamp-cmd.c) and its
 * application cores (SARK, {@code sark_debug()}) answer, dispatched to the classes that do them.
 * CMD_VER and CMD_INFO are answered here. Commands the emulator does not do answer RC_CMD: RUN,
 * APLX, REMAP, SROM, DPRI, SYNC and TUBE (see the module README).
 */
final class ScpDispatcher {
    static final String SCAMP_ID = "SC&MP/SpiNNaker";
    static final String SARK_ID = "SARK/SpiNNaker";
    static final String VERSION = "4.0.0";
    /** Build date reported by CMD_VER (2019-07-24, a SCAMP 4.0.0 era date). */
    static final int BUILD_DATE = 1_563_926_400;
    private static final int VER_ARG2 = 0xFFFF << 16 | ScpMessage.MAX_DATA;
    /** What SARK answers on an application core. */
    private static final Set<ScpCommand> SARK_COMMANDS = EnumSet.of(ScpCommand.CMD_VER, ScpCommand.CMD_READ,
            ScpCommand.CMD_WRITE, ScpCommand.CMD_FILL);

    private final Machine machine;
    private final BooleanSupplier ready;
    /** Each Ethernet chip's tag table. */
    private final Map<ChipLocation, IpTagTable> tags;
    private final MemoryCommands memory;
    private final ApplicationCommands applications;
    private final NearestNeighbourFlood nearestNeighbour;

    /**
     * @param ready whether SCAMP has finished network initialisation (CMD_VER reports (255,255)
     *     until then)
     */
    ScpDispatcher(Machine machine, Map<ChipLocation, EmulatedChip> chips, BooleanSupplier ready,
            Map<ChipLocation, IpTagTable> tags,
            Map<String, CoreApplication.Factory> applicationFactories, Consumer<String> log) {
        this.machine = machine;
        this.ready = ready;
        this.tags = tags;
        this.memory = new MemoryCommands(machine, chips);
        this.applications = new ApplicationCommands(machine, chips, applicationFactories, log);
        this.nearestNeighbour = new NearestNeighbourFlood(machine, chips, applications);
    }

    /** The reply of core {@code cpu} of {@code chip} (a core the chip has) to a whole request. */
    Reply execute(EmulatedChip chip, int cpu, ScpMessage m) {
        Optional<ScpCommand> command = ScpCommand.of(m.command());
        if (command.isEmpty() || (cpu != 0 && !SARK_COMMANDS.contains(command.get()))) {
            return Reply.of(ScpResult.RC_CMD);
        }
        return switch (command.get()) {
            case CMD_VER -> version(chip, cpu);
            case CMD_READ -> memory.read(chip, m);
            case CMD_WRITE -> memory.write(chip, m);
            case CMD_FILL -> memory.fill(chip, m);
            case CMD_LINK_READ -> memory.link(chip, m, false);
            case CMD_LINK_WRITE -> memory.link(chip, m, true);
            case CMD_COUNT -> applications.count(m);
            case CMD_SIG -> applications.signal(chip, m);
            case CMD_AS -> applications.start(chip, m);
            case CMD_AR -> applications.run(chip, m);
            case CMD_APP_COPY_RUN -> applications.copyRun(chip, m);
            case CMD_NNP -> nearestNeighbour.packet(chip, m);
            case CMD_FFD -> nearestNeighbour.block(chip, m);
            case CMD_IPTAG -> tags.containsKey(chip.location) ? tags.get(chip.location).execute(m)
                    : Reply.of(ScpResult.RC_ARG); // tags live on Ethernet chips
            case CMD_ALLOC -> ResourceCommands.alloc(chip, m);
            case CMD_RTR -> ResourceCommands.router(chip, m);
            case CMD_INFO -> info(chip);
            case CMD_LED -> Reply.OK;
            default -> Reply.of(ScpResult.RC_CMD); // not emulated
        };
    }

    private Reply version(EmulatedChip chip, int cpu) {
        int p2p = ready.getAsBoolean() ? chip.location.p2pAddress() : 0xFFFF;
        byte[] name = ((cpu == 0 ? SCAMP_ID : SARK_ID) + "\0" + VERSION + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Reply(ScpResult.RC_OK, new int[] {p2p << 16 | cpu << 8 | cpu, VER_ARG2, BUILD_DATE}, name);
    }

    private Reply info(EmulatedChip chip) {
        byte[] states = new byte[ChipInfo.CORE_STATES];
        for (int p = 0; p < chip.cores && p < states.length; p++) {
            states[p] = (byte) chip.state(p);
        }
        ChipLocation eth = machine.nearestEthernet(chip.location);
        boolean isEth = eth.equals(chip.location);
        int parent = machine.p2pRoute(chip.location, ChipLocation.ZERO);
        ChipInfo ci = new ChipInfo(chip.cores, machine.linkMask(chip.location), chip.table.largestFreeBlock(), isEth,
                chip.heap.largestFree(), MemoryRegion.SYSRAM.sizeBytes() / 2, states, eth,
                isEth ? ScampBoard.LOOPBACK_IP : new byte[4], parent);
        return new Reply(ScpResult.RC_OK,
                new int[] {ci.arg1(), (int) ci.largestFreeSdramBlock(), (int) ci.largestFreeSysramBlock()}, ci.data());
    }
}
