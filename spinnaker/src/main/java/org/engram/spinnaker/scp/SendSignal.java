package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_SIG ({@code cmd_sig()}): sends a signal to every core of an application, machine-wide.
 * Sent to the root chip's monitor. arg1 = type (0 multicast, 1 P2P – refused by SCAMP 4,
 * 2 nearest neighbour), arg2 = {@link Data}, arg3 = 0xFFFF.
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

    /**
     * The signal word ({@code signal_app()} in scamp-app.c): a core is signalled when {@code
     * (its app id & appMask) == appId}.
     *
     * <pre>
     * [19:16] signal   [15:8] app mask   [7:0] app id
     * </pre>
     *
     * @param signal the signal code (SCAMP reads 4 bits; codes without a {@link Signal} do nothing)
     */
    public record Data(int signal, int appMask, int appId) {
        public int encode() {
            return (signal & 0xF) << 16 | (appMask & 0xFF) << 8 | (appId & 0xFF);
        }

        /** Any word decodes; the bits above 19 are not part of it. */
        public static Data decode(int word) {
            return new Data((word >>> 16) & 0xF, (word >>> 8) & 0xFF, word & 0xFF);
        }

        /** Whether a core of application {@code coreAppId} receives the signal. */
        public boolean selects(int coreAppId) {
            return (coreAppId & appMask) == appId;
        }
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
        return new Data(signal.code, APP_MASK, appId).encode();
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
