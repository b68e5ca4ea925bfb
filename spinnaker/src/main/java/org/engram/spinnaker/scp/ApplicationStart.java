package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_AS ({@code proc_start_app()} in scamp-app.c): starts the APLX image at {@code aplxAddress}
 * on the virtual cores in {@code coreMask}. arg1 = APLX address, arg2 = app_id &lt;&lt; 24 |
 * flags &lt;&lt; 18 | core mask (bit 18 = wait for the START signal; mask bit 0, the monitor, must be 0).
 */
public record ApplicationStart(ChipLocation chip, int appId, long aplxAddress, int coreMask,
        boolean waitForStart) implements ScpRequest<Void> {
    /** Flag bit: cores wait at the SYNC0 barrier for a START signal. */
    public static final int FLAG_WAIT = 1 << 18;
    /** Mask of the virtual core bits. */
    public static final int CORE_MASK_BITS = 0x3FFFF;

    public ApplicationStart {
        Checks.range("CMD_AS", "app id", appId, 1, 255);
        Checks.address("CMD_AS", aplxAddress);
        if ((coreMask & ~CORE_MASK_BITS) != 0 || (coreMask & 1) != 0 || coreMask == 0) {
            throw new IllegalArgumentException(String.format(
                    "CMD_AS: core mask 0x%X must select cores 1..17 only", coreMask));
        }
    }

    @Override
    public CoreLocation target() {
        return new CoreLocation(chip, 0);
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
        return appId << 24 | (waitForStart ? FLAG_WAIT : 0) | coreMask;
    }

    @Override
    public int arg3() {
        return 0;
    }

    @Override
    public Void parse(ScpResponse reply) {
        return null;
    }
}
