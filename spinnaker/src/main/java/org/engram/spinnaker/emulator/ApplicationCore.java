package org.engram.spinnaker.emulator;

import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.CpuState;

/**
 * What a {@link CoreApplication} sees of the core it runs on: its chip's SDRAM, its VCPU user
 * registers, its state, and the chip's multicast router. Addresses are SpiNNaker addresses
 * (0x60000000–0x67FFFFFF or the 0x70000000 alias); an access outside SDRAM throws {@link
 * IllegalArgumentException}, which ends the application with a run-time error.
 */
public interface ApplicationCore {
    /** This core (virtual core number). */
    CoreLocation location();

    int appId();

    /** IDLE, SYNC0, RUNNING, PAUSED, FINISHED or RUN_TIME_EXCEPTION, as CMD_INFO reports it. */
    CpuState state();

    /** Where the image this core started from lies in SDRAM. */
    long imageAddress();

    byte[] readSdram(long address, int length);

    /**
     * The bytes from {@code address} to the end of the allocated SDRAM block holding it (as SARK
     * finds a block's end from the heap's block header), or 0 if no allocated block holds it: how
     * far an image written to an allocation may reach.
     */
    long sdramBlockBytes(long address);

    void writeSdram(long address, byte[] data);

    /** VCPU user0–user3 (the host writes user0 before starting, e.g. a data-spec pointer). */
    long user(int register);

    void setUser(int register, long value);

    /** Injects a packet into this chip's router, as the core's comms controller does. */
    void sendMulticast(MulticastPacket packet);

    /**
     * Asks for the board's timer: from the next tick on, each tick calls {@link
     * CoreApplication#signal} with TIMER while the core is RUNNING, until the application ends or
     * the core is stopped or started again. Every core that asked is signalled in the same tick,
     * and the packets sent in one tick are all delivered before the next; ticks run as fast as
     * the emulator runs them, with the host's requests answered between them.
     */
    void startTimer();

    /** Ends the application normally: the core is FINISHED (SARK's EXIT state). */
    void exit();

    /** Ends the application with a run-time error code (SARK's {@code rt_error}, 1–20). */
    void fail(int runTimeError);
}
