package org.engram.simulator.engine.event;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Threads that run a number of tasks in steps, together: member 0 is the caller of {@link #step},
 * the others are threads started by {@link #start} and ended by {@link #stop}. In a step every
 * task runs once, on whichever member takes it first (a member that the machine has paused
 * holds up no task but the one it runs); the step returns when all have run, so what they
 * wrote is visible to the caller after it, and what the caller wrote before it is visible to
 * all of them. Waiting members spin briefly, then yield: steps come thousands of times a
 * second, more often than parking and waking a thread would allow.
 */
final class Lockstep {
    /** How many times a waiting member spins before it yields. */
    private static final int SPINS = 2000;
    private final int members;
    private final int tasks;
    private IntConsumer task;
    private Thread[] others = new Thread[0];
    /** Incremented by the caller to start a step. */
    private volatile long generation;
    private volatile boolean stopping;
    /** The next task of the step to take, and how many have finished. */
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Throwable failure;

    /** {@code members} threads (the caller included) for {@code tasks} tasks a step. */
    Lockstep(int members, int tasks) {
        this.members = members;
        this.tasks = tasks;
    }

    int threads() {
        return members;
    }

    /** Starts the other members, which then run {@code work} (given a task's index) at each step. */
    void start(IntConsumer work) {
        task = work;
        stopping = false;
        failure = null;
        others = new Thread[members - 1];
        long start = generation;
        for (int m = 1; m < members; m++) {
            Thread t = new Thread(() -> loop(start), "engram-event-" + m);
            t.setDaemon(true);
            others[m - 1] = t;
            t.start();
        }
    }

    private void loop(long start) {
        long seen = start;
        while (true) {
            int spins = 0;
            while (generation == seen && !stopping) {
                spins = pause(spins);
            }
            if (stopping) {
                return;
            }
            seen = generation;
            try {
                runTasks();
            } catch (Throwable e) {
                failure = e;
                finished.addAndGet(tasks); // ends the step: the caller rethrows
            }
        }
    }

    private static int pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }

    private void runTasks() {
        for (int i; (i = next.getAndIncrement()) < tasks; ) {
            task.accept(i);
            finished.incrementAndGet();
        }
    }

    /** Runs one step: every task once; rethrows a member's failure. */
    void step() {
        if (members == 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        finished.set(0);
        next.set(0);
        generation++;
        Throwable own = null;
        try {
            runTasks();
        } catch (RuntimeException | Error e) {
            own = e;
            finished.addAndGet(tasks);
        }
        int spins = 0;
        while (finished.get() < tasks) {
            spins = pause(spins);
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
