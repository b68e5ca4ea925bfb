package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.engram.spinnaker.machine.ChipLocation;

/**
 * A small spalloc server (protocol version 1) on loopback for tests: one machine of boards (the
 * emulated boards a test started, each named by "127.0.0.1:PORT"), jobs queued while the machine
 * is taken or held, then powered (state 2) and ready (3); keepalives counted and jobs destroyed
 * when they stop; notifications to connections that asked for them; and, on request, a command
 * answered by an exception, by closing the connection, or not at all. Lines end with "\r\n", as
 * the Java server's do. Everything runs on one event-loop thread; tests read it through {@link
 * #inspect}.
 */
public final class SpallocTestServer implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String VERSION = "5.0.0";
    /** How often keepalives are checked and powered jobs become ready. */
    static final long TICK_MS = 20;

    /** What the server does when it receives a command set with {@link #misbehave}. */
    public enum Misbehaviour {
        /** answer {"exception": message} */
        EXCEPTION,
        /** close the connection */
        CLOSE,
        /** never answer */
        SILENT
    }

    /** One board of the machine: its Ethernet chip in the job's coordinates, its host, its [x,y,z]. */
    public record Board(ChipLocation ethernet, String host, int x, int y, int z) {}

    /**
     * A job as the server saw it when asked.
     *
     * @param state 1 queued, 2 power, 3 ready, 4 destroyed
     * @param keepaliveTimes when each keepalive arrived (System.nanoTime())
     */
    public record JobView(int id, String owner, List<Integer> args, double keepaliveS, int state, String reason,
            List<Long> keepaliveTimes) {}

    /** A job as the server keeps it. */
    static final class Job {
        final int id;
        final String owner;
        final List<Integer> args;
        final double keepaliveS;
        int state = 1;
        String reason = "";
        final List<Long> keepaliveTimes = new ArrayList<>();
        long lastKeepaliveNanos = System.nanoTime();
        long poweredAtNanos;

        Job(int id, String owner, List<Integer> args, double keepaliveS) {
            this.id = id;
            this.owner = owner;
            this.args = args;
            this.keepaliveS = keepaliveS;
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("spalloc-test", true));
    private final Channel server;
    private final String machineName;
    private final int width;
    private final int height;
    private final List<Board> boards;
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final Map<Channel, Boolean> notified = new LinkedHashMap<>();
    private final Map<String, Misbehaviour> misbehaviours = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private int nextId = 1;
    private Integer holder;
    private boolean held;
    private long powerMs = 30;
    private boolean chatty;

    private SpallocTestServer(String machineName, int width, int height, List<Board> boards)
            throws InterruptedException {
        this.machineName = machineName;
        this.width = width;
        this.height = height;
        this.boards = List.copyOf(boards);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LineBasedFrameDecoder(1 << 16), new Connection());
                    }
                }).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        group.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** A server handing out a machine of {@code boards}, {@code width × height} chips. */
    public static SpallocTestServer start(String machineName, int width, int height, List<Board> boards)
            throws InterruptedException {
        return new SpallocTestServer(machineName, width, height, boards);
    }

    /**
     * The boards of an emulated machine by their Ethernet chips and SCAMP ports, at the logical
     * coordinates of triad (0,0): z is 0 for (0,0), 1 for (8,4), 2 for (4,8).
     */
    public static List<Board> boardsAt(Map<ChipLocation, Integer> scampPorts) {
        List<Board> out = new ArrayList<>();
        scampPorts.forEach((e, port) -> out.add(new Board(e, "127.0.0.1:" + port, e.x() / 12, e.y() / 12,
                e.x() % 12 == 8 ? 1 : e.x() % 12 == 4 ? 2 : 0)));
        return out;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** "127.0.0.1:PORT", as {@code --spalloc} takes it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Runs {@code f} on the server's thread and returns its result. */
    public <T> T inspect(Callable<T> f) {
        try {
            return group.submit(f).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test server inspection failed", e);
        }
    }

    /** Jobs stay queued until {@link #release}. */
    public void hold() {
        inspect(() -> held = true);
    }

    public void release() {
        inspect(() -> {
            held = false;
            tick();
            return null;
        });
    }

    /** How long a granted job stays in the power state. */
    public void powerMs(long ms) {
        inspect(() -> powerMs = ms);
    }

    /** Sends a notification before every reply ({"machines_changed": [machine]}). */
    public void chatty() {
        inspect(() -> chatty = true);
    }

    /** From now on, {@code command} is answered as {@code m} says. */
    public void misbehave(String command, Misbehaviour m) {
        inspect(() -> misbehaviours.put(command, m));
    }

    /** Every command received so far, as "name args". */
    public List<String> commands() {
        return inspect(() -> List.copyOf(commands));
    }

    /** The job with this id as the server sees it now. */
    public JobView job(int id) {
        return inspect(() -> {
            Job j = jobs.get(id);
            return new JobView(j.id, j.owner, j.args, j.keepaliveS, j.state, j.reason, List.copyOf(j.keepaliveTimes));
        });
    }

    /** The ids of jobs not destroyed. */
    public List<Integer> liveJobs() {
        return inspect(() -> jobs.values().stream().filter(j -> j.state != 4).map(j -> j.id).toList());
    }

    // ------------------------------------------------------------------ the server's thread

    private void tick() {
        long now = System.nanoTime();
        for (Job j : jobs.values()) {
            if (j.state != 4 && now - j.lastKeepaliveNanos > j.keepaliveS * 1e9) {
                destroy(j, "keepalive expired");
            }
            if (j.state == 2 && now - j.poweredAtNanos >= powerMs * 1_000_000) {
                change(j, 3, "");
            }
        }
        if (holder == null && !held) {
            jobs.values().stream().filter(j -> j.state == 1).findFirst().ifPresent(j -> {
                holder = j.id;
                j.poweredAtNanos = now;
                change(j, 2, "");
            });
        }
    }

    private void destroy(Job j, String reason) {
        change(j, 4, reason);
        if (holder != null && holder == j.id) {
            holder = null;
            tick();
        }
    }

    private void change(Job j, int state, String reason) {
        j.state = state;
        j.reason = reason;
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("jobs_changed").add(j.id);
        notified.keySet().forEach(c -> send(c, n));
    }

    private void send(Channel c, JsonNode message) {
        c.writeAndFlush(Unpooled.copiedBuffer(message.toString() + "\r\n", StandardCharsets.UTF_8));
    }

    private JsonNode execute(Channel c, String command, JsonNode args, JsonNode kwargs) {
        switch (command) {
            case "version":
                return text(VERSION);
            case "create_job": {
                List<Integer> a = new ArrayList<>();
                args.forEach(v -> a.add(v.intValue()));
                int boardsWanted = a.isEmpty() ? 1 : a.size() == 1 ? a.get(0) : 3 * a.get(0) * a.get(1);
                if (!kwargs.path("owner").isTextual()) {
                    throw new IllegalArgumentException("owner must be specified for all jobs");
                }
                if (boardsWanted > boards.size()) {
                    throw new IllegalArgumentException("no machine has " + boardsWanted + " boards; " + machineName
                            + " has " + boards.size());
                }
                Job j = new Job(nextId++, kwargs.path("owner").textValue(), a, kwargs.path("keepalive").asDouble(60));
                j.reason = holder != null || held ? "waiting for " + boardsWanted + " boards" : "";
                jobs.put(j.id, j);
                tick();
                return JsonNodeFactory.instance.numberNode(j.id);
            }
            case "job_keepalive": {
                Job j = job(args);
                j.lastKeepaliveNanos = System.nanoTime();
                j.keepaliveTimes.add(j.lastKeepaliveNanos);
                return null;
            }
            case "get_job_state": {
                Job j = jobs.get(args.path(0).asInt());
                ObjectNode s = JsonNodeFactory.instance.objectNode();
                s.put("state", j == null ? 0 : j.state);
                s.put("power", j != null && (j.state == 2 || j.state == 3));
                s.put("keepalive", j == null ? 0 : j.keepaliveS);
                s.put("reason", j == null ? null : j.reason);
                s.put("start_time", 1.125);
                s.put("keepalivehost", "127.0.0.1");
                return s;
            }
            case "get_job_machine_info": {
                Job j = job(args);
                if (j.state != 3 && j.state != 2) {
                    throw new IllegalArgumentException("boards not allocated");
                }
                ObjectNode m = JsonNodeFactory.instance.objectNode();
                m.put("width", width);
                m.put("height", height);
                ArrayNode cs = m.putArray("connections");
                ArrayNode bs = m.putArray("boards");
                for (Board b : boards) {
                    ArrayNode conn = cs.addArray();
                    conn.addArray().add(b.ethernet().x()).add(b.ethernet().y());
                    conn.add(b.host());
                    bs.addArray().add(b.x()).add(b.y()).add(b.z());
                }
                m.put("machine_name", machineName);
                return m;
            }
            case "destroy_job":
                destroy(job(args), kwargs.path("reason").asText(""));
                return null;
            case "notify_job":
                notified.put(c, true);
                return null;
            case "no_notify_job":
                notified.remove(c);
                return null;
            default:
                throw new IllegalArgumentException("unknown command: " + command);
        }
    }

    private Job job(JsonNode args) {
        Job j = jobs.get(args.path(0).asInt(-1));
        if (j == null) {
            throw new IllegalArgumentException("no such job: " + args.path(0));
        }
        return j;
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    private final class Connection extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) throws Exception {
            JsonNode request = MAPPER.readTree(line.toString(StandardCharsets.UTF_8));
            String command = request.path("command").asText();
            commands.add(command + " " + request.path("args") + " " + request.path("kwargs"));
            Misbehaviour m = misbehaviours.get(command);
            if (m == Misbehaviour.CLOSE) {
                ctx.close();
                return;
            }
            if (m == Misbehaviour.SILENT) {
                return;
            }
            if (chatty) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.putArray("machines_changed").add(machineName);
                send(ctx.channel(), n);
            }
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            try {
                if (m == Misbehaviour.EXCEPTION) {
                    throw new IllegalArgumentException(command + " is refused by this test");
                }
                reply.set("return", execute(ctx.channel(), command, request.path("args"), request.path("kwargs")));
            } catch (IllegalArgumentException e) {
                reply = JsonNodeFactory.instance.objectNode().put("exception", e.getMessage());
            }
            send(ctx.channel(), reply);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            notified.remove(ctx.channel());
        }
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
