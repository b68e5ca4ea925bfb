package org.engram.spinnaker.emulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Machine;

/**
 * An emulated SpiNNaker machine listening on loopback: SCAMP on one UDP port per board (each
 * board's Ethernet chip), the root board's boot ROM on another. All sockets share one event-loop
 * thread, which alone touches the machine's state.
 */
public final class BoardEmulator implements AutoCloseable {
    /** Larger than any legal datagram, so oversized ones arrive whole enough to be refused. */
    static final int MAX_DATAGRAM = 2048;
    /** A datagram held back for reordering is released after this long if nothing follows. */
    static final long REORDER_FLUSH_MICROS = 200;

    private final EmulatorOptions options;
    private final EventLoopGroup group;
    private final ScampBoard board;
    private final Consumer<String> log;
    /** Each board's SCAMP socket, boards in the machine's order. */
    private final List<Channel> scpChannels = new ArrayList<>();
    private Channel bootChannel;
    private FaultInjector<Datagram> inbound;
    private FaultInjector<Datagram> outbound;
    private final List<HeldReply> heldReplies = new ArrayList<>();
    private ScheduledFuture<?> holdTimer;
    /** When each board's SCAMP is free again (System.nanoTime()), with a service time. */
    private long[] busyUntilNanos;
    private long internalErrors;

    /** A datagram that arrived at, or leaves from, board {@code board}'s SCAMP port. */
    private record Datagram(int board, byte[] bytes, InetSocketAddress peer) {}

    private record HeldReply(int board, byte[] bytes, InetSocketAddress to, int tag) {}

    /**
     * One board of the machine as a host reaches it.
     *
     * @param ethernet its Ethernet chip, as spalloc names a board's connection
     * @param scpAddress where its SCAMP listens
     */
    public record Board(ChipLocation ethernet, InetSocketAddress scpAddress) {}

    private BoardEmulator(EmulatorOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("engram-emulator", true));
        this.board = new ScampBoard(Machine.ofBoards(options.boards()), options.booted(), System::nanoTime,
                options.readyDelayMs() * 1_000_000L, options.applications(), this::later, log);
    }

    /**
     * Starts an emulator bound to 127.0.0.1.
     *
     * @param log receives one line per notable event (boot, refused boot, internal error)
     * @throws InterruptedException if interrupted while binding
     * @throws java.net.BindException (as a Netty-thrown exception) if a port is taken
     */
    public static BoardEmulator start(EmulatorOptions options, Consumer<String> log) throws InterruptedException {
        BoardEmulator e = new BoardEmulator(options, log);
        try {
            e.bind();
        } catch (InterruptedException | RuntimeException ex) {
            e.close();
            throw ex;
        }
        return e;
    }

    private void bind() throws InterruptedException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int b = 0; b < board.machine().ethernetChips().size(); b++) {
            // a fixed port P gives the boards P, P + 1, …; port 0 gives each a free one
            int port = options.scpPort() == 0 ? 0 : options.scpPort() + b;
            scpChannels.add(datagramBootstrap(new ScpHandler(b)).bind(loopback, port).sync().channel());
        }
        busyUntilNanos = new long[scpChannels.size()];
        bootChannel = datagramBootstrap(new BootHandler()).bind(loopback, options.bootPort()).sync().channel();
        outbound = new FaultInjector<>(options.faults(), 2, d ->
                scpChannels.get(d.board).write(new DatagramPacket(Unpooled.wrappedBuffer(d.bytes), d.peer)));
        inbound = new FaultInjector<>(options.faults(), 1, this::process);
    }

    private Bootstrap datagramBootstrap(SimpleChannelInboundHandler<DatagramPacket> handler) {
        return new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .handler(handler);
    }

    /** Where the root board's SCAMP listens (the board of chip (0,0)). */
    public InetSocketAddress scpAddress() {
        return (InetSocketAddress) scpChannels.get(0).localAddress();
    }

    /** Every board: its Ethernet chip and SCAMP address, the root board first. */
    public List<Board> boards() {
        List<Board> out = new ArrayList<>();
        for (int b = 0; b < scpChannels.size(); b++) {
            out.add(new Board(board.machine().ethernetChips().get(b),
                    (InetSocketAddress) scpChannels.get(b).localAddress()));
        }
        return out;
    }

    /** Where the boot ROM listens. */
    public InetSocketAddress bootAddress() {
        return (InetSocketAddress) bootChannel.localAddress();
    }

    public Machine machine() {
        return board.machine();
    }

    /** A snapshot of the counters, taken on the emulator's thread. */
    public EmulatorStats stats() {
        return inspect(b -> new EmulatorStats(b.isBooted(), b.scpDatagrams, b.replies, b.dropped,
                b.droppedNoTag, b.maxOutstanding(), b.bootRom().datagrams, b.bootRom().refusals,
                b.bootRom().lastError(),
                internalErrors, inbound.dropped + outbound.dropped, inbound.duplicated + outbound.duplicated,
                inbound.reordered + outbound.reordered));
    }

    /** Runs {@code f} on the emulator's thread and returns its result (for tests). */
    <T> T inspect(Function<ScampBoard, T> f) {
        try {
            return group.next().submit(() -> f.apply(board)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inspecting the emulator", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("emulator inspection failed", e);
        }
    }

    /**
     * Runs a board task on the event loop after the I/O that waits: a task scheduled now is
     * taken at the loop's next turn, after the datagrams that arrived meanwhile.
     */
    private void later(Runnable task) {
        if (group.isShuttingDown()) {
            return;
        }
        group.next().schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                internalErrors++;
                log.accept("internal error in a board task: " + e);
            }
        }, 0, TimeUnit.NANOSECONDS);
    }

    private void process(Datagram d) {
        try {
            board.handleScp(d.board, d.bytes, d.peer, (bytes, to, tag) -> reply(d.board, bytes, to, tag));
        } catch (RuntimeException e) {
            internalErrors++;
            log.accept("internal error on a " + d.bytes.length + "-byte datagram: " + e);
        }
        if (!heldReplies.isEmpty()) {
            if (holdTimer != null) {
                holdTimer.cancel(false);
            }
            holdTimer = group.next().schedule(() -> {
                releaseHeld();
                flushAll();
            }, options.holdRepliesMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void reply(int b, byte[] bytes, InetSocketAddress to, int tag) {
        if (options.holdRepliesMs() > 0) {
            heldReplies.add(new HeldReply(b, bytes, to, tag));
            return;
        }
        if (options.serviceMicros() > 0) {
            // the board's SCAMP answers when it has served the requests before this one
            long now = System.nanoTime();
            busyUntilNanos[b] = Math.max(now, busyUntilNanos[b]) + options.serviceMicros() * 1000;
            group.next().schedule(() -> {
                send(new Datagram(b, bytes, to));
                board.releaseTransientTag(b, tag);
                flushAll();
            }, busyUntilNanos[b] - now, TimeUnit.NANOSECONDS);
            return;
        }
        send(new Datagram(b, bytes, to));
        board.releaseTransientTag(b, tag);
    }

    private void releaseHeld() {
        holdTimer = null;
        for (HeldReply h : heldReplies) {
            send(new Datagram(h.board, h.bytes, h.to));
            board.releaseTransientTag(h.board, h.tag);
        }
        heldReplies.clear();
    }

    private void send(Datagram d) {
        if (outbound.offer(d)) {
            group.next().schedule(() -> {
                outbound.flush();
                flushAll();
            }, REORDER_FLUSH_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    private void flushAll() {
        scpChannels.forEach(Channel::flush);
    }

    private static byte[] bytesOf(DatagramPacket p) {
        ByteBuf c = p.content();
        byte[] b = new byte[c.readableBytes()];
        c.getBytes(c.readerIndex(), b);
        return b;
    }

    /** The SCAMP port of one board. */
    private final class ScpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final int index;

        ScpHandler(int index) {
            this.index = index;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            if (inbound.offer(new Datagram(index, bytesOf(p), p.sender()))) {
                group.next().schedule(() -> {
                    inbound.flush();
                    flushAll();
                }, REORDER_FLUSH_MICROS, TimeUnit.MICROSECONDS);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            flushAll(); // replies are written per datagram and flushed once per read burst
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // e.g. ICMP port unreachable for a reply to a host that went away: not our problem
        }
    }

    private final class BootHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            try {
                board.handleBoot(bytesOf(p));
            } catch (RuntimeException e) {
                internalErrors++;
                log.accept("internal error on a boot datagram: " + e);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        }
    }

    /** Waits until the emulator is closed (for the command line). */
    public void awaitClose() throws InterruptedException {
        scpChannels.get(0).closeFuture().await();
    }

    @Override
    public void close() {
        try {
            for (Channel c : scpChannels) {
                c.close().await(1, TimeUnit.SECONDS);
            }
            if (bootChannel != null) {
                bootChannel.close().await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
