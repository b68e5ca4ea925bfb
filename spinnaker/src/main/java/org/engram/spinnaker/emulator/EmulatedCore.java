package org.engram.spinnaker.emulator;

import java.util.function.Consumer;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.Signal;

/**
 * An application core as SARK runs it, seen from the host: its state in the VCPU block moves as
 * SCAMP starts it and as signals arrive, and, when the image it started from names a registered
 * {@link CoreApplication}, that application runs while the core is RUNNING.
 *
 * <pre>
 * start          → SYNC0 (wait flag) or RUNNING
 * START, SYNC0   SYNC0 → RUNNING          SYNC1   SYNC1 → RUNNING
 * PAUSE          RUNNING → PAUSED         CONT    PAUSED → RUNNING
 * EXIT           RUNNING → FINISHED       STOP    any → IDLE, app id 0
 * application    exit() → FINISHED; fail(code) or an exception → RUN_TIME_EXCEPTION
 * </pre>
 *
 * A core whose image the emulator does not know follows the same states and runs nothing: it
 * is an event-driven application with no events to handle.
 */
final class EmulatedCore implements ApplicationCore {
    /** SARK's {@code RTE_SWERR}: what an application that throws leaves in {@code rt_code}. */
    static final int RTE_SWERR = 13;
    /** SARK's largest run-time error code ({@code RTE_VER}). */
    static final int RTE_MAX = 20;

    private final EmulatedChip chip;
    private final int p;
    private final MulticastNetwork network;
    private final BoardTimer timer;
    private final Consumer<String> log;
    /** The running application, or null: none, or an image the emulator does not know. */
    private CoreApplication app;
    private long imageAddress;
    /** Whether the application asked for timer ticks. */
    private boolean ticking;

    EmulatedCore(EmulatedChip chip, int p, MulticastNetwork network, BoardTimer timer, Consumer<String> log) {
        this.chip = chip;
        this.p = p;
        this.network = network;
        this.timer = timer;
        this.log = log;
    }

    /** SCAMP starts (or restarts) this core with an image; SARK keeps the user registers. */
    void start(int appId, boolean waitForStart, CoreApplication application, long image, String name) {
        app = application;
        ticking = false;
        imageAddress = image;
        chip.setAppId(p, appId);
        chip.setName(p, name);
        chip.setRunTimeError(p, 0);
        if (waitForStart) {
            chip.setState(p, CpuState.SYNC0);
        } else {
            run();
        }
    }

    private void run() {
        chip.setState(p, CpuState.RUNNING);
        if (app != null) {
            call(() -> app.run(this));
        }
    }

    void signal(Signal signal) {
        int state = chip.state(p);
        switch (signal) {
            case START, SYNC0 -> {
                if (state == CpuState.SYNC0.code) {
                    run();
                }
            }
            case SYNC1 -> {
                if (state == CpuState.SYNC1.code) {
                    run();
                }
            }
            case PAUSE -> move(state, CpuState.RUNNING, CpuState.PAUSED, signal);
            case CONT -> move(state, CpuState.PAUSED, CpuState.RUNNING, signal);
            case EXIT -> move(state, CpuState.RUNNING, CpuState.FINISHED, signal);
            case TIMER, USR0, USR1, USR2, USR3 -> {
                if (state == CpuState.RUNNING.code) {
                    notify(signal);
                }
            }
            case STOP -> {
                app = null;
                ticking = false;
                chip.setState(p, CpuState.IDLE);
                chip.setAppId(p, 0);
                chip.setName(p, "sark");
            }
            default -> { } // INIT and PWRDN: not emulated
        }
    }

    private void move(int state, CpuState from, CpuState to, Signal signal) {
        if (state == from.code) {
            chip.setState(p, to);
            notify(signal);
        }
    }

    private void notify(Signal signal) {
        if (app != null) {
            call(() -> app.signal(this, signal));
        }
    }

    /**
     * A tick of the board's timer: TIMER to the application if the core is RUNNING (a PAUSED
     * core misses the tick). False once the core takes no more ticks.
     */
    boolean tick() {
        if (app == null || !ticking) {
            ticking = false;
            return false;
        }
        if (chip.state(p) == CpuState.RUNNING.code) {
            notify(Signal.TIMER);
        }
        return app != null && ticking;
    }

    /** A packet from the router; false if no application is RUNNING here to take it. */
    boolean deliver(MulticastPacket packet) {
        if (app == null || chip.state(p) != CpuState.RUNNING.code) {
            return false;
        }
        call(() -> app.receive(this, packet));
        return true;
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.accept("core " + location() + ": application failed: " + e);
            fail(RTE_SWERR);
        }
    }

    // ------------------------------------------------------------------ ApplicationCore

    @Override
    public CoreLocation location() {
        return new CoreLocation(chip.location, p);
    }

    @Override
    public int appId() {
        return chip.appId(p);
    }

    @Override
    public CpuState state() {
        return CpuState.of(chip.state(p)).orElseThrow();
    }

    @Override
    public long imageAddress() {
        return imageAddress;
    }

    @Override
    public byte[] readSdram(long address, int length) {
        checkSdram(address, length);
        byte[] out = new byte[length];
        chip.read(address, out);
        return out;
    }

    @Override
    public long sdramBlockBytes(long address) {
        return chip.heap.bytesToBlockEnd(address);
    }

    @Override
    public void writeSdram(long address, byte[] data) {
        checkSdram(address, data.length);
        chip.write(address, data, data.length);
    }

    private void checkSdram(long address, long length) {
        var where = MemoryRegion.locate(address, length);
        if (length < 0 || where.isEmpty() || where.get().region() != MemoryRegion.SDRAM) {
            throw new IllegalArgumentException(String.format("core %s: 0x%X + %d bytes is not in SDRAM",
                    location(), address, length));
        }
    }

    @Override
    public long user(int register) {
        return chip.user(p, checkRegister(register));
    }

    @Override
    public void setUser(int register, long value) {
        chip.setUser(p, checkRegister(register), value);
    }

    private int checkRegister(int register) {
        if (register < 0 || register > 3) {
            throw new IllegalArgumentException("core " + location() + ": user register " + register
                    + " is not one of 0, 1, 2, 3");
        }
        return register;
    }

    @Override
    public void sendMulticast(MulticastPacket packet) {
        network.send(chip, packet);
    }

    @Override
    public void startTimer() {
        if (app == null) {
            throw new IllegalStateException("core " + location() + ": no application asks for the timer");
        }
        ticking = true;
        timer.add(this);
    }

    @Override
    public void exit() {
        app = null;
        chip.setState(p, CpuState.FINISHED);
    }

    @Override
    public void fail(int runTimeError) {
        if (runTimeError < 1 || runTimeError > RTE_MAX) {
            throw new IllegalArgumentException("core " + location() + ": run-time error " + runTimeError
                    + " is not one of SARK's codes 1.." + RTE_MAX);
        }
        app = null;
        chip.setRunTimeError(p, runTimeError);
        chip.setState(p, CpuState.RUN_TIME_EXCEPTION);
    }
}
