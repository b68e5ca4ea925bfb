package org.engram.spinnaker.emulator;

/**
 * How to run a {@link BoardEmulator}.
 *
 * @param scpPort UDP port for SCAMP (SDP/SCP); 17893 on real boards, 0 for an ephemeral one
 * @param bootPort UDP port for the boot protocol; 54321 on real boards, 0 for an ephemeral one
 * @param boards 1 (a SpiNN-5 board) or 3 (a triad)
 * @param booted start booted (true) or wait for a boot image (false, {@code --unbooted})
 * @param readyDelayMs after a boot, how long CMD_VER reports (255,255) before SCAMP is ready
 * @param faults fault injection on both directions
 * @param holdRepliesMs 0 to answer at once; otherwise replies (and their transient tags) are
 *     held until no request has arrived for this long, which makes the number of requests a
 *     host keeps outstanding visible (see {@code maxOutstanding})
 */
public record EmulatorOptions(int scpPort, int bootPort, int boards, boolean booted, long readyDelayMs,
        Faults faults, long holdRepliesMs) {
    public static final int SCAMP_PORT = 17893;
    public static final int BOOT_PORT = 54321;

    public EmulatorOptions {
        if (scpPort < 0 || scpPort > 65535 || bootPort < 0 || bootPort > 65535) {
            throw new IllegalArgumentException("ports must be in 0..65535");
        }
        if (boards != 1 && boards != 3) {
            throw new IllegalArgumentException("--boards " + boards + ": expected 1 or 3");
        }
        if (readyDelayMs < 0 || holdRepliesMs < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** A booted board on ephemeral ports, no faults: what most tests want. */
    public static EmulatorOptions ephemeral() {
        return new EmulatorOptions(0, 0, 1, true, 0, Faults.NONE, 0);
    }

    public EmulatorOptions withFaults(Faults f) {
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, f, holdRepliesMs);
    }

    public EmulatorOptions unbooted(long readyAfterBootMs) {
        return new EmulatorOptions(scpPort, bootPort, boards, false, readyAfterBootMs, faults, holdRepliesMs);
    }

    public EmulatorOptions withHoldRepliesMs(long ms) {
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, faults, ms);
    }

    public EmulatorOptions withBoards(int n) {
        return new EmulatorOptions(scpPort, bootPort, n, booted, readyDelayMs, faults, holdRepliesMs);
    }
}
