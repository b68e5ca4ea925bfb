package org.engram.spinnaker.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResponse;
import org.engram.spinnaker.scp.ScpResult;
import org.engram.spinnaker.sdp.SdpHeader;

/**
 * An emulated machine as a host sees it through the SCAMP port of each board's Ethernet chip and
 * the root board's boot port: datagrams are checked as SCAMP checks SDP and SCP frames, addressed
 * by P2P address ((255,255) is the Ethernet chip the datagram arrived at; a chip that does not
 * exist answers RC_ROUTE from that Ethernet chip), executed by the {@link ScpDispatcher} and
 * answered through a transient or fixed tag of that Ethernet chip's {@link IpTagTable}; packets
 * that applications send on the {@link MulticastNetwork} are routed before the reply leaves. Any
 * board's port reaches every chip of the machine, as P2P routing over the links between boards
 * does. Before a boot, datagrams go to the {@link BootRom}; booting the root board boots them all,
 * as SCAMP's network initialisation floods the boot over those links. Single-threaded; nothing
 * here throws for any input datagram.
 */
final class ScampBoard {
    /** Where a reply goes: its bytes, its destination, and the transient tag it holds (or -1). */
    interface ReplySink {
        void send(byte[] datagram, InetSocketAddress to, int transientTag);
    }

    static final int HW_VERSION = 5;
    static final byte[] LOOPBACK_IP = {127, 0, 0, 1};

    private final Machine machine;
    private final LongSupplier clockNanos;
    private final long readyDelayNanos;
    private final Consumer<String> log;
    /** Every chip by location, in the machine's order; refilled at each power-up. */
    private final Map<ChipLocation, EmulatedChip> chips = new LinkedHashMap<>();
    /** Each Ethernet chip's tag table, boards in the machine's order. */
    private final Map<ChipLocation, IpTagTable> tags = new LinkedHashMap<>();
    private final MulticastNetwork network;
    private final BoardTimer timer;
    private final ScpDispatcher dispatcher;
    private final BootRom bootRom;
    private boolean booted;
    private long readyAtNanos;

    // counters, read by tests through BoardEmulator.inspect
    long scpDatagrams;
    long replies;
    long dropped;
    long droppedNoTag;
    final Map<Integer, Long> resultCounts = new HashMap<>();

    /**
     * @param later runs a task on the board's thread after the current one, letting datagrams
     *     that wait be handled first (the board's timer ticks this way)
     */
    ScampBoard(Machine machine, boolean booted, LongSupplier clockNanos, long readyDelayNanos,
            Map<String, CoreApplication.Factory> applications, Consumer<Runnable> later, Consumer<String> log) {
        this.machine = machine;
        this.clockNanos = clockNanos;
        this.readyDelayNanos = readyDelayNanos;
        this.log = log;
        this.network = new MulticastNetwork(machine, chips);
        this.timer = new BoardTimer(network, later);
        machine.ethernetChips().forEach(e -> tags.put(e, new IpTagTable()));
        this.dispatcher = new ScpDispatcher(machine, chips, this::ready, tags, Map.copyOf(applications), log);
        this.bootRom = new BootRom(HW_VERSION, log);
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

    BootRom bootRom() {
        return bootRom;
    }

    /** The tag table of board {@code board}'s Ethernet chip. */
    IpTagTable tags(int board) {
        return tags.get(ethernet(board));
    }

    /** Most requests outstanding at once on any board. */
    int maxOutstanding() {
        return tags.values().stream().mapToInt(t -> t.maxOutstanding).max().orElse(0);
    }

    /** The Ethernet chip of board {@code board}, boards numbered in the machine's order. */
    ChipLocation ethernet(int board) {
        return machine.ethernetChips().get(board);
    }

    MulticastNetwork network() {
        return network;
    }

    BoardTimer timer() {
        return timer;
    }

    EmulatedChip chip(ChipLocation c) {
        return chips.get(c);
    }

    private void powerUp(byte[] systemVariables) {
        chips.clear();
        timer.clear();
        for (ChipLocation c : machine.chips()) {
            chips.put(c, new EmulatedChip(c, machine, systemVariables, LOOPBACK_IP, network, timer, log));
        }
        tags.values().forEach(IpTagTable::clear);
        booted = true;
    }

    private boolean ready() {
        return booted && clockNanos.getAsLong() - readyAtNanos >= 0;
    }

    /** One datagram on the SCAMP port of board {@code board}'s Ethernet chip. */
    void handleScp(int board, byte[] d, InetSocketAddress sender, ReplySink out) {
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
        int seq = hasSeq ? in.getUnsignedShortLE(in.readerIndex() + 2) : 0;
        ChipLocation ethernet = ethernet(board);
        ChipLocation dest = h.dest().equals(ChipLocation.ROOT_ALIAS) ? ethernet : h.dest();
        EmulatedChip chip = chips.get(dest);
        ChipLocation answering = chip == null ? ethernet : dest;
        Reply reply;
        if (chip == null) {
            reply = Reply.of(ScpResult.RC_ROUTE); // no P2P route: the Ethernet chip answers
        } else if (h.destPort() != 0) {
            if (h.destCpu() != 0) {
                dropped++; // SDP for an application port: no application reads SDP here
                return;
            }
            reply = Reply.of(ScpResult.RC_PORT);
        } else if (!hasSeq) {
            dropped++; // too short to carry a sequence number to answer with
            return;
        } else if (udpLength < ScpMessage.MIN_UDP_LENGTH) {
            reply = Reply.of(ScpResult.RC_LEN);
        } else if (h.destCpu() >= chip.cores) {
            reply = Reply.of(ScpResult.RC_CPU);
        } else {
            reply = dispatcher.execute(chip, h.destCpu(), ScpMessage.decode(Unpooled.wrappedBuffer(d)));
            network.drain();
        }
        if (h.replyExpected() && hasSeq) {
            send(reply, h, answering, seq, sender, tags.get(ethernet), out);
        }
    }

    private void send(Reply reply, SdpHeader h, ChipLocation answering, int seq, InetSocketAddress sender,
            IpTagTable tags, ReplySink out) {
        InetSocketAddress to = sender;
        int transientTag = -1;
        if (h.tag() == SdpHeader.TAG_NONE) {
            transientTag = tags.allocateTransient(sender);
            if (transientTag < 0) {
                droppedNoTag++;
                dropped++; // SCAMP silently drops a request when no transient tag is free
                return;
            }
        } else {
            to = tags.replyThrough(h.tag());
            if (to == null) {
                dropped++;
                return;
            }
        }
        resultCounts.merge(reply.result().code, 1L, Long::sum);
        ScpResponse response = ScpResponse.of(h.reply(answering), reply.result(), seq, reply.words(), reply.data());
        ByteBuf buf = Unpooled.buffer(ScpResponse.MIN_UDP_LENGTH + response.payload().length);
        response.encode(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        replies++;
        out.send(bytes, to, transientTag);
    }

    /** Frees a transient tag of board {@code board} once its reply has been sent. */
    void releaseTransientTag(int board, int tag) {
        tags(board).releaseTransient(tag);
    }

    /** One datagram on the boot port; a whole, valid image boots the board. */
    void handleBoot(byte[] d) {
        if (booted) {
            bootRom.datagrams++;
            return; // the ROM is no longer listening
        }
        Optional<byte[]> sv = bootRom.receive(d);
        if (sv.isPresent()) {
            powerUp(sv.get());
            readyAtNanos = clockNanos.getAsLong() + readyDelayNanos;
        }
    }
}
