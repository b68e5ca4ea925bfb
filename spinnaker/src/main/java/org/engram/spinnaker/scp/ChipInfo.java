package org.engram.spinnaker.scp;

import java.util.Arrays;
import org.engram.spinnaker.machine.ChipLocation;

/**
 * The reply to CMD_INFO (38 payload bytes).
 *
 * <pre>
 * arg1  [4:0] working cores, [13:8] working-link bitmap, [24:14] free router entries
 *       (largest block), [25] Ethernet up
 * arg2  largest free SDRAM block (bytes)
 * arg3  largest free System RAM block (bytes)
 * data  18 core-state bytes, nearest Ethernet chip (y byte, x byte), 4 IP bytes,
 *       parent link towards the root (u16)
 * </pre>
 */
public record ChipInfo(int workingCores, int linkMask, int freeRouterEntries, boolean ethernetUp,
        long largestFreeSdramBlock, long largestFreeSysramBlock, byte[] coreStates,
        ChipLocation nearestEthernet, byte[] ipAddress, int parentLink) {
    /** Payload size of the reply. */
    public static final int PAYLOAD_SIZE = 38;
    /** Number of core-state bytes. */
    public static final int CORE_STATES = 18;

    /** Packs arg1 as SCAMP does. */
    public int arg1() {
        return (workingCores & 0x1F) | (linkMask & 0x3F) << 8 | (freeRouterEntries & 0x7FF) << 14
                | (ethernetUp ? 1 << 25 : 0);
    }

    /** The 26 data bytes after the three arguments. */
    public byte[] data() {
        byte[] d = new byte[PAYLOAD_SIZE - 12];
        System.arraycopy(coreStates, 0, d, 0, CORE_STATES);
        d[18] = (byte) nearestEthernet.y();
        d[19] = (byte) nearestEthernet.x();
        System.arraycopy(ipAddress, 0, d, 20, 4);
        d[24] = (byte) parentLink;
        d[25] = (byte) (parentLink >>> 8);
        return d;
    }

    static ChipInfo decode(ScpResponse r) {
        r.requirePayload("CMD_INFO", PAYLOAD_SIZE);
        int a1 = r.word("CMD_INFO", 0);
        byte[] p = r.payload();
        return new ChipInfo(a1 & 0x1F, (a1 >>> 8) & 0x3F, (a1 >>> 14) & 0x7FF, (a1 >>> 25 & 1) != 0,
                r.word("CMD_INFO", 1) & 0xFFFF_FFFFL, r.word("CMD_INFO", 2) & 0xFFFF_FFFFL,
                Arrays.copyOfRange(p, 12, 30), new ChipLocation(p[31] & 0xFF, p[30] & 0xFF),
                Arrays.copyOfRange(p, 32, 36), (p[36] & 0xFF) | (p[37] & 0xFF) << 8);
    }
}
