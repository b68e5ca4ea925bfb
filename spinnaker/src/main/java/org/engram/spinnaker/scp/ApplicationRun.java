package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;

/**
 * CMD_AR ({@code cmd_ar()} in scamp-cmd.c, "application reset"): starts the image already at
 * {@code sv->sdram_sys} (0x67800000) on the cores {@code cores} selects; SpiNNMan's {@code
 * ApplicationRun}. arg1 = {@link IdOpMask}.
 */
public record ApplicationRun(ChipLocation chip, IdOpMask cores) implements MonitorCommand {
    public ApplicationRun {
        IdOpMask.checkForHost("CMD_AR", cores, false);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_AR;
    }

    @Override
    public int arg1() {
        return cores.encode();
    }
}
