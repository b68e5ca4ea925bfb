package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.CoreLocation;

/** CMD_VER ({@code cmd_ver()}): the kernel's name, version and the core's P2P address. */
public record GetVersion(CoreLocation target) implements ScpRequest<VersionInfo> {
    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_VER;
    }

    @Override
    public VersionInfo parse(ScpResponse reply) {
        return VersionInfo.decode(reply);
    }
}
