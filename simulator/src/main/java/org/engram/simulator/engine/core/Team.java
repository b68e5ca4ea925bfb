package org.engram.simulator.engine.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads that run one task in lockstep: member 0 is the calling thread, the
 * others come from a pool of daemon threads owned by the team, which end after a second without
 * work (so a team that is dropped leaks nothing, and one reused within a second starts no thread).
 *
 * <p>{@link #await} is a barrier for the members of the running task: each waits until all have
 * arrived, and the last to arrive first runs the given action alone, so that the action sees
 * every member's writes and every member sees the action's. A member spins briefly before it
 * parks: an engine's barrier comes every step, and waking a parked thread costs more than most
 * steps. If a member fails, the others stop at their next barrier and {@link #run} throws the
 * failure.
 */
public final class Team {
    /** How long a waiting member spins before it parks, ns. */
    private static final long SPIN_NS = 50_000;
    /**
     * The longest a parked member sleeps before it looks again, ns: a failing member may not see
     * which threads are parked, and then cannot wake them.
     */
    private static final long PARK_NS = 1_000_000;
    private final int size;
    private final ExecutorService pool;
    private final Thread[] members;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** A team of {@code size} threads, the caller of {@link #run} included. */
    public Team(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a team of " + size + " threads");
        }
        this.size = size;
        this.members = new Thread[size];
        if (size == 1) {
            pool = null;
        } else {
            ThreadPoolExecutor p = new ThreadPoolExecutor(size - 1, size - 1, 1, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "engram-engine");
                        t.setDaemon(true);
                        return t;
                    });
            p.allowCoreThreadTimeOut(true);
            pool = p;
        }
    }

    /**
     * The cores other processes leave idle: the machine's cores less its load average (rounded),
     * at least one. A simulation's threads wait for each other at every barrier, so a thread
     * without a core of its own stalls them all: a busy machine is best run on fewer threads.
     */
    public static int idleCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? cores : (int) Math.max(1, Math.min(cores, Math.round(cores - load)));
    }

    /** The number of members. */
    public int size() {
        return size;
    }

    /**
     * Runs {@code task} on every member, {@code task.accept(m)} for member m, the caller being
     * member 0, and returns when all have returned.
     *
     * @throws RuntimeException or Error: the first failure of a member
     */
    public void run(IntConsumer task) {
        if (size == 1) {
            members[0] = Thread.currentThread();
            task.accept(0);
            return;
        }
        failure.set(null);
        arrived.set(0);
        members[0] = Thread.currentThread();
        Future<?>[] others = new Future<?>[size - 1];
        for (int m = 1; m < size; m++) {
            int member = m;
            others[m - 1] = pool.submit(() -> {
                members[member] = Thread.currentThread();
                guarded(task, member);
            });
        }
        guarded(task, 0);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } catch (java.util.concurrent.ExecutionException e) {
                fail(e.getCause());
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void guarded(IntConsumer task, int member) {
        try {
            task.accept(member);
        } catch (Stopped s) {
            // another member failed: its failure is the one reported
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            generation++; // wakes the members waiting at a barrier, which then stop
            wakeAll();
        }
    }

    /**
     * Waits until every member has arrived; the last to arrive runs {@code action} (null: none)
     * before any member goes on.
     */
    public void await(Runnable action) {
        if (size == 1) {
            if (action != null) {
                action.run();
            }
            return;
        }
        int gen = generation;
        if (failure.get() != null) {
            throw new Stopped();
        }
        if (arrived.incrementAndGet() == size) {
            arrived.set(0);
            try {
                if (action != null) {
                    action.run();
                }
            } finally {
                generation = gen + 1;
                wakeAll();
            }
            return;
        }
        long spinUntil = System.nanoTime() + SPIN_NS;
        for (int spin = 1; generation == gen; spin++) {
            if ((spin & 63) != 0 || System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, PARK_NS);
            }
        }
        if (failure.get() != null) {
            throw new Stopped();
        }
    }

    private void wakeAll() {
        Thread self = Thread.currentThread();
        for (Thread t : members) {
            if (t != null && t != self) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Thrown in a member at a barrier after another member failed; never leaves {@link #run}. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
