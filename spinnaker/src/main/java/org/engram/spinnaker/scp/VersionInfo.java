package org.engram.spinnaker.scp;

import java.nio.charset.StandardCharsets;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * The reply to CMD_VER.
 *
 * <pre>
 * arg1 = p2p_addr &lt;&lt; 16 | physical_cpu &lt;&lt; 8 | virtual_cpu   (bytes: virt, phys, y, x)
 * arg2 = version &lt;&lt; 16 | buffer size                       (0xFFFF, 256 for SCAMP ≥ 2.0)
 * arg3 = build date (Unix time)
 * data = "SC&amp;MP/SpiNNaker\0" then "4.0.0\0"
 * </pre>
 *
 * @param chip the answering chip's P2P address; (255,255) until SCAMP has finished network
 *     initialisation
 * @param physicalCpu physical core number
 * @param virtualCpu virtual core number
 * @param bufferSize SDP data buffer size (256)
 * @param buildDate Unix time of the kernel build
 * @param name kernel name ("SC&amp;MP" or "SARK")
 * @param hardware hardware name ("SpiNNaker")
 * @param version version string, e.g. "4.0.0"
 */
public record VersionInfo(ChipLocation chip, int physicalCpu, int virtualCpu, int bufferSize,
        long buildDate, String name, String hardware, String version) {
    /** SCAMP's name in the version reply. */
    public static final String SCAMP_NAME = "SC&MP";
    /** The application cores' kernel. */
    public static final String SARK_NAME = "SARK";

    /** Whether SCAMP has a P2P address yet (it reports (255,255) until it has). */
    public boolean isReady() {
        return !chip.equals(ChipLocation.ROOT_ALIAS);
    }

    /** Major version number, or -1 if the version string does not start with one. */
    public int major() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static VersionInfo decode(ScpResponse r) {
        int a1 = r.word("CMD_VER", 0);
        int a2 = r.word("CMD_VER", 1);
        int a3 = r.word("CMD_VER", 2);
        byte[] p = r.payload();
        int end1 = indexOfZero(p, 12);
        if (end1 < 0) {
            throw new MalformedPacketException("CMD_VER reply", 26, "name string not NUL-terminated");
        }
        String first = new String(p, 12, end1 - 12, StandardCharsets.US_ASCII);
        int slash = first.indexOf('/');
        String name = slash < 0 ? first : first.substring(0, slash);
        String hw = slash < 0 ? "" : first.substring(slash + 1);
        String version;
        int end2 = indexOfZero(p, end1 + 1);
        int versionField = a2 >>> 16;
        if (end2 > end1 + 1) {
            version = new String(p, end1 + 1, end2 - end1 - 1, StandardCharsets.US_ASCII);
        } else if (versionField != 0xFFFF) {
            // pre-2.0 kernels: major·100 + minor in the version field, one string only
            version = (versionField / 100) + "." + (versionField % 100) + ".0";
        } else {
            throw new MalformedPacketException("CMD_VER reply", 26 + end1 + 1,
                    "version string missing");
        }
        return new VersionInfo(ChipLocation.ofP2pAddress(a1 >>> 16), (a1 >>> 8) & 0xFF, a1 & 0xFF,
                a2 & 0xFFFF, a3 & 0xFFFF_FFFFL, name, hw, version);
    }

    private static int indexOfZero(byte[] p, int from) {
        for (int i = from; i < p.length; i++) {
            if (p[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
