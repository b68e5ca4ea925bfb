package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_ALLOC ({@code cmd_alloc()} in scamp-cmd.c): SDRAM and router-entry allocation on one chip.
 * arg1 = extra &lt;&lt; 16 | app_id &lt;&lt; 8 | op.
 *
 * <pre>
 * op 0 ALLOC_SDRAM   arg2 size, arg3 tag        → arg1 address (0 = failed)
 * op 1 FREE_SDRAM    arg2 address
 * op 2 FREE_SDRAM_ID                            → arg1 blocks freed
 * op 3 ALLOC_RTR     arg2 count                 → arg1 first entry (0 = failed)
 * op 4 FREE_RTR      arg2 entry, arg3 clear
 * op 5 FREE_RTR_ID   arg2 clear                 → arg1 entries freed
 * op 6 SDRAM_SPACE                              → arg1 free bytes, arg2 largest block
 * op 7 HEAP_TAG_PTR  arg2 tag                   → arg1 address
 * </pre>
 */
public final class AllocCommand {
    public static final int OP_ALLOC_SDRAM = 0;
    public static final int OP_FREE_SDRAM = 1;
    public static final int OP_FREE_SDRAM_ID = 2;
    public static final int OP_ALLOC_RTR = 3;
    public static final int OP_FREE_RTR = 4;
    public static final int OP_FREE_RTR_ID = 5;
    public static final int OP_SDRAM_SPACE = 6;
    public static final int OP_HEAP_TAG_PTR = 7;

    private AllocCommand() {}

    /** arg1 of every ALLOC request; any word decodes. */
    public record Arg1(int extra, int appId, int op) {
        public int encode() {
            return (extra & 0xFF) << 16 | (appId & 0xFF) << 8 | (op & 0xFF);
        }

        public static Arg1 decode(int word) {
            return new Arg1((word >>> 16) & 0xFF, (word >>> 8) & 0xFF, word & 0xFF);
        }
    }

    private record Request<R>(ChipLocation chip, int arg1, int arg2, int arg3,
            java.util.function.Function<ScpResponse, R> parser) implements ScpRequest<R> {
        @Override
        public CoreLocation target() {
            return new CoreLocation(chip, 0);
        }

        @Override
        public ScpCommand command() {
            return ScpCommand.CMD_ALLOC;
        }

        @Override
        public R parse(ScpResponse reply) {
            return parser.apply(reply);
        }
    }

    /** Allocates {@code sizeBytes} of SDRAM for an application; the reply is the address, 0 if none. */
    public static ScpRequest<Long> allocSdram(ChipLocation chip, int appId, long sizeBytes, int tag) {
        Checks.appId("ALLOC_SDRAM", appId);
        Checks.range("ALLOC_SDRAM", "size", sizeBytes, 1, 0xFFFF_FFFFL);
        Checks.range("ALLOC_SDRAM", "tag", tag, 0, 255);
        return new Request<>(chip, new Arg1(0, appId, OP_ALLOC_SDRAM).encode(), (int) sizeBytes, tag,
                r -> r.word("ALLOC_SDRAM", 0) & 0xFFFF_FFFFL);
    }

    public static ScpRequest<Void> freeSdram(ChipLocation chip, int appId, long address) {
        Checks.appId("FREE_SDRAM", appId);
        Checks.address("FREE_SDRAM", address);
        return new Request<>(chip, new Arg1(0, appId, OP_FREE_SDRAM).encode(), (int) address, 0, r -> null);
    }

    /** Frees every block of an application; the reply is the number of blocks freed. */
    public static ScpRequest<Integer> freeSdramById(ChipLocation chip, int appId) {
        Checks.appId("FREE_SDRAM_ID", appId);
        return new Request<>(chip, new Arg1(0, appId, OP_FREE_SDRAM_ID).encode(), 0, 0,
                r -> r.word("FREE_SDRAM_ID", 0));
    }

    /** Reserves {@code count} consecutive router entries; the reply is the first, 0 if none. */
    public static ScpRequest<Integer> allocRouter(ChipLocation chip, int appId, int count) {
        Checks.appId("ALLOC_RTR", appId);
        Checks.range("ALLOC_RTR", "count", count, 1, 1023);
        return new Request<>(chip, new Arg1(0, appId, OP_ALLOC_RTR).encode(), count, 0, r -> r.word("ALLOC_RTR", 0));
    }

    /** Frees (and clears) every router entry of an application; the reply is the count. */
    public static ScpRequest<Integer> freeRouterById(ChipLocation chip, int appId) {
        Checks.appId("FREE_RTR_ID", appId);
        return new Request<>(chip, new Arg1(0, appId, OP_FREE_RTR_ID).encode(), 1, 0, r -> r.word("FREE_RTR_ID", 0));
    }

    /** Free SDRAM: the reply is {free bytes, largest block}. */
    public static ScpRequest<long[]> sdramSpace(ChipLocation chip) {
        return new Request<>(chip, new Arg1(0, 0, OP_SDRAM_SPACE).encode(), 0, 0, r -> new long[] {
                r.word("SDRAM_SPACE", 0) & 0xFFFF_FFFFL, r.word("SDRAM_SPACE", 1) & 0xFFFF_FFFFL});
    }
}
