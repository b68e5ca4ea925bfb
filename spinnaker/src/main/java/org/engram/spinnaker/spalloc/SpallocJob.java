package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One spalloc job, from {@code create_job} to {@code destroy_job}: while it lives, a background
 * thread sends {@code job_keepalive} every half keepalive (as spalloc's own client does), and a
 * shutdown hook destroys it if the program ends first (Ctrl-C), so that no job is left holding
 * boards. {@link #close} destroys it; so should a caller that fails, with {@link #destroy} and
 * the failure as the reason.
 */
public final class SpallocJob implements AutoCloseable {
    /** Longest wait between two looks at a queued job's state, when no notification comes. */
    static final Duration STATE_POLL = Duration.ofSeconds(1);

    private final SpallocClient client;
    private final int id;
    private final JobRequest request;
    private final Consumer<String> progress;
    private final ScheduledExecutorService keepalive;
    private final Thread hook;
    private volatile boolean destroyed;
    private double waitSeconds;

    private SpallocJob(SpallocClient client, int id, JobRequest request, Consumer<String> progress) {
        this.client = client;
        this.id = id;
        this.request = request;
        this.progress = progress;
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engram-spalloc-keepalive-" + id);
            t.setDaemon(true);
            return t;
        });
        this.hook = new Thread(() -> destroy("the program was stopped before the job ended"),
                "engram-spalloc-destroy-" + id);
    }

    /**
     * Creates a job, starts keeping it alive and registers its shutdown hook.
     *
     * @param progress hears one line per event: created, each state it is seen in, destroyed
     */
    public static SpallocJob create(SpallocClient client, JobRequest request, Consumer<String> progress)
            throws InterruptedException {
        int id = client.createJob(request);
        SpallocJob job = new SpallocJob(client, id, request, progress);
        progress.accept("spalloc job " + id + " created for " + request.describe() + " on " + client.server());
        try {
            Runtime.getRuntime().addShutdownHook(job.hook);
        } catch (IllegalStateException e) {
            job.destroy("the program was stopping when the job was created");
            throw new SpallocException("spalloc job " + id + " was created while the program was stopping; destroyed");
        }
        long periodMs = Math.max(1, Math.round(request.keepaliveS() * 1000 / 2));
        job.keepalive.scheduleAtFixedRate(job::keepAlive, periodMs, periodMs, TimeUnit.MILLISECONDS);
        return job;
    }

    public int id() {
        return id;
    }

    public JobRequest request() {
        return request;
    }

    /** Seconds {@link #waitUntilReady} waited for the boards. */
    public double waitSeconds() {
        return waitSeconds;
    }

    private void keepAlive() {
        try {
            client.jobKeepalive(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the job is being destroyed
        } catch (SpallocException e) {
            progress.accept("spalloc job " + id + ": keepalive failed (" + e.getMessage() + "); trying again in "
                    + request.keepaliveS() / 2 + " s");
        }
    }

    /**
     * Waits until the job's boards are allocated and powered, reporting each state it sees
     * ("queued", "power (powering on)", with the server's reason), woken by the server's
     * notifications and looking again at least every {@link #STATE_POLL}.
     *
     * @param maxWait how long to wait at most
     * @return the job's boards
     * @throws SpallocException when the job is destroyed or forgotten before it is ready, or
     *     is not ready within {@code maxWait}
     */
    public JobMachineInfo waitUntilReady(Duration maxWait) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + maxWait.toNanos();
        client.notifyJob(id);
        JobState seen = null;
        while (true) {
            JobState s = client.jobState(id);
            if (!s.equals(seen)) {
                progress.accept("spalloc job " + id + ": " + s.describe());
                seen = s;
            }
            switch (s.state()) {
                case READY -> {
                    waitSeconds = (System.nanoTime() - t0) / 1e9;
                    return client.jobMachineInfo(id);
                }
                case DESTROYED -> throw new SpallocException("spalloc job " + id + " was destroyed before its boards"
                        + " were ready" + (s.reason().isEmpty() ? "" : ": " + s.reason()));
                case UNKNOWN -> throw new SpallocException("spalloc server " + client.server() + " no longer knows job "
                        + id);
                default -> { }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SpallocException("spalloc job " + id + " was not ready within " + maxWait.toSeconds()
                        + " s (" + s.describe() + ")");
            }
            awaitChange(Duration.ofNanos(Math.min(left, STATE_POLL.toNanos())));
        }
    }

    /** Waits for a notification naming this job, at most {@code wait}. */
    private void awaitChange(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = until - System.nanoTime()) {
            JsonNode n = client.awaitNotification(Duration.ofNanos(left));
            if (n == null) {
                return;
            }
            for (JsonNode changed : n.path("jobs_changed")) {
                if (changed.asInt(-1) == id) {
                    return;
                }
            }
        }
    }

    /**
     * Destroys the job (once; later calls do nothing), stops keeping it alive and removes the
     * shutdown hook. A server that cannot be told is reported on {@code progress}: it destroys
     * the job itself once the keepalive has passed.
     */
    public void destroy(String reason) {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
        }
        keepalive.shutdownNow();
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the program is stopping; the hook may be running this very destroy
            }
        }
        boolean interrupted = Thread.interrupted(); // an interrupted caller still destroys its job
        try {
            client.destroyJob(id, reason);
            progress.accept("spalloc job " + id + " destroyed (" + reason + ")");
        } catch (InterruptedException e) {
            interrupted = true;
            progress.accept("spalloc job " + id + " not destroyed: interrupted; the server destroys it after "
                    + request.keepaliveS() + " s without keepalive");
        } catch (SpallocException e) {
            progress.accept("spalloc job " + id + " not destroyed: " + e.getMessage() + "; the server destroys it after "
                    + request.keepaliveS() + " s without keepalive");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Destroys the job, the work done. */
    @Override
    public void close() {
        destroy("finished");
    }
}
