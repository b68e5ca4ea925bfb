package org.engram.spinnaker.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.engram.spinnaker.scp.ScpRequest;

/**
 * A UDP connection to the SCAMP port of one board's Ethernet chip. Requests may be sent from
 * any thread; they are windowed and retried on the connection's own event-loop thread.
 */
public final class ScpConnection implements AutoCloseable {
    private final InetSocketAddress board;
    private final EventLoopGroup group;
    private final Channel channel;
    private final ScpChannelHandler handler;

    private ScpConnection(InetSocketAddress board, EventLoopGroup group, Channel channel,
            ScpChannelHandler handler) {
        this.board = board;
        this.group = group;
        this.channel = channel;
        this.handler = handler;
    }

    /**
     * Opens a socket connected to {@code board} (an ephemeral local port; datagrams from
     * elsewhere are not received).
     *
     * @param progress hears, on the connection's thread, that requests wait for a silent board
     */
    public static ScpConnection open(InetSocketAddress board, RetryPolicy policy, Consumer<String> progress)
            throws InterruptedException {
        if (board.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + board);
        }
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("engram-scp", true));
        ScpChannelHandler handler = new ScpChannelHandler(board, policy, System::nanoTime, progress);
        try {
            Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(handler).connect(board).sync().channel();
            return new ScpConnection(board, group, ch, handler);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public InetSocketAddress board() {
        return board;
    }

    /** Sends a request; the future completes with the parsed reply or an {@link ScpException}. */
    public <R> CompletableFuture<R> send(ScpRequest<R> request) {
        CompletableFuture<R> f = new CompletableFuture<>();
        if (!channel.isActive()) {
            f.completeExceptionally(new IllegalStateException("connection to " + board + " is closed"));
            return f;
        }
        channel.eventLoop().execute(() -> handler.submit(request, f));
        return f;
    }

    /**
     * Sends several requests, handed to the event loop in one task (one wake-up instead of one
     * per request); they are windowed in order.
     */
    public <R> java.util.List<CompletableFuture<R>> sendAll(java.util.List<? extends ScpRequest<R>> requests) {
        java.util.List<CompletableFuture<R>> fs = new java.util.ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            fs.add(new CompletableFuture<>());
        }
        if (!channel.isActive()) {
            fs.forEach(f -> f.completeExceptionally(new IllegalStateException("connection to " + board + " is closed")));
            return fs;
        }
        java.util.List<? extends ScpRequest<R>> copy = java.util.List.copyOf(requests);
        channel.eventLoop().execute(() -> handler.submitAll(copy, fs));
        return fs;
    }

    /** Sends a request and waits for its outcome. */
    public <R> R call(ScpRequest<R> request) throws InterruptedException {
        return await(send(request));
    }

    /** Waits for a future from {@link #send}, rethrowing its failure unwrapped. */
    public static <R> R await(CompletableFuture<R> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t);
    }

    /**
     * Counters since the connection opened, including every request whose future has completed:
     * a reply completes its future inside the event that counts it, so the counters are read on
     * the event loop, after that event has published them.
     */
    public TransportStats stats() {
        if (channel.eventLoop().inEventLoop() || !channel.isActive()) {
            return handler.stats();
        }
        try {
            return channel.eventLoop().submit(handler::stats).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return handler.stats();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return handler.stats(); // the loop is shutting down: the last published counters
        }
    }

    @Override
    public void close() {
        try {
            channel.eventLoop().submit(() -> handler.abortAll("connection closed")).await(1, TimeUnit.SECONDS);
            channel.close().await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
