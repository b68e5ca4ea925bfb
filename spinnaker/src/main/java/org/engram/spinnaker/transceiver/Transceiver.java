package org.engram.spinnaker.transceiver;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.engram.spinnaker.boot.BootImage;
import org.engram.spinnaker.boot.BootPacket;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.scp.AllocCommand;
import org.engram.spinnaker.scp.ApplicationCopyRun;
import org.engram.spinnaker.scp.ApplicationRun;
import org.engram.spinnaker.scp.ApplicationStart;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.CountState;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.FillMemory;
import org.engram.spinnaker.scp.GetChipInfo;
import org.engram.spinnaker.scp.GetVersion;
import org.engram.spinnaker.scp.IdOpMask;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.IpTagCommand;
import org.engram.spinnaker.scp.NearestNeighbourPacket;
import org.engram.spinnaker.scp.ReadMemory;
import org.engram.spinnaker.scp.RouterCommand;
import org.engram.spinnaker.scp.RouterEntry;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpRequest;
import org.engram.spinnaker.scp.SendSignal;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.scp.WriteMemory;
import org.engram.spinnaker.transport.BootSender;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.ScpConnection;
import org.engram.spinnaker.transport.ScpException;
import org.engram.spinnaker.transport.TransportStats;

/**
 * Talks to a SpiNNaker machine (or the emulator) through its boards' Ethernet chips: one
 * connection per board, each with its own window, a request going through the connection of its
 * chip's board once {@link #discoverMachine} has learnt which board each chip is on (through the
 * root board's before, and for what concerns the whole machine: signals, core counts, IP tags).
 * Multi-packet operations are cut into 256-byte SCP requests and submitted together, so up to
 * the window (8) are in flight on each board's connection at once. Arguments are validated before
 * anything is sent.
 */
public final class Transceiver implements AutoCloseable {
    /** SpiNN-5, the board the emulator emulates. */
    public static final int DEFAULT_BOARD_VERSION = 5;
    /** SpiNNMan's boot pacing: 0.1 s after every boot packet. */
    public static final long DEFAULT_BOOT_PACE_MS = 100;
    /** Largest single read or write the façade accepts (one chip's SDRAM). */
    public static final long MAX_TRANSFER_BYTES = MemoryRegion.SDRAM.sizeBytes();
    /** Where route tables are staged before CMD_RTR LOAD, as SpiNNMan does (sv->sdram_sys). */
    public static final long ROUTE_BUFFER = MemoryRegion.SDRAM_SYS;
    /** How a silent board is probed before a boot: short, so that a board waiting to be booted costs little. */
    static final RetryPolicy PROBE = RetryPolicy.DEFAULT.withTimeoutMs(250).withRetries(1);

    private final String host;
    private final InetSocketAddress scpAddress;
    private final InetSocketAddress bootAddress;
    /** The root board's connection (the board of chip (0,0)). */
    private final ScpConnection connection;
    /** Every board's address and connection by its Ethernet chip, the root board first. */
    private final Map<ChipLocation, BoardAddress> addresses;
    private final Map<ChipLocation, ScpConnection> boards;
    /** Each chip's board's connection, learnt by {@link #discoverMachine}; chips not in it go through the root. */
    private volatile Map<ChipLocation, ScpConnection> byChip = Map.of();
    private long bootPaceMs = DEFAULT_BOOT_PACE_MS;

    private Transceiver(String host, InetSocketAddress boot, Map<ChipLocation, BoardAddress> addresses,
            Map<ChipLocation, ScpConnection> boards) {
        this.host = host;
        this.bootAddress = boot;
        this.addresses = addresses;
        this.boards = boards;
        this.connection = boards.get(ChipLocation.ZERO);
        this.scpAddress = connection.board();
    }

    /**
     * Opens a connection to a board's SCAMP port.
     *
     * @throws InvalidRequestException for an unknown host or a port outside 1..65535
     */
    public static Transceiver connect(String host, int scpPort, int bootPort, RetryPolicy policy)
            throws InterruptedException {
        return connect(host, scpPort, bootPort, policy, line -> { });
    }

    /**
     * As {@link #connect(String, int, int, RetryPolicy)}, telling {@code progress} (one line at a
     * time) while a request waits for a board that does not answer: "…: no reply, attempt 2 of
     * 11".
     */
    public static Transceiver connect(String host, int scpPort, int bootPort, RetryPolicy policy,
            Consumer<String> progress) throws InterruptedException {
        checkPort("SCAMP", scpPort);
        return connect(List.of(new BoardAddress(ChipLocation.ZERO, host, scpPort)), bootPort, policy, progress);
    }

    /**
     * Opens one connection to each board of a machine (as spalloc hands them out); the boot port
     * is the root board's, whose boot boots the whole machine.
     *
     * @throws InvalidRequestException for an unknown host, a port outside 1..65535, no board at
     *     (0,0) or two boards at one Ethernet chip
     */
    public static Transceiver connect(List<BoardAddress> machine, int bootPort, RetryPolicy policy,
            Consumer<String> progress) throws InterruptedException {
        checkPort("boot", bootPort);
        Map<ChipLocation, BoardAddress> addresses = new LinkedHashMap<>();
        Map<ChipLocation, InetSocketAddress> resolved = new LinkedHashMap<>();
        List<BoardAddress> rootFirst = new ArrayList<>(machine);
        rootFirst.sort(Comparator.comparing(b -> !b.ethernet().equals(ChipLocation.ZERO)));
        for (BoardAddress b : rootFirst) {
            if (addresses.put(b.ethernet(), b) != null) {
                throw new InvalidRequestException("two boards are given at Ethernet chip " + b.ethernet());
            }
            resolved.put(b.ethernet(), new InetSocketAddress(resolve(b.host()), b.scpPort()));
        }
        BoardAddress root = addresses.get(ChipLocation.ZERO);
        if (root == null) {
            throw new InvalidRequestException("no board at chip (0,0) among " + addresses.keySet()
                    + ": the root board is the one that boots the machine");
        }
        Map<ChipLocation, ScpConnection> open = new LinkedHashMap<>();
        try {
            for (var e : resolved.entrySet()) {
                open.put(e.getKey(), ScpConnection.open(e.getValue(), policy, progress));
            }
        } catch (InterruptedException | RuntimeException e) {
            open.values().forEach(ScpConnection::close);
            throw e;
        }
        return new Transceiver(root.host(), new InetSocketAddress(resolved.get(ChipLocation.ZERO).getAddress(),
                bootPort), Collections.unmodifiableMap(addresses), Collections.unmodifiableMap(open));
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("unknown host '" + host + "'");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidRequestException(what + " port " + port + " outside 1..65535");
        }
    }

    /** The boards this transceiver talks to, the root board first. */
    public List<BoardAddress> boards() {
        return List.copyOf(addresses.values());
    }

    public InetSocketAddress scpAddress() {
        return scpAddress;
    }

    /** Pause after each boot packet (SpiNNMan: 100 ms; loopback tests use 0). */
    public void setBootPaceMs(long ms) {
        if (ms < 0) {
            throw new InvalidRequestException("boot pacing " + ms + " ms must not be negative");
        }
        this.bootPaceMs = ms;
    }

    // ------------------------------------------------------------------ boot

    /**
     * Sends a boot image ({@code scamp.boot}) to the board's boot port. Nothing is acknowledged;
     * follow with {@link #waitUntilReady}.
     *
     * @throws InvalidRequestException if the file is missing or unreadable, not a boot image, or
     *     the board version is not 1–5
     */
    public void boot(Path image, int boardVersion) throws InterruptedException {
        if (boardVersion < 1 || boardVersion > 5) {
            throw new InvalidRequestException("board version " + boardVersion + " is not one of 1, 2, 3, 4, 5");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("boot image " + image + ": no such file");
        } catch (IOException e) {
            throw new InvalidRequestException("boot image " + image + ": cannot read it: " + e.getMessage(), e);
        }
        List<BootPacket> packets;
        try {
            packets = BootImage.packets(bytes, boardVersion, System.currentTimeMillis() / 1000);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(image + ": " + e.getMessage());
        }
        BootSender.send(bootAddress, packets, bootPaceMs);
    }

    /**
     * Polls CMD_VER on the root board until SCAMP reports a P2P address (not (255,255)), then
     * checks it is SC&amp;MP 4.x; on a machine of several boards, then every other board too.
     *
     * @throws ScpException if no valid reply came before the deadline
     */
    public VersionInfo waitUntilReady(Duration timeout, Duration pollInterval) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        VersionInfo root = null;
        for (ChipLocation board : boards.keySet()) {
            VersionInfo v = waitUntilReady(board, deadline, timeout, pollInterval);
            root = root == null ? v : root;
        }
        return root;
    }

    private VersionInfo waitUntilReady(ChipLocation board, long deadline, Duration timeout, Duration pollInterval)
            throws InterruptedException {
        CoreLocation monitor = new CoreLocation(ChipLocation.ROOT_ALIAS, 0);
        while (true) {
            try {
                VersionInfo v = boards.get(board).call(new GetVersion(monitor));
                if (v.isReady()) {
                    return checkScamp(board, v);
                }
            } catch (ScpException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ScpException("CMD_VER", monitor, ScpException.NO_REPLY, 0, true,
                        "board " + addresses.get(board), "SCAMP did not report a P2P address within "
                        + timeout.toMillis() + " ms");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** A board's version, checked: ready, SC&amp;MP 4.x, answering as the board's own Ethernet chip. */
    private VersionInfo checkScamp(ChipLocation board, VersionInfo v) {
        if (!v.isReady()) {
            throw new InvalidRequestException("board " + addresses.get(board) + " has not finished booting (SCAMP"
                    + " reports no P2P address yet); wait until it is ready");
        }
        if (!VersionInfo.SCAMP_NAME.equals(v.name()) || v.major() != 4) {
            throw new InvalidRequestException(addresses.get(board).host() + " runs " + v.name() + " " + v.version()
                    + "; expected " + VersionInfo.SCAMP_NAME + " 4.x");
        }
        if (!v.chip().equals(board)) {
            throw new InvalidRequestException("board " + addresses.get(board) + " answers as chip " + v.chip()
                    + "; it was given as the board of Ethernet chip " + board);
        }
        return v;
    }

    /**
     * Boots the machine if a board's SCAMP does not answer: every board's Ethernet chip is asked
     * for its version (a short probe); when the root board is silent, the boot image goes to its
     * boot port, which boots every board of the machine over the links between them (as SpiNNMan
     * boots a machine of several boards), and then every board must report ready within {@code
     * timeout}. Boards that stay silent while the root answers are waited for until then too.
     *
     * @return the boards that did not answer at first (the root among them: the machine was booted)
     * @throws ScpException naming a board that did not become ready
     */
    public List<BoardAddress> bootIfSilent(Path image, int boardVersion, Duration timeout, Duration pollInterval)
            throws InterruptedException {
        List<BoardAddress> silent = new ArrayList<>();
        boolean allReady = true;
        for (BoardAddress b : addresses.values()) {
            try (ScpConnection probe = ScpConnection.open(boards.get(b.ethernet()).board(), PROBE, line -> { })) {
                // a board in network initialisation answers with no address yet: booted, not ready
                allReady &= probe.call(new GetVersion(new CoreLocation(ChipLocation.ROOT_ALIAS, 0))).isReady();
            } catch (ScpException e) {
                silent.add(b);
            }
        }
        if (!silent.isEmpty() && silent.get(0).ethernet().equals(ChipLocation.ZERO)) {
            boot(image, boardVersion);
        }
        if (!silent.isEmpty() || !allReady) {
            waitUntilReady(timeout, pollInterval);
        }
        return List.copyOf(silent);
    }

    // ------------------------------------------------------------------ simple queries

    public VersionInfo version(CoreLocation core) throws InterruptedException {
        return call(new GetVersion(core));
    }

    public ChipInfo chipInfo(ChipLocation chip) throws InterruptedException {
        return call(new GetChipInfo(chip));
    }

    // ------------------------------------------------------------------ memory

    private static MemoryRegion.Located checkRange(ChipLocation chip, long address, long length) {
        if (length < 1 || length > MAX_TRANSFER_BYTES) {
            throw new InvalidRequestException("chip " + chip + ": length " + length
                    + " outside 1.." + MAX_TRANSFER_BYTES + " bytes");
        }
        return MemoryRegion.locate(address, length).orElseThrow(() -> new InvalidRequestException(
                String.format("chip %s: address 0x%X with length %d is outside the chip's memory (%s)",
                        chip, address, length, MemoryRegion.describe())));
    }

    /** Reads {@code length} bytes, in pipelined 256-byte requests. */
    public byte[] readMemory(ChipLocation chip, long address, int length) throws InterruptedException {
        return readMemory(List.of(new MemoryRead(chip, address, length))).get(0);
    }

    /** A range of a chip's memory to read. */
    public record MemoryRead(ChipLocation chip, long address, int length) {}

    /**
     * Reads every range, all in one stream of pipelined 256-byte requests through the ranges'
     * boards; every range is checked before anything is sent.
     */
    public List<byte[]> readMemory(List<MemoryRead> ranges) throws InterruptedException {
        List<ReadMemory> requests = new ArrayList<>();
        for (MemoryRead r : ranges) {
            checkRange(r.chip(), r.address(), r.length());
            CoreLocation core = new CoreLocation(r.chip(), 0);
            for (int off = 0; off < r.length(); off += ScpMessage.MAX_DATA) {
                requests.add(new ReadMemory(core, r.address() + off, Math.min(ScpMessage.MAX_DATA, r.length() - off)));
            }
        }
        List<CompletableFuture<byte[]>> parts = sendAll(requests);
        List<byte[]> out = new ArrayList<>();
        int next = 0;
        for (MemoryRead r : ranges) {
            byte[] bytes = new byte[r.length()];
            for (int off = 0; off < r.length(); off += ScpMessage.MAX_DATA) {
                byte[] b = ScpConnection.await(parts.get(next++));
                System.arraycopy(b, 0, bytes, off, b.length);
            }
            out.add(bytes);
        }
        return out;
    }

    /** Writes all of {@code data}, in pipelined 256-byte requests. */
    public void writeMemory(ChipLocation chip, long address, byte[] data) throws InterruptedException {
        writeMemory(List.of(new MemoryWrite(chip, address, data)));
    }

    /** One block of bytes to write at an address of a chip. */
    public record MemoryWrite(ChipLocation chip, long address, byte[] data) {}

    /**
     * Writes every block, all in one stream of pipelined 256-byte requests (the window never
     * drains between blocks, as it would between calls of one block each); every block is
     * checked before anything is sent.
     */
    public void writeMemory(List<MemoryWrite> blocks) throws InterruptedException {
        for (MemoryWrite w : blocks) {
            checkRange(w.chip(), w.address(), w.data().length);
            if (MemoryRegion.locate(w.address(), w.data().length).orElseThrow().region() == MemoryRegion.ROUTER) {
                throw new InvalidRequestException("chip " + w.chip()
                        + ": the router is programmed with loadRoutes, not written");
            }
        }
        List<WriteMemory> requests = new ArrayList<>();
        for (MemoryWrite w : blocks) {
            CoreLocation core = new CoreLocation(w.chip(), 0);
            byte[] data = w.data();
            for (int off = 0; off < data.length; off += ScpMessage.MAX_DATA) {
                int n = Math.min(ScpMessage.MAX_DATA, data.length - off);
                requests.add(new WriteMemory(core, w.address() + off, Arrays.copyOfRange(data, off, off + n)));
            }
        }
        awaitAll(sendAll(requests));
    }

    /** Fills {@code bytes} bytes (a multiple of 4, from a word-aligned address) with a word. */
    public void fillMemory(ChipLocation chip, long address, int word, long bytes) throws InterruptedException {
        checkRange(chip, address, bytes);
        if (address % 4 != 0 || bytes % 4 != 0) {
            throw new InvalidRequestException("fill: address and byte count must be multiples of 4");
        }
        call(new FillMemory(new CoreLocation(chip, 0), address, word, bytes));
    }

    private static <T> void awaitAll(List<CompletableFuture<T>> parts) throws InterruptedException {
        for (CompletableFuture<T> f : parts) {
            ScpConnection.await(f);
        }
    }

    // ------------------------------------------------------------------ SDRAM

    /** Allocates SDRAM for an application; returns the address. */
    public long allocateSdram(ChipLocation chip, int appId, long sizeBytes, int tag) throws InterruptedException {
        long a = allocateSdram(List.of(new SdramRequest(chip, appId, sizeBytes, tag)))[0];
        if (a == 0) {
            long[] space = call(AllocCommand.sdramSpace(chip));
            throw new InvalidRequestException("chip " + chip + ": cannot allocate " + sizeBytes
                    + " bytes of SDRAM for app " + appId + (tag != 0 ? " with tag " + tag : "")
                    + "; largest free block is " + space[1] + " bytes (or the tag is taken)");
        }
        return a;
    }

    /** One block of SDRAM to allocate for an application ({@code tag} 0: untagged). */
    public record SdramRequest(ChipLocation chip, int appId, long sizeBytes, int tag) {}

    /**
     * Allocates every block, the requests pipelined through their boards' windows; every request
     * is checked before anything is sent.
     *
     * @return each block's address, in order; 0 for a block SCAMP found no room for (as CMD_ALLOC
     *     answers), which {@link #allocateSdram(ChipLocation, int, long, int)} explains
     */
    public long[] allocateSdram(List<SdramRequest> blocks) throws InterruptedException {
        List<ScpRequest<Long>> requests = new ArrayList<>();
        for (SdramRequest b : blocks) {
            checkAppId(b.appId());
            if (b.sizeBytes() < 1 || b.sizeBytes() > MemoryRegion.SDRAM.sizeBytes()) {
                throw new InvalidRequestException("SDRAM size " + b.sizeBytes() + " outside 1.."
                        + MemoryRegion.SDRAM.sizeBytes());
            }
            if (b.tag() < 0 || b.tag() > 255) {
                throw new InvalidRequestException("SDRAM tag " + b.tag() + " outside 0..255");
            }
            requests.add(AllocCommand.allocSdram(b.chip(), b.appId(), b.sizeBytes(), b.tag()));
        }
        List<CompletableFuture<Long>> replies = sendAll(requests);
        long[] out = new long[blocks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ScpConnection.await(replies.get(i));
        }
        return out;
    }

    public void freeSdram(ChipLocation chip, int appId, long address) throws InterruptedException {
        checkAppId(appId);
        call(AllocCommand.freeSdram(chip, appId, address));
    }

    public int freeSdramByAppId(ChipLocation chip, int appId) throws InterruptedException {
        checkAppId(appId);
        return call(AllocCommand.freeSdramById(chip, appId));
    }

    private static void checkAppId(int appId) {
        if (appId < 0 || appId > 255) {
            throw new InvalidRequestException("app id " + appId + " outside 0..255");
        }
    }

    // ------------------------------------------------------------------ IP tags

    /** Sets IP tag {@code tag} (0–7) of the Ethernet chip to send to {@code targetHost:port}. */
    public int setIpTag(int tag, String targetHost, int port, boolean strip) throws InterruptedException {
        checkFixedTag(tag);
        checkPort("IP tag", port);
        byte[] ip;
        try {
            InetAddress a = InetAddress.getByName(targetHost);
            if (!(a instanceof Inet4Address)) {
                throw new InvalidRequestException("IP tag host '" + targetHost + "' is not an IPv4 address");
            }
            ip = a.getAddress();
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("unknown host '" + targetHost + "'");
        }
        return call(IpTagCommand.set(ChipLocation.ZERO, tag, ip, port, strip));
    }

    /** Sets a reverse IP tag: datagrams to {@code udpPort} of the board go to {@code core}'s SDP port. */
    public int setReverseIpTag(int tag, int udpPort, CoreLocation core, int sdpPort) throws InterruptedException {
        checkFixedTag(tag);
        checkPort("reverse IP tag", udpPort);
        if (sdpPort < 1 || sdpPort > 7) {
            throw new InvalidRequestException("SDP port " + sdpPort + " outside 1..7");
        }
        return call(IpTagCommand.setReverse(ChipLocation.ZERO, tag, udpPort, core, sdpPort));
    }

    public IpTag getIpTag(int tag) throws InterruptedException {
        if (tag < 0 || tag >= IpTagCommand.TABLE_SIZE) {
            throw new InvalidRequestException("IP tag " + tag + " outside 0.." + (IpTagCommand.TABLE_SIZE - 1));
        }
        return call(IpTagCommand.get(ChipLocation.ZERO, tag, 1)).get(0);
    }

    /** The whole tag table (16 entries, two GET requests of 8). */
    public List<IpTag> getIpTags() throws InterruptedException {
        List<IpTag> all = new ArrayList<>(call(IpTagCommand.get(ChipLocation.ZERO, 0, 8)));
        all.addAll(call(IpTagCommand.get(ChipLocation.ZERO, 8, 8)));
        return all;
    }

    public void clearIpTag(int tag) throws InterruptedException {
        checkFixedTag(tag);
        call(IpTagCommand.clear(ChipLocation.ZERO, tag));
    }

    /** Sets the transient-tag timeout code (SpiNNMan uses 9); returns the previous code. */
    public int setTransientTagTimeout(int tto) throws InterruptedException {
        if (tto < 0 || tto > IpTagCommand.MAX_TTO) {
            throw new InvalidRequestException("tag timeout code " + tto + " outside 0.." + IpTagCommand.MAX_TTO);
        }
        return call(IpTagCommand.timeout(ChipLocation.ZERO, tto));
    }

    private static void checkFixedTag(int tag) {
        if (tag < 0 || tag >= IpTagCommand.FIXED_TAGS) {
            throw new InvalidRequestException("IP tag " + tag + " outside 0.." + (IpTagCommand.FIXED_TAGS - 1)
                    + " (8-15 are SCAMP's transient tags)");
        }
    }

    // ------------------------------------------------------------------ router

    /**
     * Loads routing entries for an application as SpiNNMan does: stage them in system SDRAM as
     * {@link RouterEntry} records numbered from 0, with an all-ones terminator, allocate router
     * entries (ALLOC_RTR), then CMD_RTR LOAD at that offset. Returns the first entry used.
     */
    public int loadRoutes(ChipLocation chip, List<RoutingEntry> entries, int appId) throws InterruptedException {
        return loadRoutes(Map.of(chip, entries), appId).get(chip);
    }

    /**
     * Loads every chip's table as {@link #loadRoutes(ChipLocation, List, int)} does, each step
     * for all chips at once (the staging writes in one stream, then the allocations, then the
     * loads), pipelined through the chips' boards; every table is checked before anything is sent.
     *
     * @return the first entry each chip's table was loaded at
     */
    public Map<ChipLocation, Integer> loadRoutes(Map<ChipLocation, List<RoutingEntry>> tables, int appId)
            throws InterruptedException {
        checkAppId(appId);
        List<ChipLocation> chips = new ArrayList<>(new TreeMap<>(tables).keySet());
        List<MemoryWrite> staging = new ArrayList<>();
        List<ScpRequest<Integer>> allocations = new ArrayList<>();
        for (ChipLocation chip : chips) {
            List<RoutingEntry> entries = tables.get(chip);
            if (entries.isEmpty() || entries.size() > MemoryRegion.MC_TABLE_SIZE - 1) {
                throw new InvalidRequestException("chip " + chip + ": " + entries.size()
                        + " routing entries; expected 1.." + (MemoryRegion.MC_TABLE_SIZE - 1));
            }
            byte[] buffer = new byte[(entries.size() + 1) * RouterEntry.SIZE];
            for (int i = 0; i < entries.size(); i++) {
                RoutingEntry e = entries.get(i);
                new RouterEntry(i, 0, e.route(), e.key(), e.mask()).encode(buffer, i * RouterEntry.SIZE);
            }
            Arrays.fill(buffer, entries.size() * RouterEntry.SIZE, buffer.length, (byte) 0xFF);
            staging.add(new MemoryWrite(chip, ROUTE_BUFFER, buffer));
            allocations.add(AllocCommand.allocRouter(chip, appId, entries.size()));
        }
        writeMemory(staging);
        List<CompletableFuture<Integer>> allocated = sendAll(allocations);
        Map<ChipLocation, Integer> bases = new TreeMap<>();
        List<ScpRequest<Void>> loads = new ArrayList<>();
        for (int k = 0; k < chips.size(); k++) {
            ChipLocation chip = chips.get(k);
            int base = ScpConnection.await(allocated.get(k));
            if (base == 0) {
                ChipInfo info = chipInfo(chip);
                throw new InvalidRequestException("chip " + chip + ": cannot allocate " + tables.get(chip).size()
                        + " router entries; largest free block is " + info.freeRouterEntries());
            }
            bases.put(chip, base);
            loads.add(RouterCommand.load(chip, appId, ROUTE_BUFFER, tables.get(chip).size(), base));
        }
        awaitAll(sendAll(loads));
        return bases;
    }

    /**
     * Every entry in use in SCAMP's copy of the router table (at {@code sv->rtr_copy}, 1024
     * entries read in 256-byte requests), as SpiNNMan's {@code get_multicast_routes(x, y)}: an
     * entry whose route is 0xFF000000 or more is unused; the owner is the low byte of {@code
     * free}. Entry 0 is SCAMP's own (app id 0).
     */
    public List<RoutingEntry> readRoutes(ChipLocation chip) throws InterruptedException {
        return readRoutes(chip, OptionalInt.empty());
    }

    /** The entries of one application, as SpiNNMan's {@code get_multicast_routes(x, y, app_id)}. */
    public List<RoutingEntry> readRoutes(ChipLocation chip, int appId) throws InterruptedException {
        checkAppId(appId);
        return readRoutes(chip, OptionalInt.of(appId));
    }

    private List<RoutingEntry> readRoutes(ChipLocation chip, OptionalInt appId) throws InterruptedException {
        byte[] ptr = readMemory(chip, MemoryRegion.SV_BASE + SystemVariables.RTR_COPY, 4);
        long copy = SystemVariables.getU32(ptr, 0) & 0xFFFF_FFFFL;
        byte[] table = readMemory(chip, copy, MemoryRegion.MC_TABLE_SIZE * RouterEntry.SIZE);
        List<RoutingEntry> out = new ArrayList<>();
        for (int i = 0; i < MemoryRegion.MC_TABLE_SIZE; i++) {
            RouterEntry e = RouterEntry.decode(table, i * RouterEntry.SIZE);
            if (!e.isCleared() && (appId.isEmpty() || e.appId() == appId.getAsInt())) {
                out.add(new RoutingEntry(e.key(), e.mask(), e.route(), e.appId()));
            }
        }
        return out;
    }

    /** Frees and clears every router block of an application; returns the number of blocks. */
    public int clearRoutes(ChipLocation chip, int appId) throws InterruptedException {
        checkAppId(appId);
        return call(AllocCommand.freeRouterById(chip, appId));
    }

    // ------------------------------------------------------------------ applications

    /** Starts the image at {@code aplxAddress} (in SDRAM) on the given virtual cores (1–17). */
    public void startApplication(ChipLocation chip, long aplxAddress, Set<Integer> cores, int appId,
            boolean waitForStart) throws InterruptedException {
        IdOpMask mask = startMask(chip, cores, appId, waitForStart);
        var where = MemoryRegion.locate(aplxAddress, 4);
        if (where.isEmpty() || where.get().region() != MemoryRegion.SDRAM) {
            throw new InvalidRequestException(String.format("APLX address 0x%X is not in SDRAM", aplxAddress));
        }
        call(new ApplicationStart(chip, aplxAddress, mask));
    }

    /**
     * Loads an application image onto cores of many chips as SpiNNMan's {@code execute_flood}
     * does: the image goes to chip (0,0) at {@code sv->sdram_sys} (0x67800000), CMD_AR starts it
     * there, and every other chip that needs it, for its own cores or to pass it on, copies it
     * from the neighbour on its link towards (0,0) (the parent link CMD_INFO reports) with
     * CMD_APP_COPY_RUN and starts it, one distance from (0,0) after another, so that each copies
     * from a chip that already has it. Chips that only pass the image on start no cores
     * (SpiNNMan copies to every chip of the machine; this copies to the chips on the way only).
     *
     * @param cores the virtual cores (1–17) to start, by chip
     * @param image the image, a whole number of words up to 256 KiB
     * @param waitForStart whether the cores wait at SYNC0 for a START signal
     * @throws ScpException RC_SUM if a chip's copy does not sum to the image's checksum
     */
    public void executeFlood(Map<ChipLocation, Set<Integer>> cores, byte[] image, int appId, boolean waitForStart)
            throws InterruptedException {
        if (cores.isEmpty()) {
            throw new InvalidRequestException("no chips given to load application " + appId + " on");
        }
        Map<ChipLocation, IdOpMask> masks = new TreeMap<>();
        cores.forEach((chip, set) -> masks.put(chip, startMask(chip, set, appId, waitForStart)));
        if (image.length == 0 || image.length % 4 != 0 || image.length > ApplicationCopyRun.MAX_SIZE_BYTES) {
            throw new InvalidRequestException("application image of " + image.length + " bytes; expected a multiple"
                    + " of 4 from 4 to " + ApplicationCopyRun.MAX_SIZE_BYTES + " (the system block at 0x67800000)");
        }
        Map<ChipLocation, ParentLink> parents = parentLinks(masks.keySet());
        writeMemory(ChipLocation.ZERO, MemoryRegion.SDRAM_SYS, image);
        if (masks.containsKey(ChipLocation.ZERO)) {
            call(new ApplicationRun(ChipLocation.ZERO, masks.get(ChipLocation.ZERO)));
        }
        int checksum = ApplicationCopyRun.wordSum(image);
        IdOpMask passOn = IdOpMask.of(appId, 0, waitForStart);
        for (List<ChipLocation> level : byDistance(parents)) {
            List<ApplicationCopyRun> copies = new ArrayList<>();
            for (ChipLocation c : level) {
                copies.add(new ApplicationCopyRun(c, parents.get(c).link(), image.length, checksum,
                        masks.getOrDefault(c, passOn)));
            }
            awaitAll(sendAll(copies));
        }
    }

    /**
     * The link towards (0,0) of each chip in {@code targets} other than (0,0) and of the chips on
     * the way, read with CMD_INFO a generation at a time.
     */
    private Map<ChipLocation, ParentLink> parentLinks(Set<ChipLocation> targets) throws InterruptedException {
        byte[] dims = readMemory(ChipLocation.ZERO, MemoryRegion.SV_BASE + SystemVariables.P2P_DIMS, 2);
        int height = dims[0] & 0xFF;
        int width = dims[1] & 0xFF;
        Map<ChipLocation, ParentLink> links = new TreeMap<>();
        Set<ChipLocation> frontier = new TreeSet<>(targets);
        frontier.remove(ChipLocation.ZERO);
        while (!frontier.isEmpty()) {
            List<ChipLocation> asked = List.copyOf(frontier);
            List<CompletableFuture<ChipInfo>> infos = sendAll(asked.stream().map(GetChipInfo::new).toList());
            frontier.clear();
            for (int i = 0; i < asked.size(); i++) {
                ChipLocation c = asked.get(i);
                int link = ScpConnection.await(infos.get(i)).parentLink();
                if (link < 0 || link > 5) {
                    throw new InvalidRequestException("chip " + c + " reports no link towards chip (0,0) (parent link "
                            + link + "), so it cannot copy the image from a neighbour");
                }
                Direction d = Direction.values()[link];
                ChipLocation parent = new ChipLocation(Math.floorMod(c.x() + d.dx, width),
                        Math.floorMod(c.y() + d.dy, height));
                links.put(c, new ParentLink(link, parent));
                if (!parent.equals(ChipLocation.ZERO) && !links.containsKey(parent)) {
                    frontier.add(parent);
                }
            }
        }
        return links;
    }

    /** The chips by their number of links from (0,0) along parent links: the nearest first. */
    private static List<List<ChipLocation>> byDistance(Map<ChipLocation, ParentLink> parents) {
        TreeMap<Integer, List<ChipLocation>> levels = new TreeMap<>();
        for (ChipLocation c : parents.keySet()) {
            int distance = 1;
            for (ChipLocation p = parents.get(c).parent(); !p.equals(ChipLocation.ZERO); p = parents.get(p).parent()) {
                if (++distance > parents.size()) {
                    throw new InvalidRequestException("chip " + c + ": the parent links reported by CMD_INFO"
                            + " go round in a circle instead of reaching chip (0,0)");
                }
            }
            levels.computeIfAbsent(distance, k -> new ArrayList<>()).add(c);
        }
        return List.copyOf(levels.values());
    }

    /** A chip's link towards (0,0) and the chip across it. */
    private record ParentLink(int link, ChipLocation parent) {}

    /**
     * Stops every core of an application as SpiNNMan's {@code stop_application} does: the STOP
     * signal in a nearest-neighbour packet from chip (0,0), which every chip acts on; each frees
     * the application's SDRAM and router entries and leaves its cores idle.
     */
    public void stopApplication(int appId) throws InterruptedException {
        checkAppId(appId);
        call(NearestNeighbourPacket.stopApplication(appId));
    }

    /** The id_op_mask starting {@code cores} (1–17, at least one) of a chip. */
    private static IdOpMask startMask(ChipLocation chip, Set<Integer> cores, int appId, boolean waitForStart) {
        if (appId < 1 || appId > 255) {
            throw new InvalidRequestException("app id " + appId + " outside 1..255");
        }
        if (cores.isEmpty()) {
            throw new InvalidRequestException("chip " + chip + ": no cores given to start application " + appId
                    + " on");
        }
        for (int p : cores) {
            if (p < 1 || p > 17) {
                throw new InvalidRequestException("chip " + chip + ": core " + p
                        + " outside 1..17 (core 0 runs SCAMP)");
            }
        }
        return IdOpMask.of(appId, IdOpMask.coreMask(cores), waitForStart);
    }

    public void sendSignal(int appId, Signal signal) throws InterruptedException {
        checkAppId(appId);
        call(new SendSignal(signal, appId));
    }

    public int countState(int appId, CpuState state) throws InterruptedException {
        checkAppId(appId);
        return call(new CountState(appId, state));
    }

    /** Reads a core's VCPU block. */
    public CoreStatus readVcpu(CoreLocation core) throws InterruptedException {
        if (core.p() > 17) {
            throw new InvalidRequestException("core " + core + ": virtual cores are 0..17");
        }
        byte[] b = readMemory(core.chip(), MemoryRegion.VCPU_BASE + (long) MemoryRegion.VCPU_SIZE * core.p(),
                MemoryRegion.VCPU_SIZE);
        int nameEnd = 72;
        while (nameEnd < 88 && b[nameEnd] != 0) {
            nameEnd++;
        }
        long[] user = new long[4];
        for (int i = 0; i < 4; i++) {
            user[i] = SystemVariables.getU32(b, 112 + 4 * i) & 0xFFFF_FFFFL;
        }
        return new CoreStatus(core, b[46] & 0xFF, b[47] & 0xFF,
                new String(b, 72, nameEnd - 72, StandardCharsets.US_ASCII),
                SystemVariables.getU32(b, 88) & 0xFFFF_FFFFL, user, b[45] & 0xFF, b[44] & 0xFF);
    }

    // ------------------------------------------------------------------ start-up

    /**
     * The start-up sequence of SpiNNMan and JavaSpiNNaker after readiness: ask every board's
     * Ethernet chip for its version through its own connection (each must answer as the chip it
     * was given as), set the transient tag timeout (code 9) on each, read the machine's
     * dimensions from the system variables (sv+2: height, width) of the root chip, read the
     * root's P2P table (3 bits per destination, one 128-byte column per x, ceil(height/8) words
     * each), then CMD_INFO every chip it routes to. From then on a request goes through the
     * connection of the board its chip reports as its nearest Ethernet chip.
     */
    public MachineInfo discoverMachine() throws InterruptedException {
        CoreLocation rootMonitor = new CoreLocation(ChipLocation.ROOT_ALIAS, 0);
        VersionInfo v = version(rootMonitor);
        for (var b : boards.entrySet()) {
            checkScamp(b.getKey(), b.getValue().call(new GetVersion(rootMonitor)));
            b.getValue().call(IpTagCommand.timeout(b.getKey(), 9));
        }
        byte[] dims = readMemory(ChipLocation.ROOT_ALIAS, MemoryRegion.SV_BASE + SystemVariables.P2P_DIMS, 2);
        int height = dims[0] & 0xFF;
        int width = dims[1] & 0xFF;
        if (width == 0 || height == 0) {
            throw new ScpException("CMD_READ", rootMonitor, 0x80, 1, false,
                    "board " + host, "system variables report a " + width + "x" + height + " machine");
        }
        int wordsPerColumn = (height + 7) / 8;
        List<ChipLocation> found = new ArrayList<>();
        for (int x = 0; x < width; x++) {
            byte[] col = readMemory(ChipLocation.ROOT_ALIAS, MemoryRegion.P2P_TABLE + 128L * x, 4 * wordsPerColumn);
            for (int y = 0; y < height; y++) {
                int word = SystemVariables.getU32(col, 4 * (y / 8));
                int code = (word >>> (3 * (y % 8))) & 7;
                if (code != Machine.ROUTE_NONE) {
                    found.add(new ChipLocation(x, y));
                }
            }
        }
        List<GetChipInfo> requests = new ArrayList<>();
        for (ChipLocation c : found) {
            requests.add(new GetChipInfo(c));
        }
        List<CompletableFuture<ChipInfo>> infos = sendAll(requests);
        TreeMap<ChipLocation, ChipInfo> chips = new TreeMap<>();
        Map<ChipLocation, ScpConnection> route = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            ChipInfo info = ScpConnection.await(infos.get(i));
            chips.put(found.get(i), info);
            route.put(found.get(i), boards.getOrDefault(info.nearestEthernet(), connection));
        }
        byChip = Map.copyOf(route);
        return new MachineInfo(v, width, height, chips);
    }

    /**
     * Sends any request (for tools that need one the façade does not wrap), through the
     * connection of its chip's board, and waits for its reply.
     */
    public <R> R call(ScpRequest<R> request) throws InterruptedException {
        return via(request.target().chip()).call(request);
    }

    /** The connection of a chip's board; the root board's for chips not yet known and for (255,255). */
    private ScpConnection via(ChipLocation chip) {
        return byChip.getOrDefault(chip, connection);
    }

    /**
     * Sends requests through their chips' boards' connections, each connection's share in one
     * stream, so the boards' windows fill in parallel; the futures are in the requests' order.
     */
    private <R> List<CompletableFuture<R>> sendAll(List<? extends ScpRequest<R>> requests) {
        if (boards.size() == 1) {
            return connection.sendAll(requests);
        }
        Map<ScpConnection, List<Integer>> shares = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            shares.computeIfAbsent(via(requests.get(i).target().chip()), k -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<R>> out = new ArrayList<>(Collections.nCopies(requests.size(), null));
        for (var share : shares.entrySet()) {
            List<Integer> at = share.getValue();
            List<CompletableFuture<R>> sent = share.getKey().sendAll(at.stream().map(requests::get).toList());
            for (int k = 0; k < at.size(); k++) {
                out.set(at.get(k), sent.get(k));
            }
        }
        return out;
    }

    /** Counters of all the boards' connections together. */
    public TransportStats stats() {
        return boards.values().stream().map(ScpConnection::stats).reduce(TransportStats::plus).orElseThrow();
    }

    /** Counters of each board's connection, by its Ethernet chip. */
    public Map<ChipLocation, TransportStats> statsByBoard() {
        Map<ChipLocation, TransportStats> out = new LinkedHashMap<>();
        boards.forEach((board, c) -> out.put(board, c.stats()));
        return out;
    }

    @Override
    public void close() {
        boards.values().forEach(ScpConnection::close);
    }
}
