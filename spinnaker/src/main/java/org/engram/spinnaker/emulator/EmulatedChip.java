package org.engram.spinnaker.emulator;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.CpuState;

/**
 * The state of one emulated chip: 128 MiB of lazily allocated SDRAM, 32 KiB of System RAM
 * holding the SV struct and one VCPU block per core, a 1024-entry multicast router whose entry 0
 * is SCAMP's own, and the SDRAM and router allocators.
 */
final class EmulatedChip {
    /** VCPU field offsets ({@code vcpu_t}). */
    static final int VCPU_RT_CODE = 44;
    static final int VCPU_PHYS_CPU = 45;
    static final int VCPU_CPU_STATE = 46;
    static final int VCPU_APP_ID = 47;
    static final int VCPU_APP_NAME = 72;
    static final int VCPU_IOBUF = 88;
    static final int VCPU_USER0 = 112;
    /** Where SCAMP's copy of the router table lives (sv->rtr_copy), in system SDRAM. */
    static final long RTR_COPY = 0x67F0_0000L;
    /** The SV struct inside System RAM. */
    static final int SV_OFFSET = (int) (MemoryRegion.SV_BASE - 0xF500_0000L);
    static final int VCPU_OFFSET = (int) (MemoryRegion.VCPU_BASE - MemoryRegion.SYSRAM.base());
    /** SCAMP's own router entry (time-sync and signals). */
    static final int ENTRY0_KEY = 0xFFFF5554;
    static final int ENTRY0_MASK = 0xFFFFFFFE;
    /** Route word of an unused entry in the copy: app id 0xFF, no route. */
    static final int UNUSED_ROUTE = 0xFF000000;

    final ChipLocation location;
    final int cores;
    final LazyMemory sdram = new LazyMemory(MemoryRegion.SDRAM.sizeBytes());
    final byte[] sysram = new byte[(int) MemoryRegion.SYSRAM.sizeBytes()];
    final SdramHeap heap = new SdramHeap(MemoryRegion.SDRAM.base(), MemoryRegion.SDRAM_SYS);
    /** Multicast router: keys, masks and route words (app id in bits 31:24, as in the copy). */
    final int[] rtrKey = new int[MemoryRegion.MC_TABLE_SIZE];
    final int[] rtrMask = new int[MemoryRegion.MC_TABLE_SIZE];
    final int[] rtrRoute = new int[MemoryRegion.MC_TABLE_SIZE];
    final boolean[] rtrValid = new boolean[MemoryRegion.MC_TABLE_SIZE];
    /** Allocated router blocks: first entry → {count, app id}. */
    final TreeMap<Integer, int[]> rtrBlocks = new TreeMap<>();
    int fixedRoute;

    EmulatedChip(ChipLocation location, Machine machine, byte[] bootBlock, boolean root, byte[] ip) {
        this.location = location;
        this.cores = machine.cores(location);
        System.arraycopy(bootBlock, 0, sysram, SV_OFFSET, SystemVariables.BOOT_SIZE);
        writeSv16(SystemVariables.P2P_ADDR, location.p2pAddress());
        sysram[SV_OFFSET + SystemVariables.P2P_DIMS] = (byte) machine.height();
        sysram[SV_OFFSET + SystemVariables.P2P_DIMS + 1] = (byte) machine.width();
        ChipLocation eth = machine.nearestEthernet(location);
        sysram[SV_OFFSET + 0x08] = (byte) eth.y();
        sysram[SV_OFFSET + 0x09] = (byte) eth.x();
        sysram[SV_OFFSET + 0x0B] = (byte) (eth.equals(location) ? 1 : 0);
        sysram[SV_OFFSET + SystemVariables.ROOT_CHIP] = (byte) (root ? 1 : 0);
        sysram[SV_OFFSET + SystemVariables.LINK_EN] = (byte) machine.linkMask(location);
        sysram[SV_OFFSET + 0xBC] = (byte) cores;
        sysram[SV_OFFSET + 0xBD] = (byte) cores;
        for (int p = 0; p < 20; p++) {
            sysram[SV_OFFSET + 0x94 + p] = (byte) (p < cores ? p : 0xFF); // phys → virt
            sysram[SV_OFFSET + 0xA8 + p] = (byte) (p < cores ? p : 0xFF); // virt → phys
        }
        writeSv32(SystemVariables.SDRAM_BASE, (int) MemoryRegion.SDRAM.base());
        writeSv32(SystemVariables.SYSRAM_BASE, (int) MemoryRegion.SYSRAM.base());
        writeSv32(SystemVariables.SDRAM_SYS, (int) MemoryRegion.SDRAM_SYS);
        writeSv32(SystemVariables.VCPU_BASE, (int) MemoryRegion.VCPU_BASE);
        writeSv32(SystemVariables.RTR_COPY, (int) RTR_COPY);
        writeSv16(SystemVariables.RTR_FREE, 1);
        if (eth.equals(location)) {
            System.arraycopy(ip, 0, sysram, SV_OFFSET + SystemVariables.IP_ADDR, 4);
        }
        for (int p = 0; p < cores; p++) {
            int v = VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE;
            sysram[v + VCPU_PHYS_CPU] = (byte) p;
            setState(p, p == 0 ? CpuState.RUNNING : CpuState.IDLE);
            setName(p, p == 0 ? "scamp-3" : "sark");
        }
        for (int i = 0; i < MemoryRegion.MC_TABLE_SIZE; i++) {
            clearEntry(i);
        }
        setEntry(0, ENTRY0_KEY, ENTRY0_MASK, 0x3F | 1 << 6); // all links and the monitor
    }

    private void writeSv16(int off, int v) {
        SystemVariables.putU16(sysram, SV_OFFSET + off, v);
    }

    private void writeSv32(int off, int v) {
        SystemVariables.putU32(sysram, SV_OFFSET + off, v);
    }

    int state(int p) {
        return sysram[VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE + VCPU_CPU_STATE] & 0xFF;
    }

    void setState(int p, CpuState s) {
        sysram[VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE + VCPU_CPU_STATE] = (byte) s.code;
    }

    int appId(int p) {
        return sysram[VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE + VCPU_APP_ID] & 0xFF;
    }

    void setAppId(int p, int appId) {
        sysram[VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE + VCPU_APP_ID] = (byte) appId;
    }

    void setName(int p, String name) {
        int o = VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE + VCPU_APP_NAME;
        java.util.Arrays.fill(sysram, o, o + 16, (byte) 0);
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, sysram, o, Math.min(15, b.length));
    }

    /** Sets router entry i (route word carries the app id in bits 31:24) and its SDRAM copy. */
    void setEntry(int i, int key, int mask, int route) {
        rtrKey[i] = key;
        rtrMask[i] = mask;
        rtrRoute[i] = route;
        rtrValid[i] = true;
        writeCopy(i);
    }

    void clearEntry(int i) {
        rtrKey[i] = 0xFFFFFFFF;
        rtrMask[i] = 0;
        rtrRoute[i] = UNUSED_ROUTE;
        rtrValid[i] = false;
        writeCopy(i);
    }

    private void writeCopy(int i) {
        byte[] e = new byte[16];
        SystemVariables.putU32(e, 4, rtrRoute[i]);
        SystemVariables.putU32(e, 8, rtrKey[i]);
        SystemVariables.putU32(e, 12, rtrMask[i]);
        sdram.write(RTR_COPY - MemoryRegion.SDRAM.base() + 16L * i, e, 0, 16);
    }

    /** First entry of {@code count} consecutive free router entries (from 1), or 0. */
    int allocateRouter(int count, int appId) {
        int run = 0;
        for (int i = 1; i < MemoryRegion.MC_TABLE_SIZE; i++) {
            run = isAllocated(i) ? 0 : run + 1;
            if (run == count) {
                int first = i - count + 1;
                rtrBlocks.put(first, new int[] {count, appId});
                return first;
            }
        }
        return 0;
    }

    boolean isAllocated(int entry) {
        var b = rtrBlocks.floorEntry(entry);
        return b != null && entry < b.getKey() + b.getValue()[0];
    }

    /** Whether [first, first+count) lies in one block owned by app id. */
    boolean ownsRange(int first, int count, int appId) {
        var b = rtrBlocks.floorEntry(first);
        return b != null && b.getValue()[1] == appId && first + count <= b.getKey() + b.getValue()[0];
    }

    int freeRouterById(int appId, boolean clear) {
        int freed = 0;
        var it = rtrBlocks.entrySet().iterator();
        while (it.hasNext()) {
            var b = it.next();
            if (b.getValue()[1] == appId) {
                for (int i = 0; i < b.getValue()[0]; i++) {
                    if (clear) {
                        clearEntry(b.getKey() + i);
                    }
                    freed++;
                }
                it.remove();
            }
        }
        return freed;
    }

    int largestFreeRouterBlock() {
        int best = 0;
        int run = 0;
        for (int i = 1; i < MemoryRegion.MC_TABLE_SIZE; i++) {
            run = isAllocated(i) ? 0 : run + 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Route word of the router's route RAM (app id removed), key and mask of entry i. */
    int routerRamWord(int table, int i) {
        return switch (table) {
            case 0 -> rtrValid[i] ? rtrRoute[i] & 0xFFFFFF : 0;
            case 1 -> rtrKey[i];
            default -> rtrMask[i];
        };
    }
}
