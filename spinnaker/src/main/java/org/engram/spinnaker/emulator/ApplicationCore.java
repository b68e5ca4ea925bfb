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

    void writeSdram(long address, byte[] data);

    /** VCPU user0–user3 (the host writes user0 before starting, e.g. a data-spec pointer). */
    long user(int register);

    void setUser(int register, long value);

    /** Injects a packet into this chip's router, as the core's comms controller does. */
    void sendMulticast(MulticastPacket packet);

    /** Ends the application normally: the core is FINISHED (SARK's EXIT state). */
    void exit();

    /** Ends the application with a run-time error code (SARK's {@code rt_error}, 1–20). */
    void fail(int runTimeError);
}
