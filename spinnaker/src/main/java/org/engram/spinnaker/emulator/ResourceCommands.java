package org.engram.spinnaker.emulator;

import org.engram.spinnaker.scp.AllocCommand;
import org.engram.spinnaker.scp.RouterCommand;
import org.engram.spinnaker.scp.RouterEntry;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;

/**
 * A chip's allocatable resources: CMD_ALLOC ({@code cmd_alloc}: the SDRAM heap and router-entry
 * blocks) and CMD_RTR ({@code cmd_rtr}: the multicast table and the fixed route).
 */
final class ResourceCommands {
    private ResourceCommands() {}

    /** CMD_ALLOC: arg1 {@link AllocCommand.Arg1}. */
    static Reply alloc(EmulatedChip chip, ScpMessage m) {
        AllocCommand.Arg1 a = AllocCommand.Arg1.decode(m.arg1());
        int appId = a.appId();
        switch (a.op()) {
            case AllocCommand.OP_ALLOC_SDRAM -> {
                return Reply.words((int) chip.heap.allocate(m.arg2() & 0xFFFF_FFFFL, appId, m.arg3() & 0xFF));
            }
            case AllocCommand.OP_FREE_SDRAM -> {
                return chip.heap.free(m.arg2() & 0xFFFF_FFFFL) ? Reply.OK : Reply.of(ScpResult.RC_ARG);
            }
            case AllocCommand.OP_FREE_SDRAM_ID -> {
                return Reply.words(chip.heap.freeAll(appId));
            }
            case AllocCommand.OP_ALLOC_RTR -> {
                if (m.arg2() < 1 || m.arg2() >= RouterTable.ENTRIES) {
                    return Reply.of(ScpResult.RC_ARG);
                }
                return Reply.words(chip.table.allocate(m.arg2(), appId));
            }
            case AllocCommand.OP_FREE_RTR -> {
                return chip.table.free(m.arg2(), m.arg3() != 0) ? Reply.OK : Reply.of(ScpResult.RC_ARG);
            }
            case AllocCommand.OP_FREE_RTR_ID -> {
                return Reply.words(chip.table.freeById(appId, m.arg2() != 0));
            }
            case AllocCommand.OP_SDRAM_SPACE -> {
                return Reply.words((int) chip.heap.freeBytes(), (int) chip.heap.largestFree());
            }
            case AllocCommand.OP_HEAP_TAG_PTR -> {
                return Reply.words((int) chip.heap.tagAddress(appId, m.arg2() & 0xFF));
            }
            default -> {
                return Reply.of(ScpResult.RC_ARG);
            }
        }
    }

    /** CMD_RTR: arg1 {@link RouterCommand.Arg1}. */
    static Reply router(EmulatedChip chip, ScpMessage m) {
        RouterCommand.Arg1 a = RouterCommand.Arg1.decode(m.arg1());
        switch (a.op()) {
            case RouterCommand.OP_INIT -> {
                chip.table.init(RouterTable.FIRST);
                return Reply.OK;
            }
            case RouterCommand.OP_CLEAR -> {
                if (m.arg2() < RouterTable.FIRST || a.count() < 1 || m.arg2() + a.count() > RouterTable.ENTRIES) {
                    return Reply.of(ScpResult.RC_ARG);
                }
                chip.table.clear(m.arg2(), a.count());
                return Reply.OK;
            }
            case RouterCommand.OP_LOAD -> {
                return load(chip, m.arg2() & 0xFFFF_FFFFL, a.count(), m.arg3(), a.appId());
            }
            case RouterCommand.OP_FIXED_ROUTE -> {
                if (m.arg2() < 0) {
                    return Reply.words(chip.table.fixedRoute);
                }
                chip.table.fixedRoute = m.arg2() & RouterEntry.ROUTE_BITS;
                return Reply.OK;
            }
            default -> {
                return Reply.of(ScpResult.RC_ARG);
            }
        }
    }

    /**
     * {@code rtr_mc_load}: entry {@code next + offset} of the table gets each buffer entry's key,
     * mask and route, owned by {@code appId} (or the app id in the route's bits 31:24 when it is
     * 0). A count of 0 takes the first entry's {@code free} (0: nothing to load). Every entry must be < 1024 and, in
     * the emulator, inside an allocated block; otherwise nothing is set (RC_ARG).
     */
    private static Reply load(EmulatedChip chip, long address, int count, int offset, int appId) {
        byte[] first = new byte[RouterEntry.SIZE];
        if (count == 0) {
            if (!chip.read(address, first)) {
                return Reply.of(ScpResult.RC_ARG);
            }
            count = RouterEntry.decode(first, 0).free();
        }
        if (count == 0) {
            return Reply.OK;
        }
        byte[] buffer = new byte[count * RouterEntry.SIZE];
        if (count > RouterTable.ENTRIES || !chip.read(address, buffer)) {
            return Reply.of(ScpResult.RC_ARG);
        }
        RouterEntry[] entries = new RouterEntry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = RouterEntry.decode(buffer, i * RouterEntry.SIZE);
            long entry = (long) entries[i].next() + offset;
            if (entry < 0 || entry >= RouterTable.ENTRIES || !chip.table.allocated((int) entry, 1)) {
                return Reply.of(ScpResult.RC_ARG);
            }
        }
        for (RouterEntry e : entries) {
            int route = (appId << 24) + e.route();
            chip.table.set(e.next() + offset, e.key(), e.mask(), route, route >>> 24);
        }
        return Reply.OK;
    }
}
