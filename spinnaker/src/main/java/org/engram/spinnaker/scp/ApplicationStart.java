package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;

/**
 * CMD_AS ({@code cmd_as()} → {@code proc_start_app()} in scamp-app.c): starts the APLX image at
 * {@code aplxAddress} on the cores {@code cores} selects. arg1 = APLX address, arg2 = {@link
 * IdOpMask}.
 */
public record ApplicationStart(ChipLocation chip, long aplxAddress, IdOpMask cores) implements MonitorCommand {
    public ApplicationStart {
        Checks.address("CMD_AS", aplxAddress);
        IdOpMask.checkForHost("CMD_AS", cores, false);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_AS;
    }

    @Override
    public int arg1() {
        return (int) aplxAddress;
    }

    @Override
    public int arg2() {
        return cores.encode();
    }
}
