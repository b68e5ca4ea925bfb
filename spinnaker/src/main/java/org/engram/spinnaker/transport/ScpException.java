package org.engram.spinnaker.transport;

import org.engram.simulator.error.UserError;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.ScpResult;

/**
 * An SCP request that did not succeed: it names the command, the core, the return code (or
 * that no reply came), the number of attempts and the board. Transient failures (no reply,
 * or a retryable code until the retries ran out) may succeed later: check the board is
 * reachable and powered, then try again. Permanent ones (RC_ARG, RC_CMD, RC_ROUTE, RC_CPU, …)
 * will fail the same way: the request itself is wrong for that board.
 */
public final class ScpException extends RuntimeException implements UserError {
    /** {@link #resultCode()} when no reply came at all. */
    public static final int NO_REPLY = -1;

    private final String command;
    private final CoreLocation core;
    private final int resultCode;
    private final int attempts;
    private final boolean transientFailure;

    public ScpException(String command, CoreLocation core, int resultCode, int attempts,
            boolean transientFailure, String board, String detail) {
        super(command + " to core " + core + " of " + board + ": "
                + (resultCode == NO_REPLY ? "no reply" : ScpResult.nameOf(resultCode))
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + explain(detail == null || detail.isEmpty() ? meaning(resultCode, core) : detail));
        this.command = command;
        this.core = core;
        this.resultCode = resultCode;
        this.attempts = attempts;
        this.transientFailure = transientFailure;
    }

    /** What a return code means for the core asked, in the user's terms; "" if nothing to add. */
    static String meaning(int resultCode, CoreLocation core) {
        if (resultCode == ScpResult.RC_ROUTE.code) {
            return "there is no chip " + core.chip() + " on the board";
        }
        if (resultCode == ScpResult.RC_CPU.code) {
            return "chip " + core.chip() + " has no core " + core.p();
        }
        if (resultCode == ScpResult.RC_SUM.code) {
            return "the data arrived with a different checksum";
        }
        return "";
    }

    private static String explain(String detail) {
        return detail.isEmpty() ? "" : " (" + detail + ")";
    }

    public String command() {
        return command;
    }

    public CoreLocation core() {
        return core;
    }

    /** The last return code, or {@link #NO_REPLY}. */
    public int resultCode() {
        return resultCode;
    }

    public int attempts() {
        return attempts;
    }

    /** Whether trying again later might succeed. */
    public boolean isTransient() {
        return transientFailure;
    }
}
