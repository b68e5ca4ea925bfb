package org.engram.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.transceiver.MachineInfo;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram spinnaker info}: the machine as SpiNNMan discovers it, or one chip. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Discover the machine as SpiNNMan does (dimensions, P2P table, CMD_INFO of every chip), "
                + "or summarise one chip.")
final class SpinnakerInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Option(names = "--chip", converter = SpinnakerValues.Chip.class, paramLabel = "X,Y", description = "one chip only")
    ChipLocation chip;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Transceiver t = board.connect()) {
            if (chip != null) {
                print(out, chip, t.chipInfo(chip));
                return 0;
            }
            MachineInfo m = t.discoverMachine();
            out.printf("%s %s; %dx%d machine, %s, %s%n", m.version().name(), m.version().version(), m.width(),
                    m.height(), Counts.of(m.chips().size(), "chip"), Counts.of(m.totalCores(), "core"));
            for (Map.Entry<ChipLocation, ChipInfo> e : m.chips().entrySet()) {
                print(out, e.getKey(), e.getValue());
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, ChipLocation c, ChipInfo i) {
        out.printf("chip %-7s cores %2d  links 0x%02X  free router entries %4d  largest SDRAM block %9d"
                + "  ethernet %s %s%n", c, i.workingCores(), i.linkMask(), i.freeRouterEntries(),
                i.largestFreeSdramBlock(), i.nearestEthernet(), i.ethernetUp() ? "(this chip)" : "");
    }
}
