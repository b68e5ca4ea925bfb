package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/** CMD_INFO ({@code cmd_info()}): a summary of one chip, sent to its monitor. */
public record GetChipInfo(ChipLocation chip) implements ScpRequest<ChipInfo> {
    @Override
    public CoreLocation target() {
        return new CoreLocation(chip, 0);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_INFO;
    }

    @Override
    public ChipInfo parse(ScpResponse reply) {
        return ChipInfo.decode(reply);
    }
}
