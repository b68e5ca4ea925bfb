package org.engram.spinnaker.emulator;

import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.Signal;

/**
 * Java code standing in for the binary an emulated core runs. The emulator creates one instance
 * per core when a host starts an {@link org.engram.spinnaker.scp.ApplicationImage} whose
 * identifier was registered with {@link EmulatorOptions#withApplication}, and calls it on the
 * emulator's thread, one call at a time across the whole board; packets a call sends are
 * delivered after it returns. A call that throws puts its core in the run-time-error state
 * (RTE_SWERR), as a crashed binary would.
 */
public interface CoreApplication {
    /** The core entered RUNNING: at once, or on START (or SYNC0) if the host asked it to wait. */
    void run(ApplicationCore core);

    /** A packet the chip's router delivered to this core (only while it is RUNNING). */
    void receive(ApplicationCore core, MulticastPacket packet);

    /**
     * A signal SARK passes to the application: PAUSE, CONT, EXIT (after the state changed) and,
     * while RUNNING, TIMER and USR0–USR3. START, SYNC0, SYNC1 and STOP are handled by the core.
     */
    default void signal(ApplicationCore core, Signal signal) {
    }

    /** Makes the application for one core. */
    @FunctionalInterface
    interface Factory {
        CoreApplication create(CoreLocation core);
    }
}
