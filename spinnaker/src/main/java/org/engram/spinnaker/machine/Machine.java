package org.engram.spinnaker.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chips of a SpiNNaker machine, their cores and links, and the P2P routes SCAMP computes
 * at network initialisation.
 *
 * <p>A SpiNN-5 board has 48 chips in an 8×8 bounding box (column x holds y ∈ [0,3] at x = 0 up
 * to [0,7] at x = 4, then [1,7] … [3,7] at x = 7); its Ethernet chip is (0,0). Chips (1,1), (1,3),
 * (3,1), (3,3), (3,5), (5,2), (5,4), (5,6) have 17 cores, the others 18, as on typical boards. A
 * triad of three boards tiles a 12×12 torus with Ethernet chips (0,0), (4,8), (8,4).
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

    private static final int[] SPINN5_COLUMN_MIN_Y = {0, 0, 0, 0, 0, 1, 2, 3};
    private static final int[] SPINN5_COLUMN_MAX_Y = {3, 4, 5, 6, 7, 7, 7, 7};
    private static final List<ChipLocation> SEVENTEEN_CORE_CHIPS = List.of(
            new ChipLocation(1, 1), new ChipLocation(1, 3), new ChipLocation(3, 1),
            new ChipLocation(3, 3), new ChipLocation(3, 5), new ChipLocation(5, 2),
            new ChipLocation(5, 4), new ChipLocation(5, 6));

    private final int width;
    private final int height;
    private final boolean wraps;
    private final List<ChipLocation> chips;
    private final Map<ChipLocation, Integer> index = new HashMap<>();
    private final int[] cores;
    private final ChipLocation[] nearestEthernet;
    private final List<ChipLocation> ethernetChips;
    /** routes[from][to] = route code. */
    private final byte[][] routes;

    private Machine(int width, int height, boolean wraps, List<ChipLocation> ethernets) {
        this.width = width;
        this.height = height;
        this.wraps = wraps;
        this.ethernetChips = List.copyOf(ethernets);
        List<ChipLocation> all = new ArrayList<>();
        List<Integer> coreCounts = new ArrayList<>();
        List<ChipLocation> eth = new ArrayList<>();
        for (ChipLocation e : ethernets) {
            for (int dx = 0; dx < BOARD_SIZE; dx++) {
                for (int dy = SPINN5_COLUMN_MIN_Y[dx]; dy <= SPINN5_COLUMN_MAX_Y[dx]; dy++) {
                    ChipLocation c = new ChipLocation((e.x() + dx) % width, (e.y() + dy) % height);
                    if (index.containsKey(c)) {
                        throw new IllegalStateException("boards overlap at " + c);
                    }
                    index.put(c, all.size());
                    all.add(c);
                    coreCounts.add(SEVENTEEN_CORE_CHIPS.contains(new ChipLocation(dx, dy)) ? 17 : 18);
                    eth.add(e);
                }
            }
        }
        this.chips = Collections.unmodifiableList(all);
        this.cores = coreCounts.stream().mapToInt(Integer::intValue).toArray();
        this.nearestEthernet = eth.toArray(new ChipLocation[0]);
        this.routes = computeRoutes();
    }

    /** One SpiNN-5 board, 48 chips, no wrap-around. */
    public static Machine spinn5() {
        return new Machine(BOARD_SIZE, BOARD_SIZE, false, List.of(ChipLocation.ZERO));
    }

    /**
     * A machine of {@code boards} SpiNN-5 boards: 1 (a single board) or 3 (a 12×12 torus).
     *
     * @throws IllegalArgumentException for any other count
     */
    public static Machine ofBoards(int boards) {
        return switch (boards) {
            case 1 -> spinn5();
            case 3 -> new Machine(TRIAD_SIZE, TRIAD_SIZE, true, List.of(ChipLocation.ZERO,
                    new ChipLocation(4, 8), new ChipLocation(8, 4)));
            default -> throw new IllegalArgumentException(
                    "boards: " + boards + " is not supported; expected 1 (one SpiNN-5 board) or 3 (a triad)");
        };
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Every chip, boards in order, then by column and row. */
    public List<ChipLocation> chips() {
        return chips;
    }

    public boolean hasChip(ChipLocation c) {
        return index.containsKey(c);
    }

    /** Number of cores (monitor included) of a chip of this machine. */
    public int cores(ChipLocation c) {
        return cores[indexOf(c)];
    }

    public List<ChipLocation> ethernetChips() {
        return ethernetChips;
    }

    public ChipLocation nearestEthernet(ChipLocation c) {
        return nearestEthernet[indexOf(c)];
    }

    /** The chip across link {@code d}, if there is one. */
    public Optional<ChipLocation> neighbour(ChipLocation c, Direction d) {
        int x = c.x() + d.dx;
        int y = c.y() + d.dy;
        if (wraps) {
            x = Math.floorMod(x, width);
            y = Math.floorMod(y, height);
        } else if (x < 0 || y < 0 || x >= width || y >= height) {
            return Optional.empty();
        }
        ChipLocation n = new ChipLocation(x, y);
        return hasChip(n) ? Optional.of(n) : Optional.empty();
    }

    /** Bit d set when link d leads to a chip of this machine. */
    public int linkMask(ChipLocation c) {
        int mask = 0;
        for (Direction d : Direction.values()) {
            if (neighbour(c, d).isPresent()) {
                mask |= 1 << d.id();
            }
        }
        return mask;
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
        return routes[f][t];
    }

    private int indexOf(ChipLocation c) {
        Integer i = index.get(c);
        if (i == null) {
            throw new IllegalArgumentException("chip " + c + " is not part of this "
                    + width + "×" + height + " machine");
        }
        return i;
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
