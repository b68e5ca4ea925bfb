package org.engram.spinnaker.scp;

import java.util.Optional;

/** Core states as SARK stores them in {@code vcpu_t.cpu_state} ({@code sark.h cpu_state}). */
public enum CpuState {
    DEAD(0), POWERED_DOWN(1), RUN_TIME_EXCEPTION(2), WATCHDOG(3), INITIALISING(4), READY(5),
    C_MAIN(6), RUNNING(7), SYNC0(8), SYNC1(9), PAUSED(10), FINISHED(11), IDLE(15);

    public final int code;

    CpuState(int code) {
        this.code = code;
    }

    public static Optional<CpuState> of(int code) {
        for (CpuState s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
