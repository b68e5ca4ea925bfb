package org.engram.spinnaker.scp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SCP return codes ({@code sark.h sark_scp_return_codes}). The transient ones are those
 * SpiNNMan and JavaSpiNNaker resend after 0.1 s.
 */
public enum ScpResult {
    RC_OK(0x80, false), RC_LEN(0x81, true), RC_SUM(0x82, false), RC_CMD(0x83, false),
    RC_ARG(0x84, false), RC_PORT(0x85, false), RC_TIMEOUT(0x86, true), RC_ROUTE(0x87, false),
    RC_CPU(0x88, false), RC_DEAD(0x89, false), RC_BUF(0x8A, false), RC_P2P_NOREPLY(0x8B, true),
    RC_P2P_REJECT(0x8C, false), RC_P2P_BUSY(0x8D, true), RC_P2P_TIMEOUT(0x8E, true),
    RC_PKT_TX(0x8F, false);

    private static final Map<Integer, ScpResult> BY_CODE = new HashMap<>();

    static {
        for (ScpResult r : values()) {
            BY_CODE.put(r.code, r);
        }
    }

    /** The 16-bit code in the reply's cmd_rc field. */
    public final int code;
    private final boolean retryable;

    ScpResult(int code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    /** Whether a request answered with this code should be sent again. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The result with this code, or empty for an unknown code. */
    public static Optional<ScpResult> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The code's name, or "unknown return code 0x…". */
    public static String nameOf(int code) {
        return of(code).map(Enum::name).orElse(String.format("unknown return code 0x%04X", code));
    }
}
