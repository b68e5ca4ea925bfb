package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code get_job_state} says of a job.
 *
 * @param state where the job is
 * @param power whether its boards are (being) powered on; false before it has any
 * @param reason why it is in this state as the server says it (why it was destroyed, mostly);
 *     empty when the server gives none
 */
public record JobState(State state, boolean power, String reason) {
    /** A job's states, as the protocol numbers them. */
    public enum State {
        /** The server does not know the job. */
        UNKNOWN,
        /** Waiting for boards. */
        QUEUED,
        /** Boards allocated, being powered on or off. */
        POWER,
        /** Boards allocated and powered. */
        READY,
        /** Destroyed (by its owner, the server, or for want of keepalives). */
        DESTROYED;

        /** The state with protocol number {@code code} (0–4). */
        static State of(int code) {
            if (code < 0 || code >= values().length) {
                throw new SpallocException("get_job_state: state " + code + " is none of 0 (unknown), 1 (queued), "
                        + "2 (power), 3 (ready), 4 (destroyed)");
            }
            return values()[code];
        }
    }

    public JobState {
        reason = reason == null ? "" : reason;
    }

    /** "queued", "power (on)", "destroyed: reason". */
    public String describe() {
        String s = state.name().toLowerCase(java.util.Locale.ROOT);
        if (state == State.POWER) {
            s += power ? " (powering on)" : " (powering off)";
        }
        return reason.isEmpty() ? s : s + ": " + reason;
    }

    /** The state from a reply: {@code {"state": 1, "power": null, "reason": null, ...}}. */
    static JobState of(JsonNode reply) {
        JsonNode state = reply.path("state");
        if (!state.canConvertToInt() || !state.isIntegralNumber()) {
            throw new SpallocException("get_job_state: no integer state in " + Json.abbreviate(reply));
        }
        JsonNode reason = reply.path("reason");
        return new JobState(State.of(state.intValue()), reply.path("power").asBoolean(false),
                reason.isTextual() ? reason.textValue() : "");
    }
}
