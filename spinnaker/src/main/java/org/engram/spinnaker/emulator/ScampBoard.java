package org.engram.spinnaker.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.engram.spinnaker.boot.BootImage;
import org.engram.spinnaker.boot.BootOpCode;
import org.engram.spinnaker.boot.BootPacket;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.AllocCommand;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.IpTagCommand;
import org.engram.spinnaker.scp.RouterCommand;
import org.engram.spinnaker.scp.ScpCommand;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResponse;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.scp.SendSignal;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.sdp.MalformedPacketException;
import org.engram.spinnaker.sdp.SdpHeader;

/**
 * SCAMP's behaviour as a host sees it, for every chip of an emulated machine: SCP dispatch with
 * SCAMP's return codes, P2P addressing, the IP tag table with its pool of 8 transient tags, and
 * the boot protocol. Single-threaded; nothing here throws for any input datagram.
 */
final class ScampBoard {
    /** Where a reply goes: its bytes, its destination, and the transient tag it holds (or -1). */
    interface ReplySink {
        void send(byte[] datagram, InetSocketAddress to, int transientTag);
    }

    static final String SCAMP_ID = "SC&MP/SpiNNaker";
    static final String SARK_ID = "SARK/SpiNNaker";
    static final String VERSION = "4.0.0";
    /** Build date reported by CMD_VER (2019-07-24, a SCAMP 4.0.0 era date). */
    static final int BUILD_DATE = 1_563_926_400;
    static final int HW_VERSION = 5;
    static final byte[] LOOPBACK_IP = {127, 0, 0, 1};
    private static final int VER_ARG2 = 0xFFFF << 16 | ScpMessage.MAX_DATA;

    private final Machine machine;
    private final LongSupplier clockNanos;
    private final long readyDelayNanos;
    private final Consumer<String> log;
    private final Map<ChipLocation, EmulatedChip> chips = new HashMap<>();
    private final TagEntry[] tags = new TagEntry[IpTagCommand.TABLE_SIZE];
    private int transientTimeoutCode = 0;

    // boot state
    private boolean booted;
    private long readyAtNanos;
    private int bootBlocks = -1;
    private byte[] bootImage;
    private boolean[] bootReceived;
    private String lastBootError;

    // counters, read by tests through BoardEmulator.inspect
    long scpDatagrams;
    long replies;
    long dropped;
    long droppedNoTag;
    long bootDatagrams;
    long bootRefusals;
    int maxOutstanding;
    final Map<Integer, Long> resultCounts = new HashMap<>();

    private static final class TagEntry {
        byte[] ip = new byte[4];
        int port;
        int flags;
        int timeoutCode;
        int destAddress;
        int destPortCpu;
        int rxPort;
        long count;
        InetSocketAddress replyTo;
    }

    ScampBoard(Machine machine, boolean booted, LongSupplier clockNanos, long readyDelayNanos,
            Consumer<String> log) {
        this.machine = machine;
        this.clockNanos = clockNanos;
        this.readyDelayNanos = readyDelayNanos;
        this.log = log;
        if (booted) {
            powerUp(SystemVariables.bootBlock(HW_VERSION, System.currentTimeMillis() / 1000));
            readyAtNanos = clockNanos.getAsLong();
        }
    }

    Machine machine() {
        return machine;
    }

    boolean isBooted() {
        return booted;
    }

    String lastBootError() {
        return lastBootError;
    }

    EmulatedChip chip(ChipLocation c) {
        return chips.get(c);
    }

    int transientTagsInUse() {
        int n = 0;
        for (int t = IpTagCommand.FIXED_TAGS; t < IpTagCommand.TABLE_SIZE; t++) {
            n += tags[t] != null ? 1 : 0;
        }
        return n;
    }

    private void powerUp(byte[] bootBlock) {
        chips.clear();
        for (ChipLocation c : machine.chips()) {
            chips.put(c, new EmulatedChip(c, machine, bootBlock, c.equals(ChipLocation.ZERO), LOOPBACK_IP));
        }
        java.util.Arrays.fill(tags, null);
        booted = true;
    }

    private boolean ready() {
        return booted && clockNanos.getAsLong() - readyAtNanos >= 0;
    }

    // ------------------------------------------------------------------ SCP

    void handleScp(byte[] d, InetSocketAddress sender, ReplySink out) {
        scpDatagrams++;
        if (!booted) {
            dropped++; // the boot ROM does not speak SCP
            return;
        }
        int udpLength = d.length;
        if (udpLength < SdpHeader.UDP_PADDING + SdpHeader.SIZE || udpLength > ScpMessage.MAX_UDP_LENGTH) {
            dropped++; // no SDP header, or longer than SCAMP's buffer: udp_pkt() discards it
            return;
        }
        ByteBuf in = Unpooled.wrappedBuffer(d);
        in.skipBytes(SdpHeader.UDP_PADDING);
        SdpHeader h = SdpHeader.decode(in);
        boolean hasSeq = udpLength >= ScpResponse.MIN_UDP_LENGTH;
        int cmd = hasSeq ? in.readUnsignedShortLE() : 0;
        int seq = hasSeq ? in.readUnsignedShortLE() : 0;
        ChipLocation answering = ChipLocation.ZERO;
        EmulatedChip chip;
        int rc;
        int[] words = new int[0];
        byte[] data = new byte[0];
        ChipLocation dest = h.dest().equals(ChipLocation.ROOT_ALIAS) ? ChipLocation.ZERO : h.dest();
        chip = chips.get(dest);
        if (chip == null) {
            rc = ScpResult.RC_ROUTE.code; // no P2P route: SCAMP answers from the Ethernet chip
        } else {
            answering = dest;
            if (h.destPort() != 0) {
                if (h.destCpu() != 0) {
                    dropped++; // SDP for an application port: emulated cores run no code
                    return;
                }
                rc = ScpResult.RC_PORT.code;
            } else if (!hasSeq) {
                dropped++; // too short to carry a sequence number to answer with
                return;
            } else if (udpLength - SdpHeader.UDP_PADDING < ScpMessage.MIN_SDP_LENGTH) {
                rc = ScpResult.RC_LEN.code;
            } else if (h.destCpu() >= chip.cores) {
                rc = ScpResult.RC_CPU.code;
            } else {
                int a1 = in.readIntLE();
                int a2 = in.readIntLE();
                int a3 = in.readIntLE();
                byte[] payload = new byte[in.readableBytes()];
                in.readBytes(payload);
                Result r = execute(chip, h.destCpu(), cmd, a1, a2, a3, payload);
                rc = r.rc;
                words = r.words;
                data = r.data;
            }
        }
        if (!h.replyExpected() || !hasSeq) {
            return;
        }
        InetSocketAddress to = sender;
        int transientTag = -1;
        if (h.tag() == SdpHeader.TAG_NONE) {
            transientTag = allocateTransient(sender);
            if (transientTag < 0) {
                droppedNoTag++;
                dropped++; // SCAMP silently drops a request when no transient tag is free
                return;
            }
        } else {
            TagEntry t = h.tag() < IpTagCommand.FIXED_TAGS ? tags[h.tag()] : null;
            if (t == null || (t.flags & IpTag.FLAG_REVERSE) != 0 || t.replyTo == null) {
                dropped++;
                return;
            }
            to = t.replyTo;
            t.count++;
        }
        resultCounts.merge(rc, 1L, Long::sum);
        ScpResponse reply = ScpResponse.of(h.reply(answering), resultFor(rc), seq, words, data);
        ByteBuf buf = Unpooled.buffer(ScpResponse.MIN_UDP_LENGTH + reply.payload().length);
        reply.encode(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        replies++;
        out.send(bytes, to, transientTag);
    }

    private static ScpResult resultFor(int rc) {
        return ScpResult.of(rc).orElseThrow();
    }

    private int allocateTransient(InetSocketAddress sender) {
        int inUse = transientTagsInUse();
        maxOutstanding = Math.max(maxOutstanding, inUse + 1);
        for (int t = IpTagCommand.FIXED_TAGS; t < IpTagCommand.TABLE_SIZE; t++) {
            if (tags[t] == null) {
                TagEntry e = new TagEntry();
                e.flags = IpTag.FLAG_VALID | IpTag.FLAG_TRANSIENT;
                e.replyTo = sender;
                e.ip = sender.getAddress().getAddress().length == 4 ? sender.getAddress().getAddress() : new byte[4];
                e.port = sender.getPort();
                e.timeoutCode = transientTimeoutCode;
                tags[t] = e;
                return t;
            }
        }
        return -1;
    }

    /** Frees a transient tag once its reply has been sent. */
    void releaseTransientTag(int tag) {
        if (tag >= IpTagCommand.FIXED_TAGS && tag < IpTagCommand.TABLE_SIZE) {
            tags[tag] = null;
        }
    }

    private record Result(int rc, int[] words, byte[] data) {
        static final Result OK = new Result(ScpResult.RC_OK.code, new int[0], new byte[0]);

        static Result of(ScpResult r) {
            return new Result(r.code, new int[0], new byte[0]);
        }

        static Result words(int... w) {
            return new Result(ScpResult.RC_OK.code, w, new byte[0]);
        }

        static Result data(byte[] d) {
            return new Result(ScpResult.RC_OK.code, new int[0], d);
        }
    }

    private Result execute(EmulatedChip chip, int cpu, int cmd, int a1, int a2, int a3, byte[] payload) {
        var command = ScpCommand.of(cmd);
        if (command.isEmpty()) {
            return Result.of(ScpResult.RC_CMD);
        }
        ScpCommand c = command.get();
        if (cpu != 0 && c != ScpCommand.CMD_VER && c != ScpCommand.CMD_READ && c != ScpCommand.CMD_WRITE
                && c != ScpCommand.CMD_FILL) {
            return Result.of(ScpResult.RC_CMD); // SARK implements only these
        }
        return switch (c) {
            case CMD_VER -> version(chip, cpu);
            case CMD_READ -> read(chip, a1, a2, a3);
            case CMD_WRITE -> write(chip, a1, a2, a3, payload);
            case CMD_FILL -> fill(chip, a1, a2, a3);
            case CMD_LINK_READ, CMD_LINK_WRITE -> link(chip, c, a1, a2, a3, payload);
            case CMD_COUNT -> count(a1, a2);
            case CMD_SIG -> signal(chip, a1, a2);
            case CMD_AS -> startApp(chip, a1, a2);
            case CMD_IPTAG -> ipTag(chip, a1, a2, a3);
            case CMD_ALLOC -> alloc(chip, a1, a2, a3);
            case CMD_RTR -> router(chip, a1, a2, a3);
            case CMD_INFO -> info(chip);
            case CMD_LED -> Result.OK;
            default -> Result.of(ScpResult.RC_CMD); // not emulated (see the module README)
        };
    }

    private Result version(EmulatedChip chip, int cpu) {
        int p2p = ready() ? chip.location.p2pAddress() : 0xFFFF;
        byte[] name = ((cpu == 0 ? SCAMP_ID : SARK_ID) + "\0" + VERSION + "\0")
                .getBytes(StandardCharsets.US_ASCII);
        return new Result(ScpResult.RC_OK.code, new int[] {p2p << 16 | cpu << 8 | cpu, VER_ARG2, BUILD_DATE}, name);
    }

    /** Checks length, type and alignment as cmd_read()/cmd_write() do; null if fine. */
    private static ScpResult checkTransfer(int address, int length, int type) {
        if (length < 1 || length > ScpMessage.MAX_DATA || type < 0 || type > 2) {
            return ScpResult.RC_ARG;
        }
        int unit = 1 << type;
        if ((address & (unit - 1)) != 0 || (length & (unit - 1)) != 0) {
            return ScpResult.RC_ARG;
        }
        return null;
    }

    private Result read(EmulatedChip chip, int a1, int a2, int a3) {
        ScpResult bad = checkTransfer(a1, a2, a3);
        if (bad != null) {
            return Result.of(bad);
        }
        byte[] out = new byte[a2];
        return readMemory(chip, a1 & 0xFFFF_FFFFL, out) ? Result.data(out) : Result.of(ScpResult.RC_ARG);
    }

    private Result write(EmulatedChip chip, int a1, int a2, int a3, byte[] payload) {
        ScpResult bad = checkTransfer(a1, a2, a3);
        if (bad != null) {
            return Result.of(bad);
        }
        if (payload.length < a2) {
            return Result.of(ScpResult.RC_LEN);
        }
        return writeMemory(chip, a1 & 0xFFFF_FFFFL, payload, a2) ? Result.OK : Result.of(ScpResult.RC_ARG);
    }

    private Result fill(EmulatedChip chip, int a1, int a2, int a3) {
        long address = a1 & 0xFFFF_FFFFL;
        long bytes = a3 & 0xFFFF_FFFFL;
        if (address % 4 != 0 || bytes % 4 != 0 || bytes == 0) {
            return Result.of(ScpResult.RC_ARG);
        }
        var where = MemoryRegion.locate(address, bytes);
        if (where.isEmpty()) {
            return Result.of(ScpResult.RC_ARG);
        }
        switch (where.get().region()) {
            case SDRAM -> chip.sdram.fill(where.get().offset(), a2, bytes);
            case SYSRAM -> {
                for (long i = 0; i < bytes; i += 4) {
                    SystemVariables.putU32(chip.sysram, (int) (where.get().offset() + i), a2);
                }
            }
            default -> {
                return Result.of(ScpResult.RC_ARG);
            }
        }
        return Result.OK;
    }

    private Result link(EmulatedChip chip, ScpCommand c, int a1, int a2, int a3, byte[] payload) {
        if (a3 < 0 || a3 > 5 || a2 < 4 || a2 > ScpMessage.MAX_DATA || a2 % 4 != 0 || a1 % 4 != 0) {
            return Result.of(ScpResult.RC_ARG);
        }
        var n = machine.neighbour(chip.location, org.engram.spinnaker.machine.Direction.values()[a3]);
        if (n.isEmpty()) {
            return Result.of(ScpResult.RC_TIMEOUT); // nothing answers on a dead link
        }
        EmulatedChip other = chips.get(n.get());
        if (c == ScpCommand.CMD_LINK_READ) {
            return read(other, a1, a2, 2);
        }
        return write(other, a1, a2, 2, payload);
    }

    private boolean readMemory(EmulatedChip chip, long address, byte[] out) {
        var where = MemoryRegion.locate(address, out.length);
        if (where.isEmpty()) {
            return false;
        }
        long off = where.get().offset();
        switch (where.get().region()) {
            case SDRAM -> chip.sdram.read(off, out, 0, out.length);
            case SYSRAM -> System.arraycopy(chip.sysram, (int) off, out, 0, out.length);
            case ROUTER -> {
                for (int i = 0; i < out.length; i++) {
                    long a = off + i;
                    int word = routerWord(chip, a & ~3L);
                    out[i] = (byte) (word >>> (8 * (a & 3)));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean writeMemory(EmulatedChip chip, long address, byte[] data, int length) {
        var where = MemoryRegion.locate(address, length);
        if (where.isEmpty()) {
            return false;
        }
        long off = where.get().offset();
        switch (where.get().region()) {
            case SDRAM -> chip.sdram.write(off, data, 0, length);
            case SYSRAM -> System.arraycopy(data, 0, chip.sysram, (int) off, length);
            default -> {
                return false; // the router is programmed with CMD_RTR, not by writes
            }
        }
        return true;
    }

    /** A word of the router region: MC route/key/mask RAMs and the P2P table. */
    private int routerWord(EmulatedChip chip, long offset) {
        int table = (int) (offset >>> 14);
        if (offset >= 0x10000) {
            long t = offset - 0x10000;
            int x = (int) (t / 128);
            int k = (int) (t % 128 / 4);
            int word = 0;
            for (int j = 0; j < 8; j++) {
                int y = 8 * k + j;
                int code = y < 256 && x < 256
                        ? machine.p2pRoute(chip.location, new ChipLocation(x, y)) : Machine.ROUTE_NONE;
                word |= code << (3 * j);
            }
            return word;
        }
        int entry = (int) ((offset & 0x3FFF) / 4);
        if (table == 0 || entry >= MemoryRegion.MC_TABLE_SIZE) {
            return 0; // control registers: not emulated, read as zero
        }
        return chip.routerRamWord(table - 1, entry);
    }

    private Result count(int appId, int state) {
        int n = 0;
        for (EmulatedChip c : chips.values()) {
            for (int p = 1; p < c.cores; p++) {
                if (c.appId(p) == (appId & 0xFF) && c.state(p) == state) {
                    n++;
                }
            }
        }
        return Result.words(n);
    }

    private Result signal(EmulatedChip chip, int type, int a2) {
        if (type == SendSignal.TYPE_P2P || type < 0 || type > 2) {
            return Result.of(ScpResult.RC_ARG);
        }
        if (type == SendSignal.TYPE_MULTICAST && !chip.location.equals(ChipLocation.ZERO)) {
            return Result.of(ScpResult.RC_ARG);
        }
        var sig = Signal.of((a2 >>> 16) & 0xFF);
        if (sig.isEmpty()) {
            return Result.of(ScpResult.RC_ARG);
        }
        int mask = (a2 >>> 8) & 0xFF;
        int appId = a2 & 0xFF;
        for (EmulatedChip c : chips.values()) {
            boolean stopped = false;
            for (int p = 1; p < c.cores; p++) {
                if (c.appId(p) == 0 || (c.appId(p) & mask) != (appId & mask)) {
                    continue;
                }
                int s = c.state(p);
                switch (sig.get()) {
                    case START, SYNC0 -> move(c, p, s, CpuState.SYNC0, CpuState.RUNNING);
                    case SYNC1 -> move(c, p, s, CpuState.SYNC1, CpuState.RUNNING);
                    case PAUSE -> move(c, p, s, CpuState.RUNNING, CpuState.PAUSED);
                    case CONT -> move(c, p, s, CpuState.PAUSED, CpuState.RUNNING);
                    case EXIT -> move(c, p, s, CpuState.RUNNING, CpuState.FINISHED);
                    case STOP -> {
                        c.setState(p, CpuState.IDLE);
                        c.setAppId(p, 0);
                        c.setName(p, "sark");
                        stopped = true;
                    }
                    default -> { }
                }
            }
            if (sig.get() == Signal.STOP) {
                c.heap.freeAll(appId);
                c.freeRouterById(appId, true);
            }
            if (stopped) {
                log.accept("app " + appId + " stopped on chip " + c.location);
            }
        }
        return Result.OK;
    }

    private static void move(EmulatedChip c, int p, int state, CpuState from, CpuState to) {
        if (state == from.code) {
            c.setState(p, to);
        }
    }

    private Result startApp(EmulatedChip chip, int aplx, int a2) {
        int mask = a2 & 0x3FFFF;
        int appId = a2 >>> 24;
        boolean wait = (a2 & 1 << 18) != 0;
        var where = MemoryRegion.locate(aplx & 0xFFFF_FFFFL, 4);
        if ((mask & 1) != 0 || mask == 0 || appId == 0 || where.isEmpty()
                || where.get().region() != MemoryRegion.SDRAM || (mask >>> chip.cores) != 0) {
            return Result.of(ScpResult.RC_ARG);
        }
        for (int p = 1; p < chip.cores; p++) {
            if ((mask & 1 << p) != 0) {
                chip.setAppId(p, appId);
                chip.setName(p, String.format("aplx@%08x", aplx));
                chip.setState(p, wait ? CpuState.SYNC0 : CpuState.RUNNING);
            }
        }
        return Result.OK;
    }

    private Result ipTag(EmulatedChip chip, int a1, int a2, int a3) {
        int op = (a1 >>> 16) & 0xFF;
        int tag = a1 & 0xFF;
        if (!machine.ethernetChips().contains(chip.location)) {
            return Result.of(ScpResult.RC_ARG); // tags live on Ethernet chips
        }
        switch (op) {
            case IpTagCommand.OP_NEW, IpTagCommand.OP_SET -> {
                if (op == IpTagCommand.OP_NEW) {
                    tag = -1;
                    for (int t = 1; t < IpTagCommand.FIXED_TAGS && tag < 0; t++) {
                        tag = tags[t] == null ? t : -1;
                    }
                    if (tag < 0) {
                        return Result.of(ScpResult.RC_BUF);
                    }
                } else if (tag >= IpTagCommand.FIXED_TAGS) {
                    return Result.of(ScpResult.RC_ARG);
                }
                TagEntry e = new TagEntry();
                int flags = a1 >>> 28;
                e.flags = IpTag.FLAG_VALID | (flags & 7) << 8;
                e.timeoutCode = (a1 >>> 24) & 0xF;
                if ((a1 & IpTagCommand.FLAG_REVERSE) != 0) {
                    e.rxPort = a2 & 0xFFFF;
                    e.destAddress = a2 >>> 16;
                    e.destPortCpu = (a1 >>> 8) & 0xFF;
                } else {
                    e.ip = new byte[] {(byte) a3, (byte) (a3 >>> 8), (byte) (a3 >>> 16), (byte) (a3 >>> 24)};
                    e.port = a2 & 0xFFFF;
                    e.replyTo = replyAddress(e.ip, e.port);
                }
                tags[tag] = e;
                return Result.words(tag);
            }
            case IpTagCommand.OP_GET -> {
                int count = a2;
                if (tag >= IpTagCommand.TABLE_SIZE || count < 1 || tag + count > IpTagCommand.TABLE_SIZE
                        || count * IpTag.SIZE > ScpMessage.MAX_DATA) {
                    return Result.of(ScpResult.RC_ARG);
                }
                byte[] out = new byte[count * IpTag.SIZE];
                for (int i = 0; i < count; i++) {
                    TagEntry e = tags[tag + i];
                    if (e != null) {
                        byte[] b = new IpTag(tag + i, e.ip, new byte[6], e.port, e.timeoutCode, e.flags,
                                e.count, e.rxPort, e.destAddress, e.destPortCpu).encode();
                        System.arraycopy(b, 0, out, i * IpTag.SIZE, IpTag.SIZE);
                    }
                }
                return Result.data(out);
            }
            case IpTagCommand.OP_CLR -> {
                if (tag >= IpTagCommand.TABLE_SIZE) {
                    return Result.of(ScpResult.RC_ARG);
                }
                tags[tag] = null;
                return Result.OK;
            }
            case IpTagCommand.OP_TTO -> {
                int old = transientTimeoutCode;
                if (a2 >= 0 && a2 <= IpTagCommand.MAX_TTO) {
                    transientTimeoutCode = a2;
                }
                return Result.words(IpTagCommand.FIXED_TAGS << 24 | IpTagCommand.FIXED_TAGS << 16
                        | IpTag.SIZE << 8 | old);
            }
            default -> {
                return Result.of(ScpResult.RC_ARG);
            }
        }
    }

    /** Replies through a tag only go to loopback: the emulator never sends off this host. */
    private static InetSocketAddress replyAddress(byte[] ip, int port) {
        try {
            InetAddress a = InetAddress.getByAddress(ip);
            return a.isLoopbackAddress() && port != 0 ? new InetSocketAddress(a, port) : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private Result alloc(EmulatedChip chip, int a1, int a2, int a3) {
        int op = a1 & 0xFF;
        int appId = (a1 >>> 8) & 0xFF;
        switch (op) {
            case AllocCommand.OP_ALLOC_SDRAM -> {
                return Result.words((int) chip.heap.allocate(a2 & 0xFFFF_FFFFL, appId, a3 & 0xFF));
            }
            case AllocCommand.OP_FREE_SDRAM -> {
                return chip.heap.free(a2 & 0xFFFF_FFFFL) ? Result.OK : Result.of(ScpResult.RC_ARG);
            }
            case AllocCommand.OP_FREE_SDRAM_ID -> {
                return Result.words(chip.heap.freeAll(appId));
            }
            case AllocCommand.OP_ALLOC_RTR -> {
                if (a2 < 1 || a2 >= MemoryRegion.MC_TABLE_SIZE) {
                    return Result.of(ScpResult.RC_ARG);
                }
                return Result.words(chip.allocateRouter(a2, appId));
            }
            case AllocCommand.OP_FREE_RTR -> {
                int[] b = chip.rtrBlocks.get(a2);
                if (b == null) {
                    return Result.of(ScpResult.RC_ARG);
                }
                chip.rtrBlocks.remove(a2);
                if (a3 != 0) {
                    for (int i = 0; i < b[0]; i++) {
                        chip.clearEntry(a2 + i);
                    }
                }
                return Result.words(b[0]);
            }
            case AllocCommand.OP_FREE_RTR_ID -> {
                return Result.words(chip.freeRouterById(appId, a2 != 0));
            }
            case AllocCommand.OP_SDRAM_SPACE -> {
                return Result.words((int) chip.heap.freeBytes(), (int) chip.heap.largestFree());
            }
            case AllocCommand.OP_HEAP_TAG_PTR -> {
                return Result.words((int) chip.heap.tagAddress(appId, a2 & 0xFF));
            }
            default -> {
                return Result.of(ScpResult.RC_ARG);
            }
        }
    }

    private Result router(EmulatedChip chip, int a1, int a2, int a3) {
        int op = a1 & 0xFF;
        int appId = (a1 >>> 8) & 0xFF;
        int count = a1 >>> 16;
        switch (op) {
            case RouterCommand.OP_INIT -> {
                for (int i = 1; i < MemoryRegion.MC_TABLE_SIZE; i++) {
                    chip.clearEntry(i);
                }
                chip.rtrBlocks.clear();
                return Result.OK;
            }
            case RouterCommand.OP_CLEAR -> {
                if (a2 < 1 || count < 1 || a2 + count > MemoryRegion.MC_TABLE_SIZE) {
                    return Result.of(ScpResult.RC_ARG);
                }
                for (int i = 0; i < count; i++) {
                    chip.clearEntry(a2 + i);
                }
                return Result.OK;
            }
            case RouterCommand.OP_LOAD -> {
                long address = a2 & 0xFFFF_FFFFL;
                var where = MemoryRegion.locate(address, (long) count * RouterCommand.ENTRY_SIZE);
                if (count < 1 || a3 < 1 || a3 + count > MemoryRegion.MC_TABLE_SIZE || where.isEmpty()
                        || where.get().region() != MemoryRegion.SDRAM || !chip.ownsRange(a3, count, appId)) {
                    return Result.of(ScpResult.RC_ARG);
                }
                byte[] e = new byte[RouterCommand.ENTRY_SIZE];
                for (int i = 0; i < count; i++) {
                    chip.sdram.read(where.get().offset() + (long) i * e.length, e, 0, e.length);
                    int route = SystemVariables.getU32(e, 4) & 0xFFFFFF;
                    chip.setEntry(a3 + i, SystemVariables.getU32(e, 8), SystemVariables.getU32(e, 12),
                            appId << 24 | route);
                }
                return Result.OK;
            }
            case RouterCommand.OP_FIXED_ROUTE -> {
                if (a2 < 0) {
                    return Result.words(chip.fixedRoute);
                }
                chip.fixedRoute = a2 & 0xFFFFFF;
                return Result.OK;
            }
            default -> {
                return Result.of(ScpResult.RC_ARG);
            }
        }
    }

    private Result info(EmulatedChip chip) {
        byte[] states = new byte[ChipInfo.CORE_STATES];
        for (int p = 0; p < chip.cores && p < states.length; p++) {
            states[p] = (byte) chip.state(p);
        }
        ChipLocation eth = machine.nearestEthernet(chip.location);
        boolean isEth = eth.equals(chip.location);
        int parent = machine.p2pRoute(chip.location, ChipLocation.ZERO);
        ChipInfo ci = new ChipInfo(chip.cores, machine.linkMask(chip.location),
                chip.largestFreeRouterBlock(), isEth, chip.heap.largestFree(),
                MemoryRegion.SYSRAM.sizeBytes() / 2, states, eth, isEth ? LOOPBACK_IP : new byte[4], parent);
        return new Result(ScpResult.RC_OK.code,
                new int[] {ci.arg1(), (int) ci.largestFreeSdramBlock(), (int) ci.largestFreeSysramBlock()},
                ci.data());
    }

    // ------------------------------------------------------------------ boot

    /** One datagram on the boot port. A malformed boot is refused: the board stays unbooted. */
    void handleBoot(byte[] d) {
        bootDatagrams++;
        if (booted) {
            return; // the ROM is no longer listening
        }
        BootPacket p;
        try {
            p = BootPacket.decode(Unpooled.wrappedBuffer(d));
        } catch (MalformedPacketException e) {
            refuseBoot(e.getMessage());
            return;
        }
        var op = BootOpCode.of(p.opcode());
        if (op.isEmpty()) {
            refuseBoot("unknown boot opcode " + p.opcode());
            return;
        }
        switch (op.get()) {
            case FLOOD_FILL_START -> {
                int blocks = p.op3() + 1;
                int maxBlocks = BootImage.MAX_IMAGE_BYTES / BootImage.BLOCK_BYTES;
                if (blocks < 1 || blocks > maxBlocks || p.data().length != 0) {
                    refuseBoot("FLOOD_FILL_START for " + blocks + " blocks; expected 1.." + maxBlocks
                            + " and no data");
                    return;
                }
                bootBlocks = blocks;
                bootImage = new byte[blocks * BootImage.BLOCK_BYTES];
                bootReceived = new boolean[blocks];
            }
            case FLOOD_FILL_BLOCK -> {
                int block = p.op1() & 0xFF;
                if (bootBlocks < 0) {
                    refuseBoot("FLOOD_FILL_BLOCK before FLOOD_FILL_START");
                } else if (block >= bootBlocks) {
                    refuseBoot("block " + block + " of a " + bootBlocks + "-block image");
                } else if (p.data().length == 0
                        || (block < bootBlocks - 1 && p.data().length != BootImage.BLOCK_BYTES)) {
                    refuseBoot("block " + block + " carries " + p.data().length + " bytes; expected "
                            + (block < bootBlocks - 1 ? BootImage.BLOCK_BYTES : "1.." + BootImage.BLOCK_BYTES));
                } else {
                    System.arraycopy(p.data(), 0, bootImage, block * BootImage.BLOCK_BYTES, p.data().length);
                    bootReceived[block] = true;
                }
            }
            case FLOOD_FILL_CONTROL -> {
                if (bootBlocks < 0) {
                    refuseBoot("FLOOD_FILL_CONTROL before FLOOD_FILL_START");
                    return;
                }
                for (int b = 0; b < bootBlocks; b++) {
                    if (!bootReceived[b]) {
                        refuseBoot("FLOOD_FILL_CONTROL with block " + b + " of " + bootBlocks + " missing");
                        return;
                    }
                }
                if (p.op1() != 1) {
                    refuseBoot("FLOOD_FILL_CONTROL op1 " + p.op1() + "; expected 1 (execute)");
                    return;
                }
                finishBoot();
            }
            case HELLO -> refuseBoot("HELLO is sent by chips, not to them");
            default -> refuseBoot("unexpected opcode " + op.get());
        }
    }

    private void finishBoot() {
        if (bootImage.length < BootImage.MIN_IMAGE_BYTES) {
            refuseBoot("image of " + bootImage.length + " bytes cannot hold the system variables");
            return;
        }
        byte[] image = bootImage.clone();
        BootImage.swapWords(image);
        byte[] sv = java.util.Arrays.copyOfRange(image, SystemVariables.IMAGE_OFFSET,
                SystemVariables.IMAGE_OFFSET + SystemVariables.BOOT_SIZE);
        int hw = sv[SystemVariables.HW_VER] & 0xFF;
        if (hw != HW_VERSION) {
            refuseBoot("system variables say board version " + hw + "; this is a SpiNN-" + HW_VERSION);
            return;
        }
        if (sv[SystemVariables.ROOT_CHIP] != 1 || SystemVariables.getU32(sv, SystemVariables.SYS_SDRAM) <= 0
                || SystemVariables.getU32(sv, SystemVariables.SYS_SDRAM) > (64 << 20)) {
            refuseBoot("system variable block at image offset 384 is not a valid sv_t (root_chip "
                    + sv[SystemVariables.ROOT_CHIP] + ", sys_sdram "
                    + SystemVariables.getU32(sv, SystemVariables.SYS_SDRAM) + ")");
            return;
        }
        powerUp(sv);
        readyAtNanos = clockNanos.getAsLong() + readyDelayNanos;
        bootBlocks = -1;
        bootImage = null;
        log.accept("booted: " + machine.chips().size() + " chips, image of "
                + bootReceived.length + " blocks");
    }

    private void refuseBoot(String why) {
        bootRefusals++;
        lastBootError = why;
        bootBlocks = -1;
        bootImage = null;
        log.accept("boot refused: " + why);
    }
}
