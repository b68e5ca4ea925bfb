package org.engram.spinnaker.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpRequest;
import org.engram.spinnaker.scp.ScpResponse;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * The Netty side of one board connection: encodes what the {@link ScpWindow} sends into
 * datagrams for the board, decodes datagrams from the board into replies for it, and keeps one
 * timer armed at the window's next deadline. Datagrams from any other address, and ones that
 * do not decode, are dropped and counted. All methods run on the channel's event loop.
 */
public final class ScpChannelHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final InetSocketAddress board;
    private final LongSupplier clockNanos;
    private final ScpWindow window;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private long timerDeadline;
    private long malformed;
    private boolean unflushed;
    private volatile TransportStats lastStats = new TransportStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** @param progress hears that requests wait for a silent board (see {@link ScpWindow}) */
    public ScpChannelHandler(InetSocketAddress board, RetryPolicy policy, LongSupplier clockNanos,
            Consumer<String> progress) {
        this.board = board;
        this.clockNanos = clockNanos;
        this.window = new ScpWindow(policy, clockNanos, this::write,
                "board " + board.getHostString() + ":" + board.getPort(), progress);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /** Submits a request; must be called on the event loop. */
    <R> void submit(ScpRequest<R> request, CompletableFuture<R> future) {
        window.submit(request, future);
        afterEvent();
    }

    /** Submits several requests in order; must be called on the event loop. */
    <R> void submitAll(java.util.List<? extends ScpRequest<R>> requests, java.util.List<CompletableFuture<R>> futures) {
        for (int i = 0; i < requests.size(); i++) {
            window.submit(requests.get(i), futures.get(i));
        }
        afterEvent();
    }

    /** Counters, as of the last event handled (safe to read from any thread). */
    TransportStats stats() {
        return lastStats;
    }

    /** Fails everything pending; must be called on the event loop. */
    void abortAll(String reason) {
        window.abortAll(reason);
        afterEvent();
    }

    private void write(ScpMessage m) {
        ByteBuf buf = ctx.alloc().buffer(m.encodedLength());
        m.encode(buf);
        ctx.write(new DatagramPacket(buf, board));
        unflushed = true; // flushed once per event, in afterEvent()
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
        if (!board.equals(packet.sender())) {
            malformed++;
            afterEvent();
            return;
        }
        ScpResponse reply;
        try {
            reply = ScpResponse.decode(packet.content());
        } catch (MalformedPacketException e) {
            malformed++;
            afterEvent();
            return;
        }
        window.onReply(reply);
        afterEvent();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof PortUnreachableException) {
            // ICMP port unreachable: nothing listens there; failing now beats 11 timeouts
            window.abortAll("nothing listens on " + board.getHostString() + ":" + board.getPort()
                    + " (ICMP port unreachable)");
            afterEvent();
        } else {
            context.fireExceptionCaught(cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        window.abortAll("connection closed");
        afterEvent();
        context.fireChannelInactive();
    }

    private void onTimer() {
        timer = null;
        window.onTimer();
        afterEvent();
    }

    private void afterEvent() {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        TransportStats s = window.stats();
        lastStats = new TransportStats(s.requests(), s.sends(), s.timeoutResends(),
                s.returnCodeResends(), s.ignoredReplies(), malformed, s.failures(), s.maxInFlight());
        long next = window.nextDeadlineNanos();
        if (next == Long.MAX_VALUE) {
            return; // a timer already armed fires once, finds nothing due, and is not re-armed
        }
        if (timer != null && timerDeadline - next <= 0) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerDeadline = next;
        long delay = Math.max(0, next - clockNanos.getAsLong());
        timer = ctx.executor().schedule(this::onTimer, delay, TimeUnit.NANOSECONDS);
    }
}
