package org.engram.spinnaker.scp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** SCP command codes ({@code include/sark.h}, dispatched by {@code scamp_debug()} in scamp-cmd.c). */
public enum ScpCommand {
    CMD_VER(0), CMD_RUN(1), CMD_READ(2), CMD_WRITE(3), CMD_APLX(4), CMD_FILL(5),
    CMD_COUNT(15), CMD_REMAP(16), CMD_LINK_READ(17), CMD_LINK_WRITE(18), CMD_AR(19), CMD_NNP(20),
    CMD_APP_COPY_RUN(21), CMD_SIG(22), CMD_FFD(23), CMD_AS(24), CMD_LED(25), CMD_IPTAG(26),
    CMD_SROM(27), CMD_ALLOC(28), CMD_RTR(29), CMD_DPRI(30), CMD_INFO(31), CMD_SYNC(32),
    CMD_TUBE(64);

    private static final Map<Integer, ScpCommand> BY_CODE = new HashMap<>();

    static {
        for (ScpCommand c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    /** The 16-bit code on the wire. */
    public final int code;

    ScpCommand(int code) {
        this.code = code;
    }

    /** The command with this code, or empty for a code SCAMP does not know. */
    public static Optional<ScpCommand> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The command's name, or "command 0x…" for an unknown code. */
    public static String nameOf(int code) {
        return of(code).map(Enum::name).orElse(String.format("command 0x%04X", code));
    }
}
