package org.engram.spinnaker.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-fit allocator for a chip's user SDRAM, as {@code sark_xalloc} is seen from the host:
 * blocks are 8-byte aligned, belong to an app id and may carry a tag unique per app id.
 */
final class SdramHeap {
    record Block(long address, long sizeBytes, int appId, int tag) {}

    private static final long ALIGN = 8;
    private final long base;
    private final long end;
    /** Free ranges: start → length. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    private final TreeMap<Long, Block> used = new TreeMap<>();

    SdramHeap(long base, long end) {
        this.base = base;
        this.end = end;
        free.put(base, end - base);
    }

    /** Address of the new block, or 0 when no free range is large enough or the tag is taken. */
    long allocate(long sizeBytes, int appId, int tag) {
        if (sizeBytes <= 0 || sizeBytes > end - base) {
            return 0;
        }
        if (tag != 0) {
            for (Block b : used.values()) {
                if (b.appId == appId && b.tag == tag) {
                    return 0;
                }
            }
        }
        long size = (sizeBytes + ALIGN - 1) / ALIGN * ALIGN;
        for (Map.Entry<Long, Long> f : free.entrySet()) {
            if (f.getValue() >= size) {
                long a = f.getKey();
                long rest = f.getValue() - size;
                free.remove(a);
                if (rest > 0) {
                    free.put(a + size, rest);
                }
                used.put(a, new Block(a, size, appId, tag));
                return a;
            }
        }
        return 0;
    }

    /** Frees the block starting at {@code address}; false if there is none. */
    boolean free(long address) {
        Block b = used.remove(address);
        if (b == null) {
            return false;
        }
        release(b);
        return true;
    }

    /** Frees every block of an app; returns how many. */
    int freeAll(int appId) {
        List<Block> mine = new ArrayList<>();
        for (Iterator<Block> it = used.values().iterator(); it.hasNext();) {
            Block b = it.next();
            if (b.appId == appId) {
                mine.add(b);
                it.remove();
            }
        }
        mine.forEach(this::release);
        return mine.size();
    }

    long tagAddress(int appId, int tag) {
        for (Block b : used.values()) {
            if (b.appId == appId && b.tag == tag) {
                return b.address;
            }
        }
        return 0;
    }

    /** The bytes from {@code address} to the end of the used block holding it; 0 if none holds it. */
    long bytesToBlockEnd(long address) {
        Map.Entry<Long, Block> b = used.floorEntry(address);
        if (b == null || address >= b.getKey() + b.getValue().sizeBytes) {
            return 0;
        }
        return b.getKey() + b.getValue().sizeBytes - address;
    }

    long freeBytes() {
        return free.values().stream().mapToLong(Long::longValue).sum();
    }

    long largestFree() {
        return free.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private void release(Block b) {
        long a = b.address;
        long len = b.sizeBytes;
        Map.Entry<Long, Long> before = free.floorEntry(a);
        if (before != null && before.getKey() + before.getValue() == a) {
            a = before.getKey();
            len += before.getValue();
            free.remove(before.getKey());
        }
        Long after = free.get(a + len);
        if (after != null) {
            free.remove(a + len);
            len += after;
        }
        free.put(a, len);
    }
}
