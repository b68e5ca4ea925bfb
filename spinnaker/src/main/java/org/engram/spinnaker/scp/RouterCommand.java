package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_RTR ({@code cmd_rtr()}): multicast router control. arg1 = count &lt;&lt; 16 | app_id &lt;&lt; 8 | op.
 *
 * <pre>
 * op 0 INIT   clears the whole table (entry 0, SCAMP's own, is kept)
 * op 1 CLEAR  arg2 first entry; count entries
 * op 2 LOAD   arg2 SDRAM address of count 16-byte entries, arg3 first entry (an ALLOC_RTR result)
 * op 3 FR     arg2 bit31 set: read the fixed route (reply arg1), else set it to arg2
 * </pre>
 *
 * A loaded entry is 16 bytes, little-endian: u16 index, u16 pad, u32 route, u32 key, u32 mask.
 * The route's bits 0–5 are links E … S, bits 6–23 virtual cores 0–17.
 */
public final class RouterCommand {
    public static final int OP_INIT = 0;
    public static final int OP_CLEAR = 1;
    public static final int OP_LOAD = 2;
    public static final int OP_FIXED_ROUTE = 3;
    /** Bytes per entry in a LOAD buffer and in SCAMP's copy of the table. */
    public static final int ENTRY_SIZE = 16;

    private RouterCommand() {}

    private record Request(ChipLocation chip, int arg1, int arg2, int arg3) implements ScpRequest<Void> {
        @Override
        public CoreLocation target() {
            return new CoreLocation(chip, 0);
        }

        @Override
        public ScpCommand command() {
            return ScpCommand.CMD_RTR;
        }

        @Override
        public Void parse(ScpResponse reply) {
            return null;
        }
    }

    public static ScpRequest<Void> init(ChipLocation chip) {
        return new Request(chip, OP_INIT, 0, 0);
    }

    /** Loads {@code count} entries from SDRAM into the table from entry {@code firstEntry}. */
    public static ScpRequest<Void> load(ChipLocation chip, int appId, long sdramAddress, int count,
            int firstEntry) {
        Checks.appId("RTR LOAD", appId);
        Checks.address("RTR LOAD", sdramAddress);
        Checks.range("RTR LOAD", "count", count, 1, 1023);
        Checks.range("RTR LOAD", "first entry", firstEntry, 1, 1024 - count);
        return new Request(chip, count << 16 | appId << 8 | OP_LOAD, (int) sdramAddress, firstEntry);
    }
}
