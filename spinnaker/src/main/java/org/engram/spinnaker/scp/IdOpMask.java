package org.engram.spinnaker.scp;

/**
 * SCAMP's {@code id_op_mask}: which cores of a chip start an application, under which app id and
 * how ({@code proc_start_app()} in scamp-app.c). It is CMD_AR's arg1, CMD_AS's arg2,
 * CMD_APP_COPY_RUN's arg3 and the data of the flood-fill end packet.
 *
 * <pre>
 * [31:24] app id   [23:18] flags (bit 18: wait for the START signal)   [17:0] virtual cores
 * </pre>
 *
 * A mask with no cores starts nothing; bit 0 (the monitor) is refused by SCAMP.
 *
 * @param appId 0–255
 * @param flags the six flag bits, 0–63
 * @param coreMask bit p selects virtual core p, 0–0x3FFFF
 */
public record IdOpMask(int appId, int flags, int coreMask) {
    /** Flag bit 0 ({@code APP_FLAG_WAIT}): the cores wait at SYNC0 for a START signal. */
    public static final int FLAG_WAIT = 1;
    /** The core-mask field. */
    public static final int CORE_BITS = 0x3FFFF;
    private static final int FLAGS_SHIFT = 18;
    private static final int APP_ID_SHIFT = 24;

    public IdOpMask {
        Checks.range("id_op_mask", "app id", appId, 0, 255);
        Checks.range("id_op_mask", "flags", flags, 0, 63);
        if ((coreMask & ~CORE_BITS) != 0) {
            throw new IllegalArgumentException(String.format(
                    "id_op_mask: core mask 0x%X selects cores beyond 17", coreMask));
        }
    }

    /** The cores in {@code coreMask}, waiting for START or running at once. */
    public static IdOpMask of(int appId, int coreMask, boolean waitForStart) {
        return new IdOpMask(appId, waitForStart ? FLAG_WAIT : 0, coreMask);
    }

    /** The mask selecting the given virtual cores. */
    public static int coreMask(Iterable<Integer> cores) {
        int mask = 0;
        for (int p : cores) {
            Checks.range("id_op_mask", "core", p, 0, 17);
            mask |= 1 << p;
        }
        return mask;
    }

    public boolean waitForStart() {
        return (flags & FLAG_WAIT) != 0;
    }

    /** Whether the mask selects core 0, the monitor (SCAMP answers RC_ARG). */
    public boolean selectsMonitor() {
        return (coreMask & 1) != 0;
    }

    public int encode() {
        return appId << APP_ID_SHIFT | flags << FLAGS_SHIFT | coreMask;
    }

    /** Any word decodes. */
    public static IdOpMask decode(int word) {
        return new IdOpMask(word >>> APP_ID_SHIFT, (word >>> FLAGS_SHIFT) & 63, word & CORE_BITS);
    }

    /** Checks what a host may ask: an app id of 1–255 and only application cores. */
    static void checkForHost(String what, IdOpMask cores, boolean allowNoCores) {
        Checks.range(what, "app id", cores.appId, 1, 255);
        if (cores.selectsMonitor() || (!allowNoCores && cores.coreMask == 0)) {
            throw new IllegalArgumentException(String.format(
                    "%s: core mask 0x%X must select cores 1..17 only", what, cores.coreMask));
        }
    }
}
