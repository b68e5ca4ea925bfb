package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/** A request to a chip's monitor (SCAMP, core 0) whose reply carries nothing but RC_OK. */
public interface MonitorCommand extends ScpRequest<Void> {
    ChipLocation chip();

    @Override
    default CoreLocation target() {
        return new CoreLocation(chip(), 0);
    }

    @Override
    default Void parse(ScpResponse reply) {
        return null;
    }
}
