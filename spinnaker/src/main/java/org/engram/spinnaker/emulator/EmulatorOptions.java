package org.engram.spinnaker.emulator;

import java.util.HashMap;
import java.util.Map;
import org.engram.spinnaker.scp.ApplicationImage;

/**
 * How to run a {@link BoardEmulator}.
 *
 * @param scpPort UDP port for SCAMP (SDP/SCP) of the root board, the others taking the ports
 *     after it; 17893 on real boards, 0 for an ephemeral one per board
 * @param bootPort UDP port for the boot protocol of the root board, which boots the whole
 *     machine; 54321 on real boards, 0 for an ephemeral one
 * @param boards 1 (a SpiNN-5 board) or 3 (a triad, each board with its own Ethernet chip)
 * @param booted start booted (true) or wait for a boot image (false, {@code --unbooted})
 * @param readyDelayMs after a boot, how long CMD_VER reports (255,255) before SCAMP is ready
 * @param faults fault injection on both directions
 * @param holdRepliesMs 0 to answer at once; otherwise replies (and their transient tags) are
 *     held until no request has arrived for this long, which makes the number of requests a
 *     host keeps outstanding visible (see {@code maxOutstanding})
 * @param serviceMicros 0 to answer as fast as the emulator runs; otherwise each board's SCAMP
 *     takes this long per request, one request after another (a board's monitor core answers
 *     its Ethernet's requests in turn, those for chips on other boards included), so that boards
 *     served through their own connections answer in parallel, as real boards do
 * @param applications the Java applications cores run, by the identifier in the header of the
 *     {@link ApplicationImage} a host starts
 */
public record EmulatorOptions(int scpPort, int bootPort, int boards, boolean booted, long readyDelayMs,
        Faults faults, long holdRepliesMs, long serviceMicros, Map<String, CoreApplication.Factory> applications) {
    public static final int SCAMP_PORT = 17893;
    public static final int BOOT_PORT = 54321;

    public EmulatorOptions {
        if (boards != 1 && boards != 3) {
            throw new IllegalArgumentException("--boards " + boards + ": expected 1 or 3");
        }
        if (scpPort < 0 || scpPort + boards - 1 > 65535 || bootPort < 0 || bootPort > 65535) {
            throw new IllegalArgumentException("ports must be in 0..65535 (" + boards + " SCAMP ports from "
                    + scpPort + ")");
        }
        if (readyDelayMs < 0 || holdRepliesMs < 0 || serviceMicros < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        applications = Map.copyOf(applications);
    }

    /** Options without applications: every image a host starts runs nothing. */
    public EmulatorOptions(int scpPort, int bootPort, int boards, boolean booted, long readyDelayMs, Faults faults,
            long holdRepliesMs) {
        this(scpPort, bootPort, boards, booted, readyDelayMs, faults, holdRepliesMs, 0, Map.of());
    }

    /** A booted board on ephemeral ports, no faults: what most tests want. */
    public static EmulatorOptions ephemeral() {
        return new EmulatorOptions(0, 0, 1, true, 0, Faults.NONE, 0);
    }

    public EmulatorOptions withFaults(Faults f) {
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, f, holdRepliesMs, serviceMicros,
                applications);
    }

    public EmulatorOptions unbooted(long readyAfterBootMs) {
        return new EmulatorOptions(scpPort, bootPort, boards, false, readyAfterBootMs, faults, holdRepliesMs,
                serviceMicros, applications);
    }

    public EmulatorOptions withHoldRepliesMs(long ms) {
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, faults, ms, serviceMicros,
                applications);
    }

    public EmulatorOptions withBoards(int n) {
        return new EmulatorOptions(scpPort, bootPort, n, booted, readyDelayMs, faults, holdRepliesMs, serviceMicros,
                applications);
    }

    /** Each board's SCAMP takes {@code micros} per request, one after another. */
    public EmulatorOptions withServiceMicros(long micros) {
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, faults, holdRepliesMs, micros,
                applications);
    }

    /** Cores that start an image whose header names {@code identifier} run what {@code factory} makes. */
    public EmulatorOptions withApplication(String identifier, CoreApplication.Factory factory) {
        Map<String, CoreApplication.Factory> more = new HashMap<>(applications);
        more.put(new ApplicationImage(identifier, new byte[0]).identifier(), factory);
        return new EmulatorOptions(scpPort, bootPort, boards, booted, readyDelayMs, faults, holdRepliesMs, serviceMicros,
                more);
    }
}
