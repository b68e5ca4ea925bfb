package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;

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
 * A LOAD buffer holds {@link RouterEntry} records: entry {@code next + arg3} is set to key, mask
 * and route, with the app id of arg1 (or, if that is 0, the one in the route's bits 31:24).
 */
public final class RouterCommand {
    public static final int OP_INIT = 0;
    public static final int OP_CLEAR = 1;
    public static final int OP_LOAD = 2;
    public static final int OP_FIXED_ROUTE = 3;
    private RouterCommand() {}

    /** arg1 of every RTR request; any word decodes. */
    public record Arg1(int count, int appId, int op) {
        public int encode() {
            return (count & 0xFFFF) << 16 | (appId & 0xFF) << 8 | (op & 0xFF);
        }

        public static Arg1 decode(int word) {
            return new Arg1(word >>> 16, (word >>> 8) & 0xFF, word & 0xFF);
        }
    }

    private record Request(ChipLocation chip, int arg1, int arg2, int arg3) implements MonitorCommand {
        @Override
        public ScpCommand command() {
            return ScpCommand.CMD_RTR;
        }
    }

    public static ScpRequest<Void> init(ChipLocation chip) {
        return new Request(chip, new Arg1(0, 0, OP_INIT).encode(), 0, 0);
    }

    /** Loads {@code count} entries from SDRAM into the table from entry {@code firstEntry}. */
    public static ScpRequest<Void> load(ChipLocation chip, int appId, long sdramAddress, int count,
            int firstEntry) {
        Checks.appId("RTR LOAD", appId);
        Checks.address("RTR LOAD", sdramAddress);
        Checks.range("RTR LOAD", "count", count, 1, 1023);
        Checks.range("RTR LOAD", "first entry", firstEntry, 1, 1024 - count);
        return new Request(chip, new Arg1(count, appId, OP_LOAD).encode(), (int) sdramAddress, firstEntry);
    }
}
