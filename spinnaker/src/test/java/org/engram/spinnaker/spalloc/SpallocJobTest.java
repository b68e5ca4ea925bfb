package org.engram.spinnaker.spalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.engram.spinnaker.machine.ChipLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spalloc client and its jobs against the test server: a job queued then granted, a
 * keepalive that keeps a job that would otherwise expire, jobs destroyed on failure and on
 * interrupt, and a server that closes the connection, answers an exception or nothing at all;
 * each with the line the user reads.
 */
class SpallocJobTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Map<ChipLocation, Integer> BOARDS = Map.of(new ChipLocation(0, 0), 40001,
            new ChipLocation(8, 4), 40002, new ChipLocation(4, 8), 40003);

    final SpallocTestServer server;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    SpallocJobTest() throws InterruptedException {
        server = SpallocTestServer.start("emulated", 12, 12, SpallocTestServer.boardsAt(new java.util.TreeMap<>(BOARDS)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SpallocClient client() throws InterruptedException {
        return SpallocClient.connect(server.address(), TIMEOUT);
    }

    /** Waits (polling the server) until {@code condition} holds; fails after 10 s. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aJobQueuedBehindAnotherIsGrantedOnceThatOneIsDestroyed() throws Exception {
        server.chatty(); // a notification before every reply: replies must still find their calls
        try (SpallocClient c = client(); SpallocJob first = SpallocJob.create(c, JobRequest.ofBoards(3, "a", 60),
                progress::add)) {
            first.waitUntilReady(TIMEOUT);
            AtomicReference<Object> outcome = new AtomicReference<>();
            List<String> second = Collections.synchronizedList(new ArrayList<>());
            Thread waiter = new Thread(() -> {
                try (SpallocClient c2 = client(); SpallocJob job = SpallocJob.create(c2, JobRequest.ofBoards(3, "b", 60),
                        second::add)) {
                    outcome.set(job.waitUntilReady(TIMEOUT));
                    outcome.set(List.of(job.id(), outcome.get(), job.waitSeconds()));
                } catch (Exception | AssertionError e) {
                    outcome.set(e);
                }
            });
            waiter.start();
            eventually("the second job is queued", () -> second.stream().anyMatch(l -> l.contains("queued")));
            first.destroy("the test is done with it");
            waiter.join(10_000);
            assertTrue(outcome.get() instanceof List<?>, "granted: " + outcome.get() + " " + second);
            List<?> r = (List<?>) outcome.get();
            assertEquals(List.of("spalloc job 2 created for 3 boards on " + server.address(),
                    "spalloc job 2: queued: waiting for 3 boards", "spalloc job 2: power (powering on)",
                    "spalloc job 2: ready", "spalloc job 2 destroyed (finished)"), second);
            JobMachineInfo info = (JobMachineInfo) r.get(1);
            assertEquals(12, info.width());
            assertEquals("emulated", info.machineName());
            assertEquals("[0,0,0] [0,0,2] [0,0,1]", info.describeBoards());
            assertEquals(List.of(new JobMachineInfo.Connection(new ChipLocation(0, 0), "127.0.0.1:40001"),
                    new JobMachineInfo.Connection(new ChipLocation(4, 8), "127.0.0.1:40003"),
                    new JobMachineInfo.Connection(new ChipLocation(8, 4), "127.0.0.1:40002")), info.connections());
            assertEquals(40003, info.boardAddresses().get(1).scpPort());
            assertTrue((double) r.get(2) > 0, "the wait is timed");
            assertEquals("the test is done with it", server.job(1).reason());
        }
        assertEquals(List.of(), server.liveJobs(), "no job left behind");
    }

    @Test
    void theKeepaliveKeepsAJobThatWouldOtherwiseExpire() throws Exception {
        double keepalive = 0.4;
        try (SpallocClient c = client(); SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(1, "me", keepalive),
                progress::add)) {
            job.waitUntilReady(TIMEOUT);
            eventually("six keepalives", () -> server.job(job.id()).keepaliveTimes().size() >= 6);
            SpallocTestServer.JobView v = server.job(job.id());
            assertEquals(3, v.state(), "still ready after " + v.keepaliveTimes().size() + " keepalives: " + v.reason());
            List<Long> t = v.keepaliveTimes();
            double meanGapS = (t.get(t.size() - 1) - t.get(0)) / 1e9 / (t.size() - 1);
            // one every half keepalive (0.2 s); a loaded machine runs late, and a fixed rate catches up
            assertTrue(meanGapS > 0.15 && meanGapS < 0.3, "mean gap " + meanGapS + " s");
            // the same job without keepalives is destroyed by the server
            int bare = c.createJob(JobRequest.ofBoards(1, "me", keepalive));
            eventually("the bare job expires", () -> server.job(bare).state() == 4);
            assertEquals("keepalive expired", server.job(bare).reason());
            assertEquals(3, server.job(job.id()).state());
        }
        assertEquals(List.of(), server.liveJobs());
    }

    @Test
    void aFailureWhileTheJobLivesDestroysIt() throws Exception {
        try (SpallocClient c = client()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                try (SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "me", 60), progress::add)) {
                    job.waitUntilReady(TIMEOUT);
                    throw new IllegalStateException("loading failed");
                }
            });
            assertEquals("loading failed", e.getMessage());
        }
        assertEquals(List.of(), server.liveJobs());
        assertEquals("finished", server.job(1).reason());
    }

    @Test
    void anInterruptedWaitDestroysTheJob() throws Exception {
        server.hold();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (SpallocClient c = client(); SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "me", 60),
                    progress::add)) {
                job.waitUntilReady(Duration.ofMinutes(5));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        eventually("the job is queued", () -> progress.stream().anyMatch(l -> l.contains("queued")));
        t.interrupt();
        t.join(10_000);
        assertTrue(thrown.get() instanceof InterruptedException, "interrupted: " + thrown.get());
        assertEquals(List.of(), server.liveJobs(), "no job left behind");
        assertEquals("spalloc job 1 destroyed (finished)", progress.get(progress.size() - 1));
    }

    @Test
    void aServerThatClosesTheConnectionIsOneLineAndTheJobIsStillDestroyed() throws Exception {
        server.misbehave("get_job_state", SpallocTestServer.Misbehaviour.CLOSE);
        try (SpallocClient c = client(); SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "me", 60),
                progress::add)) {
            SpallocException e = assertThrows(SpallocException.class, () -> job.waitUntilReady(TIMEOUT));
            assertEquals("spalloc server " + server.address() + " closed the connection before answering get_job_state",
                    e.getMessage());
        }
        assertEquals(List.of(), server.liveJobs(), "destroyed through a new connection");
    }

    @Test
    void aServerThatAnswersAnExceptionIsOneLine() throws Exception {
        try (SpallocClient c = client()) {
            SpallocException tooMany = assertThrows(SpallocException.class,
                    () -> SpallocJob.create(c, JobRequest.ofBoards(5, "me", 60), progress::add));
            assertEquals("spalloc server " + server.address() + " refused create_job: no machine has 5 boards; "
                    + "emulated has 3", tooMany.getMessage());
            server.misbehave("get_job_machine_info", SpallocTestServer.Misbehaviour.EXCEPTION);
            try (SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "me", 60), progress::add)) {
                SpallocException e = assertThrows(SpallocException.class, () -> job.waitUntilReady(TIMEOUT));
                assertEquals("spalloc server " + server.address() + " refused get_job_machine_info: "
                        + "get_job_machine_info is refused by this test", e.getMessage());
            }
        }
        assertEquals(List.of(), server.liveJobs());
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        server.misbehave("notify_job", SpallocTestServer.Misbehaviour.SILENT);
        try (SpallocClient c = SpallocClient.connect(server.address(), Duration.ofMillis(300));
                SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "me", 60), progress::add)) {
            long t0 = System.nanoTime();
            SpallocException e = assertThrows(SpallocException.class, () -> job.waitUntilReady(TIMEOUT));
            assertEquals("spalloc server " + server.address() + " did not answer notify_job within 300 ms",
                    e.getMessage());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "no hang");
        }
        assertEquals(List.of(), server.liveJobs());
    }

    @Test
    void aJobDestroyedByTheServerWhileQueuedSaysWhy() throws Exception {
        server.hold();
        try (SpallocClient c = client(); SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(1, "me", 0.3),
                progress::add)) {
            job.destroy("a test destroys it"); // stops its keepalive too: the server would expire it otherwise
            SpallocException e = assertThrows(SpallocException.class, () -> job.waitUntilReady(TIMEOUT));
            assertEquals("spalloc job 1 was destroyed before its boards were ready: a test destroys it", e.getMessage());
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        assertEquals("a spalloc job needs an owner (by convention your e-mail address)",
                assertThrows(SpallocException.class, () -> JobRequest.ofBoards(1, " ", 60)).getMessage());
        assertTrue(assertThrows(SpallocException.class, () -> JobRequest.ofBoards(0, "me", 60)).getMessage()
                .contains("not 0 boards"));
        assertTrue(assertThrows(SpallocException.class, () -> JobRequest.ofTriads(1, 0, "me", 60)).getMessage()
                .contains("1×0 triads"));
        assertTrue(assertThrows(SpallocException.class, () -> JobRequest.ofBoards(1, "me", 0)).getMessage()
                .contains("keepalive 0.0 s"));
        assertEquals(List.of(2, 1), JobRequest.ofTriads(2, 1, "me", 60).args());
        assertEquals("unknown spalloc host 'no-such-host.invalid'", assertThrows(SpallocException.class,
                () -> SpallocClient.connect("no-such-host.invalid", TIMEOUT)).getMessage());
        assertEquals("spalloc server 'h:x': expected HOST or HOST:PORT", assertThrows(SpallocException.class,
                () -> SpallocClient.connect("h:x", TIMEOUT)).getMessage());
    }
}
