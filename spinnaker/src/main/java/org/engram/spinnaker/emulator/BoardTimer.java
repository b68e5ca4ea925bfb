package org.engram.spinnaker.emulator;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The timer every application core of the board shares, as SARK's timer interrupt is each
 * core's, but ticking for all cores together: one tick is one task on the emulator's thread that
 * signals TIMER to every core that asked ({@link ApplicationCore#startTimer}), in the order they
 * asked, then routes and delivers every packet those calls sent. The next tick is a new task, so
 * the host's requests are answered between ticks and all packets of one tick arrive before any
 * core runs the next. Ticks follow each other as fast as the emulator runs them, not in real
 * time. A core leaves the timer when its application ends, or it is stopped or started again.
 */
final class BoardTimer {
    private final MulticastNetwork network;
    private final Consumer<Runnable> later;
    private final Set<EmulatedCore> cores = new LinkedHashSet<>();
    private boolean scheduled;
    /** Ticks run since the board powered up (for tests). */
    long ticks;

    /** @param later runs a task on the emulator's thread after the current one (and the I/O waiting) */
    BoardTimer(MulticastNetwork network, Consumer<Runnable> later) {
        this.network = network;
        this.later = later;
    }

    /** A core takes ticks from the next one on. */
    void add(EmulatedCore core) {
        cores.add(core);
        if (!scheduled) {
            scheduled = true;
            later.accept(this::tick);
        }
    }

    private void tick() {
        scheduled = false;
        if (cores.isEmpty()) {
            return;
        }
        ticks++;
        for (EmulatedCore core : cores.toArray(new EmulatedCore[0])) {
            if (!core.tick()) {
                cores.remove(core);
            }
        }
        network.drain();
        if (!cores.isEmpty()) {
            scheduled = true;
            later.accept(this::tick);
        }
    }

    /** At a power-up: the old chips' cores take no more ticks. */
    void clear() {
        cores.clear();
    }
}
