package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to a spalloc server (protocol version 1): each call sends one line of JSON and
 * waits, at most the client's timeout, for the reply, which is the next line that is a {@code
 * return} or an {@code exception}; the lines in between are notifications, kept in a queue for
 * {@link #awaitNotification}. Calls may come from several threads (a job's keepalive runs on its
 * own): requests are written in the order their replies are expected.
 *
 * <p>A connection that closes, fails or times out is dropped, every call waiting on it fails with
 * a {@link SpallocException} naming the command, and the next call connects again.
 */
public final class SpallocClient implements AutoCloseable {
    /** spalloc's port. */
    public static final int DEFAULT_PORT = 22244;
    /** The longest line accepted from a server (a machine's info for a whole machine is far shorter). */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** How long a call waits for its reply by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The server versions that speak this protocol, as spalloc's own client accepts them: 0.1.0 to 6.x. */
    static final int FIRST_MAJOR = 0;
    static final int LAST_MAJOR = 6;
    /** Notifications kept at most; older ones are dropped (a job's state is asked for again anyway). */
    static final int MAX_NOTIFICATIONS = 1000;

    private final String server;
    private final InetSocketAddress address;
    private final Duration timeout;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("engram-spalloc", true));
    /** Guards {@link #channel} and {@link #pending}; the event loop takes it, never while waiting. */
    private final Object lock = new Object();
    /** Serialises the callers' connecting and sending (held while connecting, never by the event loop). */
    private final Object sending = new Object();
    /** The open connection, or null; guarded by {@link #lock}. */
    private Channel channel;
    /** Requests waiting for their reply, in the order they were sent; guarded by {@link #lock}. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final LinkedBlockingDeque<JsonNode> notifications = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    private record Pending(String command, CompletableFuture<JsonNode> reply) {}

    private SpallocClient(String server, InetSocketAddress address, Duration timeout) {
        this.server = server;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * Connects to a spalloc server and checks that it speaks this protocol ({@code version}).
     *
     * @throws SpallocException for an unknown host, a server that cannot be reached, does not
     *     answer within {@code timeout} or runs another version
     */
    public static SpallocClient connect(String host, int port, Duration timeout) throws InterruptedException {
        if (port < 1 || port > 65535) {
            throw new SpallocException("spalloc port " + port + " outside 1..65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new SpallocException("spalloc timeout " + timeout.toMillis() + " ms: expected a positive time");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SpallocException("unknown spalloc host '" + host + "'");
        }
        SpallocClient c = new SpallocClient(host + ":" + port, new InetSocketAddress(a, port), timeout);
        try {
            c.checkVersion(c.version());
            return c;
        } catch (InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * {@code HOST} or {@code HOST:PORT} (spalloc's port when none is given; an IPv6 address
     * without a port is a host).
     *
     * @throws SpallocException for a port that is not a number
     */
    public static SpallocClient connect(String hostAndPort, Duration timeout) throws InterruptedException {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0 || hostAndPort.indexOf(':') != colon) {
            return connect(hostAndPort, DEFAULT_PORT, timeout);
        }
        String port = hostAndPort.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}")) {
            throw new SpallocException("spalloc server '" + hostAndPort + "': expected HOST or HOST:PORT");
        }
        return connect(hostAndPort.substring(0, colon), Integer.parseInt(port), timeout);
    }

    /** "host:port", as messages name the server. */
    public String server() {
        return server;
    }

    private void checkVersion(String version) {
        String[] parts = version.split("\\.");
        int major;
        try {
            major = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            major = -1;
        }
        if (major < FIRST_MAJOR || major > LAST_MAJOR || parts.length < 2) {
            throw new SpallocException("spalloc server " + server + " runs version '" + version
                    + "'; this client speaks protocol version 1, of servers " + FIRST_MAJOR + ".1.0 to " + LAST_MAJOR
                    + ".x");
        }
    }

    // ------------------------------------------------------------------ the commands

    /** {@code version}: the server's version. */
    public String version() throws InterruptedException {
        JsonNode v = call("version", List.of(), Map.of());
        if (!v.isTextual()) {
            throw new SpallocException("spalloc server " + server + " answered version with " + Json.abbreviate(v));
        }
        return v.textValue();
    }

    /** {@code create_job}: the new job's id. */
    public int createJob(JobRequest r) throws InterruptedException {
        Map<String, Object> kwargs = new java.util.LinkedHashMap<>();
        kwargs.put("owner", r.owner());
        kwargs.put("keepalive", r.keepaliveS());
        if (r.machine() != null) {
            kwargs.put("machine", r.machine());
        }
        JsonNode id = call("create_job", r.args(), kwargs);
        if (!id.isIntegralNumber() || !id.canConvertToInt()) {
            throw new SpallocException("spalloc server " + server + " answered create_job with "
                    + Json.abbreviate(id) + "; expected a job id");
        }
        return id.intValue();
    }

    /** {@code job_keepalive}. */
    public void jobKeepalive(int job) throws InterruptedException {
        call("job_keepalive", List.of(job), Map.of());
    }

    /** {@code get_job_state}. */
    public JobState jobState(int job) throws InterruptedException {
        return JobState.of(call("get_job_state", List.of(job), Map.of()));
    }

    /** {@code get_job_machine_info}. */
    public JobMachineInfo jobMachineInfo(int job) throws InterruptedException {
        return JobMachineInfo.of(call("get_job_machine_info", List.of(job), Map.of()));
    }

    /** {@code notify_job}: the server tells of changes to the job from now on. */
    public void notifyJob(int job) throws InterruptedException {
        call("notify_job", List.of(job), Map.of());
    }

    /** {@code destroy_job}, with the reason the server records. */
    public void destroyJob(int job, String reason) throws InterruptedException {
        call("destroy_job", List.of(job), Map.of("reason", reason));
    }

    /**
     * Waits at most {@code wait} for a notification ({@code {"jobs_changed": [ids]}} or {@code
     * {"machines_changed": [names]}}); one that arrived between replies is returned at once.
     *
     * @return the notification, or null if none came
     */
    public JsonNode awaitNotification(Duration wait) throws InterruptedException {
        return notifications.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    // ------------------------------------------------------------------ the protocol

    /**
     * Sends {@code {"command": command, "args": args, "kwargs": kwargs}} and waits for the reply.
     *
     * @return the value of the reply's {@code return}
     * @throws SpallocException when the server answers an exception, closes the connection,
     *     cannot be reached or does not answer within the timeout
     */
    public JsonNode call(String command, List<?> args, Map<String, ?> kwargs) throws InterruptedException {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("command", command);
        ArrayNode a = request.putArray("args");
        args.forEach(v -> a.addPOJO(v));
        ObjectNode k = request.putObject("kwargs");
        kwargs.forEach(k::putPOJO);
        byte[] line;
        try {
            line = (Json.MAPPER.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(command + ": arguments that are not JSON: " + args + " " + kwargs, e);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        synchronized (sending) {
            if (closed) {
                throw new IllegalStateException("the spalloc client of " + server + " is closed");
            }
            Channel c = open(command);
            synchronized (lock) {
                if (c != channel || !c.isActive()) {
                    throw new SpallocException("spalloc server " + server + " closed the connection before " + command
                            + " was sent");
                }
                pending.add(new Pending(command, reply));
            }
            c.writeAndFlush(Unpooled.wrappedBuffer(line)).addListener(w -> {
                if (!w.isSuccess()) {
                    drop(c, "broke the connection while " + command + " was sent (" + describe(w.cause()) + "),",
                            w.cause());
                }
            });
        }
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            drop(null, "did not answer " + command + " within " + timeout.toMillis() + " ms", null);
            throw new SpallocException("spalloc server " + server + " did not answer " + command + " within "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SpallocException s) {
                throw new SpallocException(s.getMessage(), s); // thrown again here, where the caller waits
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The open connection, connecting first if there is none; called holding {@link #sending}. */
    private Channel open(String command) throws InterruptedException {
        synchronized (lock) {
            if (channel != null && channel.isActive()) {
                return channel;
            }
        }
        ChannelFuture f = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE_BYTES, true, true), new Lines());
                    }
                }).connect(address);
        boolean done;
        try {
            done = f.await(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            f.channel().close();
            throw e;
        }
        if (!done || !f.isSuccess()) {
            f.channel().close();
            Throwable cause = f.cause();
            throw new SpallocException("cannot reach spalloc server " + server + " to send " + command + ": "
                    + (cause == null ? "no connection within " + timeout.toMillis() + " ms" : describe(cause)));
        }
        synchronized (lock) {
            channel = f.channel();
            return channel;
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * Drops the connection {@code which} (any, when null) and fails every call waiting on it:
     * "spalloc server H:P {@code what} before answering {@code command}".
     */
    private void drop(Channel which, String what, Throwable cause) {
        List<Pending> failed;
        Channel c;
        synchronized (lock) {
            if (which != null && which != channel) {
                return; // an older connection, already dropped
            }
            c = channel;
            channel = null;
            failed = List.copyOf(pending);
            pending.clear();
        }
        if (c != null) {
            c.close();
        }
        for (Pending p : failed) {
            p.reply.completeExceptionally(new SpallocException("spalloc server " + server + " " + what
                    + " before answering " + p.command, cause));
        }
    }

    /** One line from the server: a reply to the oldest waiting call, or a notification. */
    private void receive(Channel from, String text) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            drop(from, "sent a line that is not JSON (" + quote(text) + ")", e);
            return;
        }
        if (message == null || !message.isObject()) {
            drop(from, "sent " + quote(text) + ", not a JSON object", null);
            return;
        }
        boolean isReturn = message.has("return");
        if (!isReturn && !message.has("exception")) {
            if (notifications.size() >= MAX_NOTIFICATIONS) {
                notifications.pollFirst();
            }
            notifications.add(message);
            return;
        }
        Pending p;
        synchronized (lock) {
            p = from == channel ? pending.poll() : null;
        }
        if (p == null) {
            drop(from, "sent a reply to no request (" + quote(text) + ")", null);
        } else if (isReturn) {
            p.reply.complete(message.get("return"));
        } else {
            JsonNode m = message.get("exception");
            p.reply.completeExceptionally(new SpallocException("spalloc server " + server + " refused " + p.command
                    + ": " + (m.isTextual() ? m.textValue() : Json.abbreviate(m))));
        }
    }

    private static String quote(String text) {
        return "'" + (text.length() <= Json.QUOTE_CHARS ? text : text.substring(0, Json.QUOTE_CHARS) + "…") + "'";
    }

    /** The connection's lines, on its event-loop thread. */
    private final class Lines extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            String text = line.toString(StandardCharsets.UTF_8);
            // the Java server ends its lines with \r\n
            receive(ctx.channel(), text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            drop(ctx.channel(), "closed the connection", null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            drop(ctx.channel(), cause instanceof TooLongFrameException
                    ? "sent a line longer than " + MAX_LINE_BYTES + " bytes" : "broke the connection (" + describe(cause)
                    + ")", cause);
        }
    }

    @Override
    public void close() {
        closed = true;
        drop(null, "was disconnected by this client", null);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
