package org.engram.spinnaker.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.GetVersion;
import org.engram.spinnaker.scp.ReadMemory;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResponse;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.sdp.SdpHeader;
import org.junit.jupiter.api.Test;

/** The window-and-retry policy driven by hand: a fake clock, no sockets, no sleeps. */
class ScpWindowTest {
    static final CoreLocation CORE = new CoreLocation(0, 0, 0);
    long now;
    final List<ScpMessage> sent = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    final ScpWindow window = new ScpWindow(RetryPolicy.DEFAULT, () -> now, sent::add, "board test", progress::add);

    static ScpResponse reply(int seq, ScpResult rc, byte[] payload) {
        return new ScpResponse(SdpHeader.fromHost(ChipLocation.ZERO, 0, false), rc.code, seq, payload);
    }

    static ScpResponse ok(int seq, int bytes) {
        return reply(seq, ScpResult.RC_OK, new byte[bytes]);
    }

    @Test
    void atMostEightInFlightAndTheNinthWaits() {
        List<CompletableFuture<byte[]>> fs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fs.add(window.submit(new ReadMemory(CORE, 0x6000_0000L + 256L * i, 4)));
        }
        assertEquals(8, sent.size());
        assertEquals(8, window.inFlight());
        assertEquals(12, window.queued());
        window.onReply(ok(sent.get(3).seq(), 4));
        assertEquals(9, sent.size(), "a reply frees a slot for the next request");
        assertEquals(8, window.inFlight());
        assertTrue(fs.get(3).isDone());
        assertEquals(8, window.stats().maxInFlight());
    }

    @Test
    void sequenceNumbersAreDistinctAndWrapAt16Bits() {
        for (int i = 0; i < 70_000; i++) {
            CompletableFuture<?> f = window.submit(new GetVersion(CORE));
            int seq = sent.get(sent.size() - 1).seq();
            assertTrue(seq >= 0 && seq <= 0xFFFF);
            window.onReply(reply(seq, ScpResult.RC_OK, versionPayload()));
            assertTrue(f.isDone());
        }
        assertEquals(70_000 % 65536, sent.get(sent.size() - 1).seq());
    }

    private static byte[] versionPayload() {
        byte[] p = new byte[12 + 22];
        byte[] s = "SC&MP/SpiNNaker\0004.0.0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, p, 12, s.length);
        return p;
    }

    @Test
    void resendsOnTimeoutWithTheSameSequenceNumber() {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        int seq = sent.get(0).seq();
        now += 999_000_000L;
        window.onTimer();
        assertEquals(1, sent.size(), "not yet 1 s");
        now += 1_000_000L;
        window.onTimer();
        assertEquals(2, sent.size());
        assertEquals(seq, sent.get(1).seq());
        window.onReply(ok(seq, 4));
        assertTrue(f.isDone() && !f.isCompletedExceptionally());
        assertEquals(1, window.stats().timeoutResends());
    }

    @Test
    void givesUpAfterTenRetriesNamingCommandCoreAndAttempts() throws Exception {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(new CoreLocation(1, 2, 3), 0x6000_0000L, 4));
        for (int i = 0; i < 11; i++) {
            assertFalse(f.isDone());
            now += 1_000_000_000L;
            window.onTimer();
        }
        assertEquals(11, sent.size());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        ScpException s = assertInstanceOf(ScpException.class, e.getCause());
        assertEquals(11, s.attempts());
        assertEquals(ScpException.NO_REPLY, s.resultCode());
        assertTrue(s.isTransient());
        assertEquals("CMD_READ to core (1,2,3) of board test: no reply after 11 attempts (timeout 1000 ms)",
                s.getMessage());
    }

    @Test
    void waitingOnASilentBoardIsReportedOncePerAttempt() {
        window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        window.submit(new ReadMemory(CORE, 0x6000_0100L, 4));
        assertEquals(List.of(), progress, "nothing to report before a timeout");
        now += 1_000_000_000L;
        window.onTimer();
        now += 1_000_000_000L;
        window.onTimer();
        assertEquals(List.of(
                "CMD_READ to core (0,0,0) of board test: no reply within 1000 ms, attempt 2 of 11",
                "CMD_READ to core (0,0,0) of board test: no reply within 1000 ms, attempt 3 of 11"), progress,
                "two requests timing out together make one line per round");
        window.onReply(ok(sent.get(0).seq(), 4));
        now += 1_000_000_000L;
        window.onTimer();
        assertEquals("CMD_READ to core (0,0,0) of board test: no reply within 1000 ms, attempt 4 of 11",
                progress.get(2), "a reply starts the count again");
        assertEquals(3, progress.size());
    }

    @Test
    void retryableReturnCodesAreResentAfterTheRetryDelay() {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        int seq = sent.get(0).seq();
        window.onReply(reply(seq, ScpResult.RC_P2P_BUSY, new byte[0]));
        now += 99_000_000L;
        window.onTimer();
        assertEquals(1, sent.size());
        now += 1_000_000L;
        window.onTimer();
        assertEquals(2, sent.size());
        window.onReply(ok(seq, 4));
        assertTrue(f.isDone() && !f.isCompletedExceptionally());
        assertEquals(1, window.stats().returnCodeResends());
    }

    @Test
    void permanentReturnCodesFailAtOnce() throws Exception {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        window.onReply(reply(sent.get(0).seq(), ScpResult.RC_ARG, new byte[0]));
        ScpException s = assertInstanceOf(ScpException.class,
                org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get).getCause());
        assertEquals(ScpResult.RC_ARG.code, s.resultCode());
        assertEquals(1, s.attempts());
        assertFalse(s.isTransient());
        assertTrue(s.getMessage().contains("RC_ARG"));
    }

    @Test
    void unknownReturnCodeIsNamedNotNull() throws Exception {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        window.onReply(new ScpResponse(SdpHeader.fromHost(ChipLocation.ZERO, 0, false), 0x99,
                sent.get(0).seq(), new byte[0]));
        ScpException s = assertInstanceOf(ScpException.class,
                org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get).getCause());
        assertTrue(s.getMessage().contains("unknown return code 0x0099"), s.getMessage());
    }

    @Test
    void duplicateAndStaleRepliesAreIgnored() {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 4));
        int seq = sent.get(0).seq();
        window.onReply(ok(seq, 4));
        window.onReply(ok(seq, 4));          // duplicate
        window.onReply(ok(seq + 100, 4));    // never sent
        assertTrue(f.isDone());
        assertEquals(2, window.stats().ignoredReplies());
        assertEquals(1, window.stats().requests());
    }

    @Test
    void shortReplyFailsWithMalformedDetail() throws Exception {
        CompletableFuture<byte[]> f = window.submit(new ReadMemory(CORE, 0x6000_0000L, 8));
        window.onReply(ok(sent.get(0).seq(), 4));
        ScpException s = assertInstanceOf(ScpException.class,
                org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get).getCause());
        assertTrue(s.getMessage().contains("malformed reply"), s.getMessage());
    }

    @Test
    void nextDeadlineIsTheEarliest() {
        assertEquals(Long.MAX_VALUE, window.nextDeadlineNanos());
        window.submit(new GetVersion(CORE));
        now = 5;
        window.submit(new GetVersion(CORE));
        assertEquals(1_000_000_000L, window.nextDeadlineNanos());
    }
}
