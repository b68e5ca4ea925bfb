package org.engram.spinnaker.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ApplicationCopyRun;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.scp.SendSignal;
import org.engram.spinnaker.scp.Signal;

/**
 * Starting, signalling and counting application cores: CMD_AS, CMD_AR, CMD_APP_COPY_RUN
 * ({@code proc_start_app} in scamp-app.c, {@code cmd_ar} and {@code cmd_app_copy_run} in
 * scamp-cmd.c), CMD_SIG ({@code cmd_sig}, {@code signal_app}) and CMD_COUNT.
 */
final class ApplicationCommands {
    private final Machine machine;
    private final Map<ChipLocation, EmulatedChip> chips;
    private final Map<String, CoreApplication.Factory> applications;
    private final Consumer<String> log;

    ApplicationCommands(Machine machine, Map<ChipLocation, EmulatedChip> chips,
            Map<String, CoreApplication.Factory> applications, Consumer<String> log) {
        this.machine = machine;
        this.chips = chips;
        this.applications = applications;
        this.log = log;
    }

    /** CMD_AS: arg1 image address (in SDRAM), arg2 {@link IdOpMask}. */
    Reply start(EmulatedChip chip, ScpMessage m) {
        long image = m.arg1() & 0xFFFF_FFFFL;
        IdOpMask cores = IdOpMask.decode(m.arg2());
        var where = MemoryRegion.locate(image, 4);
        if (cores.coreMask() == 0 || where.isEmpty() || where.get().region() != MemoryRegion.SDRAM) {
            return Reply.of(ScpResult.RC_ARG);
        }
        return startOn(chip, image, cores);
    }

    /** CMD_AR: arg1 {@link IdOpMask}; the image is the one at {@code sv->sdram_sys}. */
    Reply run(EmulatedChip chip, ScpMessage m) {
        return startOn(chip, MemoryRegion.SDRAM_SYS, IdOpMask.decode(m.arg1()));
    }

    /** CMD_APP_COPY_RUN: arg1 {@link ApplicationCopyRun.Source}, arg2 size, arg3 {@link IdOpMask}. */
    Reply copyRun(EmulatedChip chip, ScpMessage m) {
        ApplicationCopyRun.Source source = ApplicationCopyRun.Source.decode(m.arg1());
        int size = m.arg2();
        IdOpMask cores = IdOpMask.decode(m.arg3());
        if (source.link() > 5 || size < 0 || size % 4 != 0 || size > ApplicationCopyRun.MAX_SIZE_BYTES) {
            return Reply.of(ScpResult.RC_ARG);
        }
        ScpResult bad = checkCores(chip, cores);
        if (bad != null) {
            return Reply.of(bad);
        }
        Optional<ChipLocation> from = machine.neighbour(chip.location, Direction.values()[source.link()]);
        if (from.isEmpty()) {
            return Reply.of(ScpResult.RC_TIMEOUT); // the link reads time out
        }
        byte[] image = new byte[size];
        chips.get(from.get()).read(MemoryRegion.SDRAM_SYS, image);
        chip.write(MemoryRegion.SDRAM_SYS, image, size);
        int sum = ApplicationCopyRun.wordSum(image);
        if (!source.accepts(sum)) {
            return new Reply(ScpResult.RC_SUM, new int[] {sum}, new byte[0]);
        }
        chip.startApplication(MemoryRegion.SDRAM_SYS, cores, applications);
        return Reply.OK;
    }

    private Reply startOn(EmulatedChip chip, long image, IdOpMask cores) {
        ScpResult bad = checkCores(chip, cores);
        if (bad != null) {
            return Reply.of(bad);
        }
        chip.startApplication(image, cores, applications);
        return Reply.OK;
    }

    /**
     * RC_ARG for the monitor (as SCAMP) and, unlike SCAMP, for cores the chip lacks and for app
     * id 0 (SCAMP's own); null if the mask is fine. A mask with no cores starts nothing.
     */
    private static ScpResult checkCores(EmulatedChip chip, IdOpMask cores) {
        if (cores.selectsMonitor() || (cores.coreMask() >>> chip.cores) != 0
                || (cores.coreMask() != 0 && cores.appId() == 0)) {
            return ScpResult.RC_ARG;
        }
        return null;
    }

    /** CMD_SIG: arg1 type (0 multicast, from the root only; 2 nearest neighbour), arg2 {@link SendSignal.Data}. */
    Reply signal(EmulatedChip chip, ScpMessage m) {
        int type = m.arg1();
        if (type != SendSignal.TYPE_MULTICAST && type != SendSignal.TYPE_NEAREST_NEIGHBOUR) {
            return Reply.of(ScpResult.RC_ARG); // P2P signals are refused by SCAMP 4
        }
        if (type == SendSignal.TYPE_MULTICAST && !chip.location.equals(ChipLocation.ZERO)) {
            return Reply.of(ScpResult.RC_ARG);
        }
        SendSignal.Data data = SendSignal.Data.decode(m.arg2());
        if (Signal.of(data.signal()).isEmpty()) {
            return Reply.of(ScpResult.RC_ARG);
        }
        signalEveryChip(data);
        return Reply.OK;
    }

    /** A signal reaches every chip (by the multicast tree or a nearest-neighbour flood). */
    void signalEveryChip(SendSignal.Data data) {
        Optional<Signal> signal = Signal.of(data.signal());
        if (signal.isEmpty()) {
            return; // signal_app ignores codes it does not know
        }
        for (EmulatedChip c : chips.values()) {
            if (c.signal(signal.get(), data) > 0 && signal.get() == Signal.STOP) {
                log.accept("app " + data.appId() + " stopped on chip " + c.location);
            }
        }
    }

    /** CMD_COUNT: arg1 app id, arg2 state; the number of such cores, machine-wide. */
    Reply count(ScpMessage m) {
        int n = 0;
        for (EmulatedChip c : chips.values()) {
            for (int p = 1; p < c.cores; p++) {
                if (c.appId(p) == (m.arg1() & 0xFF) && c.state(p) == m.arg2()) {
                    n++;
                }
            }
        }
        return Reply.words(n);
    }

    /** The flood fill's end: the image at {@code sv->sdram_sys} on the selected cores of a chip. */
    void startFloodFilled(EmulatedChip chip, IdOpMask cores) {
        chip.startApplication(MemoryRegion.SDRAM_SYS, cores, applications);
    }
}
