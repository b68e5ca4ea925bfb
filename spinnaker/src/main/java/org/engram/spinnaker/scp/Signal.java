package org.engram.spinnaker.scp;

/**
 * Signals to applications ({@code sark.h signal_e}). SpiNNMan sends INIT, PWRDN and STOP as
 * nearest-neighbour signals and the others as multicast ones; so does {@link SendSignal}.
 */
public enum Signal {
    INIT(0), PWRDN(1), STOP(2), START(3), SYNC0(4), SYNC1(5), PAUSE(6), CONT(7), EXIT(8),
    TIMER(9), USR0(10), USR1(11), USR2(12), USR3(13);

    public final int code;

    Signal(int code) {
        this.code = code;
    }

    /** The signal with this code, if any. */
    public static java.util.Optional<Signal> of(int code) {
        return code >= 0 && code < values().length ? java.util.Optional.of(values()[code])
                : java.util.Optional.empty();
    }

    /** Signal type for CMD_SIG arg1: 0 multicast, 2 nearest neighbour. */
    public int type() {
        return code <= STOP.code ? SendSignal.TYPE_NEAREST_NEIGHBOUR : SendSignal.TYPE_MULTICAST;
    }
}
