package org.engram.spinnaker.emulator;

import java.util.Random;
import java.util.function.Consumer;

/** Applies {@link Faults} to one direction of traffic. Single-threaded. */
final class FaultInjector<T> {
    private final Faults faults;
    private final Random random;
    private final Consumer<T> sink;
    private T held;
    long dropped;
    long duplicated;
    long reordered;

    FaultInjector(Faults faults, long seedSalt, Consumer<T> sink) {
        this.faults = faults;
        this.random = new Random(faults.seed() * 31 + seedSalt);
        this.sink = sink;
    }

    /** Passes an item on, perhaps dropped, duplicated or delayed; true if one is now held back. */
    boolean offer(T item) {
        if (!faults.any()) {
            sink.accept(item);
            return false;
        }
        if (random.nextDouble() < faults.drop()) {
            dropped++;
            return held != null;
        }
        int copies = random.nextDouble() < faults.duplicate() ? 2 : 1;
        if (copies == 2) {
            duplicated++;
        }
        if (held == null && random.nextDouble() < faults.reorder()) {
            reordered++;
            held = item;
            if (copies == 2) {
                sink.accept(item);
            }
            return true;
        }
        for (int i = 0; i < copies; i++) {
            sink.accept(item);
        }
        flush();
        return false;
    }

    /** Delivers the held item, if any. */
    void flush() {
        if (held != null) {
            T h = held;
            held = null;
            sink.accept(h);
        }
    }
}
