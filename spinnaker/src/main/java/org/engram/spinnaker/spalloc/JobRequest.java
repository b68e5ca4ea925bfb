package org.engram.spinnaker.spalloc;

import java.util.List;

/**
 * What a job asks spalloc for ({@code create_job}): a number of boards, or a rectangle of triads
 * (three boards each), for an owner, kept alive by the client at least every {@code keepaliveS}
 * seconds, on any machine or on the one named.
 *
 * @param boards boards wanted, or 0 when a rectangle of triads is asked for
 * @param triadsWide the rectangle's width in triads (0 with {@code boards})
 * @param triadsHigh its height in triads (0 with {@code boards})
 * @param owner who the job is for (by convention an e-mail address); spalloc requires it
 * @param keepaliveS seconds without a keepalive after which the server destroys the job
 * @param machine the machine to allocate on, or null for any
 */
public record JobRequest(int boards, int triadsWide, int triadsHigh, String owner, double keepaliveS,
        String machine) {
    /** spalloc's default keepalive. */
    public static final double DEFAULT_KEEPALIVE_S = 60;

    public JobRequest {
        if (owner == null || owner.isBlank()) {
            throw new SpallocException("a spalloc job needs an owner (by convention your e-mail address)");
        }
        if (boards > 0 ? triadsWide != 0 || triadsHigh != 0 : triadsWide < 1 || triadsHigh < 1 || boards < 0) {
            throw new SpallocException("a spalloc job is for a number of boards (at least 1) or a rectangle of "
                    + "triads (at least 1×1), not " + boards + " boards and " + triadsWide + "×" + triadsHigh
                    + " triads");
        }
        if (!(keepaliveS > 0) || Double.isInfinite(keepaliveS)) {
            throw new SpallocException("spalloc keepalive " + keepaliveS + " s: expected a positive number of seconds");
        }
    }

    /** {@code n} boards for {@code owner}, any machine. */
    public static JobRequest ofBoards(int n, String owner, double keepaliveS) {
        return new JobRequest(n, 0, 0, owner, keepaliveS, null);
    }

    /** A rectangle of {@code wide × high} triads for {@code owner}, any machine. */
    public static JobRequest ofTriads(int wide, int high, String owner, double keepaliveS) {
        return new JobRequest(0, wide, high, owner, keepaliveS, null);
    }

    /** The same request, for the machine named. */
    public JobRequest on(String machineName) {
        return new JobRequest(boards, triadsWide, triadsHigh, owner, keepaliveS, machineName);
    }

    /** The positional arguments of {@code create_job}: [n] or [w, h]. */
    List<Integer> args() {
        return boards > 0 ? List.of(boards) : List.of(triadsWide, triadsHigh);
    }

    /** "3 boards" or "2×1 triads". */
    public String describe() {
        return boards > 0 ? boards + (boards == 1 ? " board" : " boards") : triadsWide + "×" + triadsHigh + " triads";
    }
}
