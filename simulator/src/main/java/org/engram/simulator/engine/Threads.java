package org.engram.simulator.engine;

import org.engram.simulator.error.InvalidNetworkException;

/**
 * How many threads a simulation may use: a given number, or {@link #AUTO}, which each engine
 * resolves from the built network (its size and smallest delay) and the cores the machine's load
 * leaves idle, so that the default is never measurably slower than one thread; small networks stay
 * on one. The results never depend on it:
 * spikes, v and weights are the same bytes for any number of threads.
 *
 * @param requested the number of threads asked for, or 0 for {@link #AUTO}
 */
public record Threads(int requested) {
    /** The engine chooses. */
    public static final Threads AUTO = new Threads(0);

    public Threads {
        if (requested < 0) {
            throw new InvalidNetworkException("threads " + requested + ": expected a number >= 1, or auto");
        }
    }

    /** Exactly {@code n} threads. */
    public static Threads of(int n) {
        if (n < 1) {
            throw new InvalidNetworkException("threads " + n + ": expected a number >= 1, or auto");
        }
        return new Threads(n);
    }

    /** {@code "auto"} or a positive integer, as a user types it. */
    public static Threads parse(String text) {
        String t = text.trim();
        if (t.equals("auto")) {
            return AUTO;
        }
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidNetworkException("threads '" + text + "': expected a number >= 1, or auto");
        }
        return of(n);
    }

    /** True if the engine chooses. */
    public boolean auto() {
        return requested == 0;
    }

    @Override
    public String toString() {
        return auto() ? "auto" : Integer.toString(requested);
    }
}
