package org.engram.spinnaker.emulator;

import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.RouterEntry;

/**
 * One chip's multicast table as SCAMP keeps it ({@code rtr_mc_*} in sark_hw.c, {@code rtr_alloc_id},
 * {@code rtr_free}, {@code rtr_free_id} and {@code rtr_alloc_max} in sark_alloc.c): the router's
 * key, mask and route RAMs, and SCAMP's copy of the table in SDRAM ({@link RouterEntry}, 1025
 * entries at {@code sv->rtr_copy}) whose {@code next} and {@code free} fields also hold the
 * entry allocator, a first-fit list of blocks.
 *
 * <p>Block heads are linked by {@code next} from entry 1 to entry 1024; a free head's {@code
 * free} links the next free head (0 ends the list, whose start is {@code sv->rtr_free}); an
 * allocated head's {@code free} is 0x8000 | app id. Setting an entry writes 0x8000 | app id
 * into its {@code free} too (SCAMP sets entries from core 0). The emulator refuses to set an
 * entry outside an allocated block (SCAMP would overwrite a free-list link) and to free an entry
 * that is not the head of an allocated block (SCAMP would link it into the list anyway).
 */
final class RouterTable {
    static final int ENTRIES = MemoryRegion.MC_TABLE_SIZE;
    /** The first allocatable entry; entry 0 is SCAMP's own. */
    static final int FIRST = 1;
    /** The extra copy entry that ends the allocator's list. */
    static final int LAST = ENTRIES;
    /** Allocated heads are compared on app id and the in-use bit only ({@code FREE_MASK}). */
    private static final int FREE_MASK = 0xE0FF;

    private final int[] key = new int[ENTRIES];
    private final int[] mask = new int[ENTRIES];
    /** Route as the copy holds it (virtual cores, or 0xFF000000 when cleared). */
    private final int[] route = new int[ENTRIES + 1];
    private final int[] next = new int[ENTRIES + 1];
    private final int[] free = new int[ENTRIES + 1];
    private final LazyMemory sdram;
    private final long copyOffset;
    private final byte[] sysram;
    private final int rtrFreeOffset;
    private int freeHead;
    /** The fixed-route register ({@code sv->fr_copy}). */
    int fixedRoute;

    /**
     * @param copyOffset where the copy starts in {@code sdram}
     * @param rtrFreeOffset where {@code sv->rtr_free} lies in {@code sysram}
     */
    RouterTable(LazyMemory sdram, long copyOffset, byte[] sysram, int rtrFreeOffset) {
        this.sdram = sdram;
        this.copyOffset = copyOffset;
        this.sysram = sysram;
        this.rtrFreeOffset = rtrFreeOffset;
        init(0);
    }

    /** {@code rtr_mc_init(start)}: clears entries from {@code start} and frees every block. */
    void init(int start) {
        clear(start, ENTRIES - start);
        setFreeHead(FIRST);
        next[FIRST] = LAST;
        free[FIRST] = 0;
        next[LAST] = 0;
        free[LAST] = 0;
        route[LAST] = RouterEntry.CLEARED_ROUTE;
        writeCopy(FIRST);
        writeCopy(LAST);
    }

    /** {@code rtr_mc_clear}; false if the range goes past the table. */
    boolean clear(int start, int count) {
        if (start < 0 || count < 0 || start + count > ENTRIES) {
            return false;
        }
        for (int i = start; i < start + count; i++) {
            key[i] = 0xFFFF_FFFF;
            mask[i] = 0;
            route[i] = RouterEntry.CLEARED_ROUTE;
            writeCopy(i);
        }
        return true;
    }

    /**
     * {@code rtr_mc_set}: the route's bits 31:24 are the app id unless {@code appId} is given;
     * the copy keeps the route's low 24 bits and the app id in {@code free}.
     */
    void set(int entry, int key, int mask, int route, int appId) {
        this.key[entry] = key;
        this.mask[entry] = mask;
        this.route[entry] = route & RouterEntry.ROUTE_BITS;
        this.free[entry] = RouterEntry.FREE_IN_USE | (appId & 0xFF);
        writeCopy(entry);
    }

    /** The entry of the copy, as a host reads it. */
    RouterEntry copyEntry(int i) {
        return new RouterEntry(next[i], free[i], route[i], i < ENTRIES ? key[i] : 0, i < ENTRIES ? mask[i] : 0);
    }

    /** {@code rtr_alloc_id}: the first entry of a new block of {@code size}, or 0 if none fits. */
    int allocate(int size, int appId) {
        if (size <= 0) {
            return 0;
        }
        int prev = 0;
        for (int head = freeHead; head != 0; prev = head, head = free[head]) {
            int end = next[head];
            if (head + size > end) {
                continue;
            }
            int after = free[head];
            if (head + size < end) { // split: the rest becomes a free block after this one
                int rest = head + size;
                next[rest] = end;
                free[rest] = after;
                next[head] = rest;
                after = rest;
                writeCopy(rest);
            }
            if (prev != 0) {
                free[prev] = after;
                writeCopy(prev);
            } else {
                setFreeHead(after);
            }
            free[head] = RouterEntry.FREE_IN_USE | (appId & 0xFF);
            writeCopy(head);
            return head;
        }
        return 0;
    }

    /**
     * {@code rtr_free}: frees the block whose head is {@code entry}, clearing its entries if
     * asked, and merges it with free neighbours; false (nothing done) if {@code entry} is not
     * the head of an allocated block.
     */
    boolean free(int entry, boolean clearEntries) {
        if (!isAllocatedHead(entry)) {
            return false;
        }
        if (clearEntries) {
            clear(entry, next[entry] - entry);
        }
        int prev = 0;
        int after = freeHead;
        while (after != 0 && after < entry) {
            prev = after;
            after = free[after];
        }
        free[entry] = after;
        if (prev != 0) {
            free[prev] = entry;
        } else {
            setFreeHead(entry);
        }
        if (after != 0 && next[entry] == after) {
            next[entry] = next[after];
            free[entry] = free[after];
        }
        if (prev != 0 && next[prev] == entry) {
            next[prev] = next[entry];
            free[prev] = free[entry];
        }
        writeCopy(entry);
        if (prev != 0) {
            writeCopy(prev);
        }
        return true;
    }

    /** {@code rtr_free_id}: frees every block of an application; returns the number of blocks. */
    int freeById(int appId, boolean clearEntries) {
        int blocks = 0;
        int head = FIRST;
        while (next[head] != 0) {
            if ((free[head] & FREE_MASK) == (RouterEntry.FREE_IN_USE | appId)) {
                free(head, clearEntries);
                blocks++;
            }
            head = next[head];
        }
        return blocks;
    }

    /** {@code rtr_alloc_max}: entries in the largest free block. */
    int largestFreeBlock() {
        int max = 0;
        for (int head = freeHead; head != 0; head = free[head]) {
            if (next[head] != 0) {
                max = Math.max(max, next[head] - head);
            }
        }
        return max;
    }

    /** Whether every entry of [first, first + count) lies in an allocated block. */
    boolean allocated(int first, int count) {
        int end = first + count;
        if (first < FIRST || count < 1 || end > ENTRIES) {
            return false;
        }
        for (int head = FIRST; next[head] != 0 && head < end; head = next[head]) {
            if (next[head] > first && !isAllocated(head)) {
                return false;
            }
        }
        return true;
    }

    private boolean isAllocatedHead(int entry) {
        for (int head = FIRST; next[head] != 0; head = next[head]) {
            if (head == entry) {
                return isAllocated(head);
            }
        }
        return false;
    }

    /** A head is allocated when {@code free} has the in-use bit (a free-list link is below 0x8000). */
    private boolean isAllocated(int head) {
        return (free[head] & RouterEntry.FREE_IN_USE) != 0;
    }

    /** The lowest entry whose key and mask match, or -1 (a cleared entry matches nothing). */
    int match(int packetKey) {
        for (int i = 0; i < ENTRIES; i++) {
            if ((packetKey & mask[i]) == key[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The route RAM's word for an entry: 24 bits, 0 when cleared. */
    int ramRoute(int i) {
        return route[i] & RouterEntry.ROUTE_BITS;
    }

    int ramKey(int i) {
        return key[i];
    }

    int ramMask(int i) {
        return mask[i];
    }

    private void setFreeHead(int head) {
        freeHead = head;
        SystemVariables.putU16(sysram, rtrFreeOffset, head);
    }

    private void writeCopy(int i) {
        sdram.write(copyOffset + (long) i * RouterEntry.SIZE, copyEntry(i).encode(), 0, RouterEntry.SIZE);
    }
}
