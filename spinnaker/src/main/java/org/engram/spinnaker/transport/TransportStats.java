package org.engram.spinnaker.transport;

/**
 * Counters of one connection since it opened.
 *
 * @param requests requests completed or failed
 * @param sends datagrams sent (first attempts and resends)
 * @param timeoutResends resends after a timeout
 * @param returnCodeResends resends after a transient return code
 * @param ignoredReplies replies whose sequence number was not in flight (duplicate or stale)
 * @param malformedReplies datagrams that did not decode as an SCP reply
 * @param failures requests that ended with an exception
 * @param maxInFlight most requests ever in flight at once
 */
public record TransportStats(long requests, long sends, long timeoutResends, long returnCodeResends,
        long ignoredReplies, long malformedReplies, long failures, int maxInFlight) {
    /** The counters of two connections together (the larger of their most requests in flight). */
    public TransportStats plus(TransportStats o) {
        return new TransportStats(requests + o.requests, sends + o.sends, timeoutResends + o.timeoutResends,
                returnCodeResends + o.returnCodeResends, ignoredReplies + o.ignoredReplies,
                malformedReplies + o.malformedReplies, failures + o.failures, Math.max(maxInFlight, o.maxInFlight));
    }

    /** All resends. */
    public long retries() {
        return timeoutResends + returnCodeResends;
    }
}
