package org.engram.spinnaker.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.ApplicationImage;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.SendSignal;
import org.engram.spinnaker.scp.Signal;

/**
 * The state of one emulated chip: 128 MiB of lazily allocated SDRAM, 32 KiB of System RAM
 * holding the SV struct and one VCPU block per core, the multicast table and router, the SDRAM
 * heap, the flood-fill receiver and the cores.
 */
final class EmulatedChip {
    /** VCPU field offsets ({@code vcpu_t}). */
    static final int VCPU_RT_CODE = 44;
    static final int VCPU_PHYS_CPU = 45;
    static final int VCPU_CPU_STATE = 46;
    static final int VCPU_APP_ID = 47;
    static final int VCPU_APP_NAME = 72;
    static final int VCPU_APP_NAME_SIZE = 16;
    static final int VCPU_USER0 = 112;
    /** Where SCAMP's copy of the router table lives (sv->rtr_copy), in system SDRAM. */
    static final long RTR_COPY = 0x67F0_0000L;
    /** The SV struct inside System RAM. */
    static final int SV_OFFSET = (int) (MemoryRegion.SV_BASE - 0xF500_0000L);
    static final int VCPU_OFFSET = (int) (MemoryRegion.VCPU_BASE - MemoryRegion.SYSRAM.base());
    /** SCAMP's own router entry 0 (time synchronisation and signals). */
    static final int ENTRY0_KEY = 0xFFFF5554;
    static final int ENTRY0_MASK = 0xFFFFFFFE;
    /** Offsets in the router region ({@code 0xE1000000}). */
    static final long ROUTE_RAM = 0x4000;
    static final long KEY_RAM = 0x8000;
    static final long MASK_RAM = 0xC000;
    static final long P2P_RAM = 0x10000;

    final ChipLocation location;
    final int cores;
    final LazyMemory sdram = new LazyMemory(MemoryRegion.SDRAM.sizeBytes());
    final byte[] sysram = new byte[(int) MemoryRegion.SYSRAM.sizeBytes()];
    final SdramHeap heap = new SdramHeap(MemoryRegion.SDRAM.base(), MemoryRegion.SDRAM_SYS);
    final RouterTable table;
    final MulticastRouter router;
    final FloodFillReceiver floodFill = new FloodFillReceiver();
    private final Machine machine;
    private final EmulatedCore[] core;

    EmulatedChip(ChipLocation location, Machine machine, byte[] bootBlock, byte[] ip, MulticastNetwork network,
            BoardTimer timer, Consumer<String> log) {
        this.location = location;
        this.machine = machine;
        this.cores = machine.cores(location);
        System.arraycopy(bootBlock, 0, sysram, SV_OFFSET, SystemVariables.BOOT_SIZE);
        writeSv16(SystemVariables.P2P_ADDR, location.p2pAddress());
        sysram[SV_OFFSET + SystemVariables.P2P_DIMS] = (byte) machine.height();
        sysram[SV_OFFSET + SystemVariables.P2P_DIMS + 1] = (byte) machine.width();
        ChipLocation eth = machine.nearestEthernet(location);
        sysram[SV_OFFSET + 0x08] = (byte) eth.y();
        sysram[SV_OFFSET + 0x09] = (byte) eth.x();
        sysram[SV_OFFSET + 0x0B] = (byte) (eth.equals(location) ? 1 : 0);
        sysram[SV_OFFSET + SystemVariables.ROOT_CHIP] = (byte) (location.equals(ChipLocation.ZERO) ? 1 : 0);
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
        if (eth.equals(location)) {
            System.arraycopy(ip, 0, sysram, SV_OFFSET + SystemVariables.IP_ADDR, 4);
        }
        this.core = new EmulatedCore[cores];
        for (int p = 0; p < cores; p++) {
            sysram[vcpu(p) + VCPU_PHYS_CPU] = (byte) p;
            setState(p, p == 0 ? CpuState.RUNNING : CpuState.IDLE);
            setName(p, p == 0 ? "scamp-3" : "sark");
            core[p] = new EmulatedCore(this, p, network, timer, log);
        }
        table = new RouterTable(sdram, RTR_COPY - MemoryRegion.SDRAM.base(), sysram,
                SV_OFFSET + SystemVariables.RTR_FREE);
        table.set(0, ENTRY0_KEY, ENTRY0_MASK, signalTreeRoute(), 0);
        router = new MulticastRouter(table);
    }

    /**
     * Entry 0's route, as SCAMP sets it after network initialisation: the monitor and the links
     * to the chips whose P2P route to the root comes through this one.
     */
    private int signalTreeRoute() {
        int route = 1 << MulticastRouter.CORE_SHIFT;
        for (Direction d : Direction.values()) {
            Optional<ChipLocation> n = machine.neighbour(location, d);
            if (n.isPresent() && machine.p2pRoute(n.get(), ChipLocation.ZERO) == d.opposite().id()) {
                route |= 1 << d.id();
            }
        }
        return route;
    }

    private void writeSv16(int off, int v) {
        SystemVariables.putU16(sysram, SV_OFFSET + off, v);
    }

    private void writeSv32(int off, int v) {
        SystemVariables.putU32(sysram, SV_OFFSET + off, v);
    }

    // ------------------------------------------------------------------ memory map

    /** Reads SDRAM, System RAM or the router region; false if the range is in none of them. */
    boolean read(long address, byte[] out) {
        var where = MemoryRegion.locate(address, out.length);
        if (where.isEmpty()) {
            return false;
        }
        long off = where.get().offset();
        switch (where.get().region()) {
            case SDRAM -> sdram.read(off, out, 0, out.length);
            case SYSRAM -> System.arraycopy(sysram, (int) off, out, 0, out.length);
            case ROUTER -> {
                for (int i = 0; i < out.length; i++) {
                    long a = off + i;
                    out[i] = (byte) (routerWord(a & ~3L) >>> (8 * (a & 3)));
                }
            }
        }
        return true;
    }

    /** Writes SDRAM or System RAM; false for any other range (the router is programmed with CMD_RTR). */
    boolean write(long address, byte[] data, int length) {
        var where = MemoryRegion.locate(address, length);
        if (where.isEmpty()) {
            return false;
        }
        long off = where.get().offset();
        switch (where.get().region()) {
            case SDRAM -> sdram.write(off, data, 0, length);
            case SYSRAM -> System.arraycopy(data, 0, sysram, (int) off, length);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Fills with a word from a word-aligned address; false outside SDRAM and System RAM. */
    boolean fill(long address, int word, long bytes) {
        var where = MemoryRegion.locate(address, bytes);
        if (where.isEmpty()) {
            return false;
        }
        switch (where.get().region()) {
            case SDRAM -> sdram.fill(where.get().offset(), word, bytes);
            case SYSRAM -> {
                for (long i = 0; i < bytes; i += 4) {
                    SystemVariables.putU32(sysram, (int) (where.get().offset() + i), word);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A word of the router region: the MC route, key and mask RAMs and the P2P table. */
    private int routerWord(long offset) {
        if (offset >= P2P_RAM) {
            long t = offset - P2P_RAM;
            int x = (int) (t / 128);
            int k = (int) (t % 128 / 4);
            int word = 0;
            for (int j = 0; j < 8; j++) {
                int y = 8 * k + j;
                int code = y < 256 && x < 256
                        ? machine.p2pRoute(location, new ChipLocation(x, y)) : Machine.ROUTE_NONE;
                word |= code << (3 * j);
            }
            return word;
        }
        int entry = (int) ((offset & 0x3FFF) / 4);
        if (offset < ROUTE_RAM || entry >= RouterTable.ENTRIES) {
            return 0; // control registers: not emulated, read as zero
        }
        if (offset < KEY_RAM) {
            return table.ramRoute(entry);
        }
        return offset < MASK_RAM ? table.ramKey(entry) : table.ramMask(entry);
    }

    // ------------------------------------------------------------------ cores

    private static int vcpu(int p) {
        return VCPU_OFFSET + p * MemoryRegion.VCPU_SIZE;
    }

    int state(int p) {
        return sysram[vcpu(p) + VCPU_CPU_STATE] & 0xFF;
    }

    void setState(int p, CpuState s) {
        sysram[vcpu(p) + VCPU_CPU_STATE] = (byte) s.code;
    }

    int appId(int p) {
        return sysram[vcpu(p) + VCPU_APP_ID] & 0xFF;
    }

    void setAppId(int p, int appId) {
        sysram[vcpu(p) + VCPU_APP_ID] = (byte) appId;
    }

    void setRunTimeError(int p, int code) {
        sysram[vcpu(p) + VCPU_RT_CODE] = (byte) code;
    }

    void setName(int p, String name) {
        int o = vcpu(p) + VCPU_APP_NAME;
        Arrays.fill(sysram, o, o + VCPU_APP_NAME_SIZE, (byte) 0);
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, sysram, o, Math.min(VCPU_APP_NAME_SIZE - 1, b.length));
    }

    long user(int p, int register) {
        return SystemVariables.getU32(sysram, vcpu(p) + VCPU_USER0 + 4 * register) & 0xFFFF_FFFFL;
    }

    void setUser(int p, int register, long value) {
        SystemVariables.putU32(sysram, vcpu(p) + VCPU_USER0 + 4 * register, (int) value);
    }

    /**
     * {@code proc_start_app}: starts the image at {@code imageAddress} on the selected cores this
     * chip has, with the Java application registered under the image's identifier, if any.
     */
    void startApplication(long imageAddress, IdOpMask cores, Map<String, CoreApplication.Factory> applications) {
        byte[] first = new byte[ApplicationImage.APLX_ENTRY_SIZE];
        long offset = read(imageAddress, first) ? ApplicationImage.headerOffset(first) : -1;
        byte[] header = new byte[ApplicationImage.HEADER_SIZE];
        Optional<String> id = offset >= 0 && read(imageAddress + offset, header) ? ApplicationImage.identifierOf(header)
                : Optional.empty();
        CoreApplication.Factory factory = id.map(applications::get).orElse(null);
        String name = factory != null ? id.get() : String.format("aplx@%08x", imageAddress);
        for (int p = 1; p < this.cores; p++) {
            if ((cores.coreMask() & 1 << p) != 0) {
                CoreApplication app = factory == null ? null : factory.create(new CoreLocation(location, p));
                core[p].start(cores.appId(), cores.waitForStart(), app, imageAddress, name);
            }
        }
    }

    /**
     * {@code signal_app}: the signal to the cores whose app id it selects (never to cores without
     * one); STOP also frees the application's SDRAM and router entries, as {@code clean_app_id}
     * does. Returns the number of cores signalled.
     */
    int signal(Signal signal, SendSignal.Data data) {
        int n = 0;
        for (int p = 1; p < cores; p++) {
            if (appId(p) != 0 && data.selects(appId(p))) {
                core[p].signal(signal);
                n++;
            }
        }
        if (signal == Signal.STOP) {
            heap.freeAll(data.appId());
            table.freeById(data.appId(), true);
        }
        return n;
    }

    /** A multicast packet for core {@code p}; false if no application there takes it. */
    boolean deliver(int p, MulticastPacket packet) {
        return p > 0 && p < cores && core[p].deliver(packet);
    }
}
