package org.engram.spinnaker.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chips of a SpiNNaker machine, their cores, links, SDRAM and router entries, and the P2P
 * routes SCAMP computes at network initialisation.
 *
 * <p>A SpiNN-5 board has 48 chips in an 8×8 bounding box (column x holds y ∈ [0,3] at x = 0 up
 * to [0,7] at x = 4, then [1,7] … [3,7] at x = 7); its Ethernet chip is (0,0). Chips (1,1), (1,3),
 * (3,1), (3,3), (3,5), (5,2), (5,4), (5,6) have 17 cores, the others 18, as on typical boards.
 * Boards tile in triads of three, 12×12 chips each, with Ethernet chips where {@code x % 4 == 0}
 * and {@code (x + y) % 12 == 0}: (0,0), (4,8), (8,4) in the first triad. A machine of w×h triads
 * is a 12w×12h torus with wrap-around, or 12w+4 × 12h+4 chips without (its boards then do not
 * fold over the edges).
 *
 * <p>A machine is also made from what a booted board reports ({@link #of}): any set of chips,
 * each with its working cores, working links, free SDRAM and free router entries, so that dead
 * chips, cores and links are simply absent. A link is used only when both of its ends report it.
 *
 * <p>P2P route codes (3 bits, as stored in the router's P2P table): 0–5 the link to take
 * ({@link Direction}), {@link #ROUTE_NONE} no such chip, {@link #ROUTE_SELF} this chip.
 */
public final class Machine {
    /** P2P route code: no route (the destination does not exist). */
    public static final int ROUTE_NONE = 6;
    /** P2P route code: the destination is this chip (deliver to the monitor). */
    public static final int ROUTE_SELF = 7;
    /** Size of one board's bounding box. */
    public static final int BOARD_SIZE = 8;
    /** Side of a triad torus. */
    public static final int TRIAD_SIZE = 12;
    /** Chips a non-wrapping machine of triads adds to each side, for the boards that would fold over. */
    public static final int NON_WRAP_MARGIN = 4;
    /** Most cores a chip can report (the SDP header's 5-bit core number). */
    public static final int MAX_CORES = CoreLocation.MAX_CORE + 1;
    /**
     * SDRAM a freshly booted chip offers applications: from the start of SDRAM to SCAMP's system
     * area ({@code sv->sdram_sys}), 120 MiB, as CMD_INFO reports it for its largest free block.
     */
    public static final long FREE_SDRAM_BYTES = MemoryRegion.SDRAM_SYS - MemoryRegion.SDRAM.base();
    /** Router entries an application may use: all but entry 0, which SCAMP keeps. */
    public static final int FREE_ROUTER_ENTRIES = MemoryRegion.MC_TABLE_SIZE - 1;

    private static final int[] SPINN5_COLUMN_MIN_Y = {0, 0, 0, 0, 0, 1, 2, 3};
    private static final int[] SPINN5_COLUMN_MAX_Y = {3, 4, 5, 6, 7, 7, 7, 7};
    private static final List<ChipLocation> SEVENTEEN_CORE_CHIPS = List.of(
            new ChipLocation(1, 1), new ChipLocation(1, 3), new ChipLocation(3, 1),
            new ChipLocation(3, 3), new ChipLocation(3, 5), new ChipLocation(5, 2),
            new ChipLocation(5, 4), new ChipLocation(5, 6));

    /**
     * One chip as a booted board reports it (CMD_INFO).
     *
     * @param location its coordinates
     * @param cores working cores, the monitor (core 0) included; virtual core numbers are
     *        0 … cores − 1, so a dead core only lowers the count
     * @param linkMask bit d set when link d ({@link Direction#id()}) works
     * @param sdramBytes SDRAM free for applications
     * @param routerEntries multicast router entries free for applications
     * @param nearestEthernet the Ethernet chip of its board
     */
    public record Chip(ChipLocation location, int cores, int linkMask, long sdramBytes, int routerEntries,
            ChipLocation nearestEthernet) {
        public Chip {
            if (location == null || nearestEthernet == null) {
                throw new IllegalArgumentException("chip: location and nearest Ethernet chip are required");
            }
            if (cores < 1 || cores > MAX_CORES) {
                throw new IllegalArgumentException("chip " + location + ": " + cores + " cores; expected 1.."
                        + MAX_CORES + " (the monitor included)");
            }
            if ((linkMask & ~0x3F) != 0) {
                throw new IllegalArgumentException("chip " + location + ": link mask 0x"
                        + Integer.toHexString(linkMask) + " has bits beyond the six links");
            }
            if (sdramBytes < 0 || routerEntries < 0 || routerEntries > FREE_ROUTER_ENTRIES) {
                throw new IllegalArgumentException("chip " + location + ": " + sdramBytes + " bytes of SDRAM and "
                        + routerEntries + " router entries; expected >= 0 and 0.." + FREE_ROUTER_ENTRIES);
            }
        }

        /** A copy with another number of working cores. */
        public Chip withCores(int n) {
            return new Chip(location, n, linkMask, sdramBytes, routerEntries, nearestEthernet);
        }
    }

    private final int width;
    private final int height;
    private final List<ChipLocation> chips;
    private final List<Chip> descriptions;
    private final Map<ChipLocation, Integer> index = new HashMap<>();
    private final int[] links;
    private final List<ChipLocation> ethernetChips;
    /** routes[from][to] = route code; computed when first asked for (n² bytes). */
    private byte[][] routes;

    private Machine(int width, int height, Collection<Chip> chipList) {
        if (width < 1 || width > 256 || height < 1 || height > 256) {
            throw new IllegalArgumentException("machine " + width + "×" + height + ": dimensions must be in 1..256");
        }
        this.width = width;
        this.height = height;
        List<ChipLocation> all = new ArrayList<>();
        List<ChipLocation> eth = new ArrayList<>();
        for (Chip c : chipList) {
            ChipLocation l = c.location();
            if (l.x() >= width || l.y() >= height) {
                throw new IllegalArgumentException("chip " + l + " is outside the " + width + "×" + height + " machine");
            }
            if (index.put(l, all.size()) != null) {
                throw new IllegalArgumentException("chip " + l + " is given twice");
            }
            all.add(l);
            if (c.nearestEthernet().equals(l)) {
                eth.add(l);
            }
        }
        this.chips = Collections.unmodifiableList(all);
        this.descriptions = List.copyOf(chipList);
        this.ethernetChips = List.copyOf(eth);
        this.links = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Chip c = descriptions.get(i);
            for (Direction d : Direction.values()) {
                Integer j = (c.linkMask() >>> d.id() & 1) == 0 ? null : index.get(across(c.location(), d));
                if (j != null && (descriptions.get(j).linkMask() >>> d.opposite().id() & 1) != 0) {
                    links[i] |= 1 << d.id();
                }
            }
        }
    }

    /**
     * A machine made of the given chips, as a booted board reports them: absent chips are dead,
     * and a link works when both of its ends report it.
     *
     * @param width  the machine's width in chips (SCAMP's {@code sv->p2p_dims})
     * @param height its height
     * @throws IllegalArgumentException for a chip outside width × height or given twice
     */
    public static Machine of(int width, int height, Collection<Chip> chips) {
        return new Machine(width, height, chips);
    }

    /** One SpiNN-5 board, 48 chips, no wrap-around. */
    public static Machine spinn5() {
        return boards(BOARD_SIZE, BOARD_SIZE, false, List.of(ChipLocation.ZERO));
    }

    /**
     * A machine of {@code boards} SpiNN-5 boards: 1 (a single board) or 3 (a 12×12 torus).
     *
     * @throws IllegalArgumentException for any other count
     */
    public static Machine ofBoards(int boards) {
        return switch (boards) {
            case 1 -> spinn5();
            case 3 -> ofTriads(1, 1, true);
            default -> throw new IllegalArgumentException(
                    "boards: " + boards + " is not supported; expected 1 (one SpiNN-5 board) or 3 (a triad)");
        };
    }

    /**
     * A machine of {@code wide × high} triads of SpiNN-5 boards: a 12w×12h torus with
     * wrap-around, or 12w+4 × 12h+4 chips without.
     */
    public static Machine ofTriads(int wide, int high, boolean wrapAround) {
        int most = (256 - NON_WRAP_MARGIN) / TRIAD_SIZE;
        if (wide < 1 || high < 1 || wide > most || high > most) {
            throw new IllegalArgumentException("triads: " + wide + "×" + high + "; expected 1.." + most + " each way");
        }
        int w = wide * TRIAD_SIZE;
        int h = high * TRIAD_SIZE;
        List<ChipLocation> ethernets = new ArrayList<>();
        for (int x = 0; x < w; x += 4) {
            for (int y = 0; y < h; y += 4) {
                if ((x + y) % TRIAD_SIZE == 0) {
                    ethernets.add(new ChipLocation(x, y));
                }
            }
        }
        return wrapAround ? boards(w, h, true, ethernets)
                : boards(w + NON_WRAP_MARGIN, h + NON_WRAP_MARGIN, false, ethernets);
    }

    /**
     * The SpiNN-5 machine of the given size, as spalloc reports a job's width and height: 8×8 is
     * one board, 12w×12h a torus of triads, 12w+4 × 12h+4 triads without wrap-around.
     *
     * @throws IllegalArgumentException for any other size
     */
    public static Machine ofDimensions(int width, int height) {
        if (width == BOARD_SIZE && height == BOARD_SIZE) {
            return spinn5();
        }
        if (width % TRIAD_SIZE == 0 && height % TRIAD_SIZE == 0 && width > 0 && height > 0) {
            return ofTriads(width / TRIAD_SIZE, height / TRIAD_SIZE, true);
        }
        if (width % TRIAD_SIZE == NON_WRAP_MARGIN && height % TRIAD_SIZE == NON_WRAP_MARGIN
                && width > TRIAD_SIZE && height > TRIAD_SIZE) {
            return ofTriads(width / TRIAD_SIZE, height / TRIAD_SIZE, false);
        }
        throw new IllegalArgumentException("machine " + width + "×" + height + ": expected 8×8 (one board), "
                + "multiples of 12 (triads with wrap-around) or 12w+4 × 12h+4 (triads without)");
    }

    /** SpiNN-5 boards whose Ethernet chips are given, with all links between present chips. */
    private static Machine boards(int width, int height, boolean wraps, List<ChipLocation> ethernets) {
        Map<ChipLocation, Chip> placed = new LinkedHashMap<>();
        for (ChipLocation e : ethernets) {
            for (int dx = 0; dx < BOARD_SIZE; dx++) {
                for (int dy = SPINN5_COLUMN_MIN_Y[dx]; dy <= SPINN5_COLUMN_MAX_Y[dx]; dy++) {
                    ChipLocation c = new ChipLocation((e.x() + dx) % width, (e.y() + dy) % height);
                    int cores = SEVENTEEN_CORE_CHIPS.contains(new ChipLocation(dx, dy)) ? 17 : 18;
                    if (placed.put(c, new Chip(c, cores, 0, FREE_SDRAM_BYTES, FREE_ROUTER_ENTRIES, e)) != null) {
                        throw new IllegalStateException("boards overlap at " + c);
                    }
                }
            }
        }
        List<Chip> linked = new ArrayList<>();
        for (Chip c : placed.values()) {
            int mask = 0;
            for (Direction d : Direction.values()) {
                int x = c.location().x() + d.dx;
                int y = c.location().y() + d.dy;
                boolean inside = x >= 0 && y >= 0 && x < width && y < height;
                if ((wraps || inside) && placed.containsKey(new ChipLocation(Math.floorMod(x, width),
                        Math.floorMod(y, height)))) {
                    mask |= 1 << d.id();
                }
            }
            linked.add(new Chip(c.location(), c.cores(), mask, c.sdramBytes(), c.routerEntries(), c.nearestEthernet()));
        }
        return new Machine(width, height, linked);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Every chip, boards in order, then by column and row (or in the order {@link #of} was given). */
    public List<ChipLocation> chips() {
        return chips;
    }

    /** What is known of every chip, in the order of {@link #chips()}; links as given, before pairing. */
    public List<Chip> chipDescriptions() {
        return descriptions;
    }

    public boolean hasChip(ChipLocation c) {
        return index.containsKey(c);
    }

    /** What is known of a chip of this machine. */
    public Chip chip(ChipLocation c) {
        return descriptions.get(indexOf(c));
    }

    /** Number of cores (monitor included) of a chip of this machine. */
    public int cores(ChipLocation c) {
        return chip(c).cores();
    }

    public List<ChipLocation> ethernetChips() {
        return ethernetChips;
    }

    public ChipLocation nearestEthernet(ChipLocation c) {
        return chip(c).nearestEthernet();
    }

    /** The chip across link {@code d}, if the link works at both ends. */
    public Optional<ChipLocation> neighbour(ChipLocation c, Direction d) {
        return (linkMask(c) >>> d.id() & 1) == 0 ? Optional.empty() : Optional.of(across(c, d));
    }

    /** Bit d set when link d leads to a chip of this machine and works at both ends. */
    public int linkMask(ChipLocation c) {
        return links[indexOf(c)];
    }

    /** The coordinates across link d, modulo the machine's size (whether or not a chip is there). */
    private ChipLocation across(ChipLocation c, Direction d) {
        return new ChipLocation(Math.floorMod(c.x() + d.dx, width), Math.floorMod(c.y() + d.dy, height));
    }

    /**
     * The P2P route code at chip {@code from} for destination {@code to}: a link 0–5 on a
     * shortest path, {@link #ROUTE_SELF} or {@link #ROUTE_NONE}.
     */
    public int p2pRoute(ChipLocation from, ChipLocation to) {
        Integer f = index.get(from);
        Integer t = index.get(to);
        if (f == null || t == null) {
            return ROUTE_NONE;
        }
        return routes()[f][t];
    }

    private int indexOf(ChipLocation c) {
        Integer i = index.get(c);
        if (i == null) {
            throw new IllegalArgumentException("chip " + c + " is not part of this "
                    + width + "×" + height + " machine");
        }
        return i;
    }

    private synchronized byte[][] routes() {
        if (routes == null) {
            routes = computeRoutes();
        }
        return routes;
    }

    /** Breadth-first search from every destination; ties go to the lowest link number. */
    private byte[][] computeRoutes() {
        int n = chips.size();
        byte[][] r = new byte[n][n];
        int[] dist = new int[n];
        int[] queue = new int[n];
        for (int t = 0; t < n; t++) {
            Arrays.fill(dist, -1);
            dist[t] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = t;
            while (head < tail) {
                int c = queue[head++];
                for (Direction d : Direction.values()) {
                    Optional<ChipLocation> nb = neighbour(chips.get(c), d);
                    if (nb.isPresent()) {
                        int j = index.get(nb.get());
                        if (dist[j] < 0) {
                            dist[j] = dist[c] + 1;
                            queue[tail++] = j;
                        }
                    }
                }
            }
            for (int f = 0; f < n; f++) {
                if (f == t) {
                    r[f][t] = ROUTE_SELF;
                    continue;
                }
                r[f][t] = ROUTE_NONE;
                for (Direction d : Direction.values()) {
                    Optional<ChipLocation> nb = neighbour(chips.get(f), d);
                    if (nb.isPresent() && dist[index.get(nb.get())] == dist[f] - 1) {
                        r[f][t] = (byte) d.id();
                        break;
                    }
                }
            }
        }
        return r;
    }
}
