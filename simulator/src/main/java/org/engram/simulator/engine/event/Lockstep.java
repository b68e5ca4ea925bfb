package org.engram.simulator.engine.event;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Threads that run one task in steps, together: member 0 is the caller of {@link #step}, the
 * others are threads started by {@link #start} and ended by {@link #stop}. A step returns when
 * every member has run the task once, so what the members wrote in it is visible to the caller
 * after it, and what the caller wrote before it is visible to all of them. Waiting members spin
 * briefly, then yield: steps come thousands of times a second, more often than parking and
 * waking a thread would allow.
 */
final class Lockstep {
    /** How many times a waiting member spins before it yields. */
    private static final int SPINS = 2000;
    private final int size;
    private IntConsumer task;
    private Thread[] others = new Thread[0];
    /** Incremented by the caller to start a step; -1 tells the members to end. */
    private volatile long generation;
    private volatile boolean stopping;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Throwable failure;

    Lockstep(int size) {
        this.size = size;
    }

    /** Starts the other members, which then run {@code work} at each step. */
    void start(IntConsumer work) {
        task = work;
        stopping = false;
        failure = null;
        others = new Thread[size - 1];
        long start = generation;
        for (int m = 1; m < size; m++) {
            int member = m;
            Thread t = new Thread(() -> loop(member, start), "engram-event-" + m);
            t.setDaemon(true);
            others[m - 1] = t;
            t.start();
        }
    }

    private void loop(int member, long start) {
        long seen = start;
        while (true) {
            int spins = 0;
            while (generation == seen && !stopping) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            if (stopping) {
                return;
            }
            seen = generation;
            try {
                task.accept(member);
            } catch (Throwable e) {
                failure = e;
            }
            finished.incrementAndGet();
        }
    }

    /** Runs one step: every member runs the task once; rethrows a member's failure. */
    void step() {
        finished.set(0);
        generation++;
        Throwable own = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        int spins = 0;
        while (finished.get() < size - 1) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (own == null && failure != null) {
            own = failure;
        }
        if (own instanceof RuntimeException r) {
            throw r;
        }
        if (own instanceof Error e) {
            throw e;
        }
        if (own != null) {
            throw new IllegalStateException(own);
        }
    }

    /** Ends the other members and waits for them. */
    void stop() {
        stopping = true;
        for (Thread t : others) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
