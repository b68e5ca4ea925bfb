package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_SIG ({@code cmd_sig()}): sends a signal to every core of an application, machine-wide.
 * Sent to the root chip's monitor. arg1 = type (0 multicast, 1 P2P – refused by SCAMP 4,
 * 2 nearest neighbour), arg2 = signal &lt;&lt; 16 | app_mask &lt;&lt; 8 | app_id, arg3 = 0xFFFF.
 */
public record SendSignal(Signal signal, int appId) implements ScpRequest<Void> {
    public static final int TYPE_MULTICAST = 0;
    public static final int TYPE_P2P = 1;
    public static final int TYPE_NEAREST_NEIGHBOUR = 2;
    /** SpiNNMan's app mask: match the app id exactly. */
    public static final int APP_MASK = 0xFF;

    public SendSignal {
        Checks.appId("CMD_SIG", appId);
    }

    @Override
    public CoreLocation target() {
        return new CoreLocation(ChipLocation.ZERO, 0);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_SIG;
    }

    @Override
    public int arg1() {
        return signal.type();
    }

    @Override
    public int arg2() {
        return signal.code << 16 | APP_MASK << 8 | appId;
    }

    @Override
    public int arg3() {
        return 0xFFFF;
    }

    @Override
    public Void parse(ScpResponse reply) {
        return null;
    }
}
