package org.engram.spinnaker.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpRequest;
import org.engram.spinnaker.scp.ScpResponse;
import org.engram.spinnaker.scp.ScpResult;

/**
 * The window-and-retry policy of one connection to one Ethernet chip, with no sockets: it is
 * driven by {@link #submit}, {@link #onReply} and {@link #onTimer}, reads time from an injected
 * clock and sends through an injected output. Not thread-safe: one thread (the channel's event
 * loop) calls it.
 *
 * <p>Each request gets a 16-bit sequence number not already in flight and keeps it across
 * resends (as SpiNNMan does), so a late reply to an earlier attempt completes it. At most
 * {@link RetryPolicy#window()} requests are in flight; the rest wait in order. A request is sent
 * again when {@code timeoutMs} passes without a reply, or {@code retryDelayMs} after a
 * transient return code; after {@link RetryPolicy#maxAttempts()} sends it fails with an
 * {@link ScpException}. A reply whose sequence number is not in flight is ignored.
 *
 * <p>While the board does not answer, {@code progress} hears of each resend after a timeout
 * that reaches a higher attempt number than any before it since the last reply ("CMD_VER to core
 * (0,0,0) of board …: no reply within 1000 ms, attempt 2 of 11"), so a window of requests that
 * time out together is reported once per round.
 */
public final class ScpWindow {
    private final RetryPolicy policy;
    private final LongSupplier clockNanos;
    private final Consumer<ScpMessage> output;
    private final String board;
    private final Consumer<String> progress;
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private final Map<Integer, Pending<?>> inFlight = new HashMap<>();
    private int lastSeq;
    private long requests;
    private long sends;
    private long timeoutResends;
    private long returnCodeResends;
    private long ignoredReplies;
    private long failures;
    private int maxInFlight;
    /** The highest attempt number reported to {@code progress} since the last reply. */
    private int reportedAttempt;

    private static final class Pending<R> {
        final ScpRequest<R> request;
        final CompletableFuture<R> future;
        ScpMessage message;
        int attempts;
        long deadlineNanos;
        boolean awaitingRetry;
        int lastResult = ScpException.NO_REPLY;

        Pending(ScpRequest<R> request, CompletableFuture<R> future) {
            this.request = request;
            this.future = future;
        }
    }

    /**
     * @param board how error messages name the board, e.g. "board 192.168.240.1:17893"
     * @param progress hears, one line at a time, that requests are waiting for a silent board
     */
    public ScpWindow(RetryPolicy policy, LongSupplier clockNanos, Consumer<ScpMessage> output, String board,
            Consumer<String> progress) {
        this.policy = policy;
        this.clockNanos = clockNanos;
        this.output = output;
        this.board = board;
        this.progress = progress;
    }

    /** Queues a request and sends it if the window has room. */
    public <R> CompletableFuture<R> submit(ScpRequest<R> request) {
        CompletableFuture<R> f = new CompletableFuture<>();
        submit(request, f);
        return f;
    }

    /** Queues a request whose outcome completes {@code future}. */
    public <R> void submit(ScpRequest<R> request, CompletableFuture<R> future) {
        queue.add(new Pending<>(request, future));
        pump();
    }

    /** Handles a decoded reply. */
    public void onReply(ScpResponse reply) {
        reportedAttempt = 0;
        Pending<?> p = inFlight.get(reply.seq());
        if (p == null) {
            ignoredReplies++;
            return;
        }
        int rc = reply.result();
        if (rc == ScpResult.RC_OK.code) {
            inFlight.remove(reply.seq());
            complete(p, reply);
        } else {
            boolean retryable = ScpResult.of(rc).map(ScpResult::isRetryable).orElse(false);
            p.lastResult = rc;
            if (p.awaitingRetry) {
                ignoredReplies++; // a second reply to an attempt already answered
            } else if (retryable && p.attempts < policy.maxAttempts()) {
                p.awaitingRetry = true;
                p.deadlineNanos = clockNanos.getAsLong() + policy.retryDelayMs() * 1_000_000L;
            } else {
                inFlight.remove(reply.seq());
                fail(p, rc, retryable, "");
            }
        }
        pump();
    }

    /** Resends or fails every request whose deadline has passed. */
    public void onTimer() {
        long now = clockNanos.getAsLong();
        List<Pending<?>> due = new ArrayList<>();
        for (Pending<?> p : inFlight.values()) {
            if (now - p.deadlineNanos >= 0) {
                due.add(p);
            }
        }
        for (Pending<?> p : due) {
            if (p.awaitingRetry) {
                returnCodeResends++;
                transmit(p);
            } else if (p.attempts >= policy.maxAttempts()) {
                inFlight.remove(p.message.seq());
                fail(p, p.lastResult, true, "timeout " + policy.timeoutMs() + " ms");
            } else {
                timeoutResends++;
                transmit(p);
                if (p.attempts > reportedAttempt) {
                    reportedAttempt = p.attempts;
                    progress.accept(p.request.command().name() + " to core " + p.request.target() + " of " + board
                            + ": no reply within " + policy.timeoutMs() + " ms, attempt " + p.attempts + " of "
                            + policy.maxAttempts());
                }
            }
        }
        pump();
    }

    /** The earliest deadline of a request in flight, or {@link Long#MAX_VALUE} if none. */
    public long nextDeadlineNanos() {
        long d = Long.MAX_VALUE;
        for (Pending<?> p : inFlight.values()) {
            if (d == Long.MAX_VALUE || p.deadlineNanos - d < 0) {
                d = p.deadlineNanos;
            }
        }
        return d;
    }

    /** Fails every queued and in-flight request (the connection is closing). */
    public void abortAll(String reason) {
        List<Pending<?>> all = new ArrayList<>(inFlight.values());
        all.addAll(queue);
        inFlight.clear();
        queue.clear();
        for (Pending<?> p : all) {
            fail(p, p.lastResult, true, reason);
        }
    }

    public int inFlight() {
        return inFlight.size();
    }

    public int queued() {
        return queue.size();
    }

    public TransportStats stats() {
        return new TransportStats(requests, sends, timeoutResends, returnCodeResends, ignoredReplies,
                0, failures, maxInFlight);
    }

    private void pump() {
        while (inFlight.size() < policy.window() && !queue.isEmpty()) {
            Pending<?> p = queue.poll();
            if (p.future.isDone()) {
                continue; // cancelled by the caller
            }
            int seq = lastSeq;
            do {
                seq = (seq + 1) & 0xFFFF;
            } while (inFlight.containsKey(seq));
            lastSeq = seq;
            try {
                p.message = p.request.toMessage(seq);
            } catch (RuntimeException e) {
                requests++;
                failures++;
                p.future.completeExceptionally(e);
                continue;
            }
            inFlight.put(seq, p);
            maxInFlight = Math.max(maxInFlight, inFlight.size());
            transmit(p);
        }
    }

    private void transmit(Pending<?> p) {
        p.attempts++;
        p.awaitingRetry = false;
        p.deadlineNanos = clockNanos.getAsLong() + policy.timeoutMs() * 1_000_000L;
        sends++;
        output.accept(p.message);
    }

    private <R> void complete(Pending<R> p, ScpResponse reply) {
        requests++;
        R value;
        try {
            value = p.request.parse(reply);
        } catch (RuntimeException e) {
            failures++;
            p.future.completeExceptionally(new ScpException(p.request.command().name(),
                    p.request.target(), reply.result(), p.attempts, false, board,
                    "malformed reply: " + e.getMessage()));
            return;
        }
        p.future.complete(value);
    }

    private void fail(Pending<?> p, int rc, boolean transientFailure, String detail) {
        requests++;
        failures++;
        p.future.completeExceptionally(new ScpException(p.request.command().name(), p.request.target(),
                rc, p.attempts, transientFailure, board, detail));
    }
}
