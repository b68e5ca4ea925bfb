package org.engram.spinnaker.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void spinn5HasTheDocumentedLayout() {
        Machine m = Machine.spinn5();
        assertEquals(48, m.chips().size());
        int[][] columns = {{0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {1, 7}, {2, 7}, {3, 7}};
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                assertEquals(y >= columns[x][0] && y <= columns[x][1], m.hasChip(new ChipLocation(x, y)), x + "," + y);
            }
        }
        int seventeen = 0;
        for (ChipLocation c : m.chips()) {
            seventeen += m.cores(c) == 17 ? 1 : 0;
        }
        assertEquals(8, seventeen);
        assertEquals(17, m.cores(new ChipLocation(5, 6)));
        assertEquals(18, m.cores(new ChipLocation(0, 0)));
    }

    @Test
    void p2pRoutesFollowAShortestPath() {
        Machine m = Machine.spinn5();
        for (ChipLocation from : m.chips()) {
            for (ChipLocation to : m.chips()) {
                int hops = 0;
                ChipLocation c = from;
                while (!c.equals(to)) {
                    int r = m.p2pRoute(c, to);
                    assertTrue(r < 6, "route from " + c + " to " + to);
                    c = m.neighbour(c, Direction.values()[r]).orElseThrow();
                    hops++;
                    assertTrue(hops <= 14, "loop from " + from + " to " + to);
                }
                assertEquals(Machine.ROUTE_SELF, m.p2pRoute(to, to));
                // hex-mesh distance without wrap: dx, dy same sign → max(|dx|,|dy|), else |dx|+|dy|
                int dx = to.x() - from.x();
                int dy = to.y() - from.y();
                int expected = Integer.signum(dx) * Integer.signum(dy) >= 0
                        ? Math.max(Math.abs(dx), Math.abs(dy)) : Math.abs(dx) + Math.abs(dy);
                assertEquals(expected, hops, from + " → " + to);
            }
        }
        assertEquals(Machine.ROUTE_NONE, m.p2pRoute(ChipLocation.ZERO, new ChipLocation(7, 0)));
    }

    @Test
    void triadTilesA12By12TorusWithoutOverlap() {
        Machine m = Machine.ofBoards(3);
        Set<ChipLocation> all = new HashSet<>(m.chips());
        assertEquals(144, all.size());
        assertEquals(144, m.chips().size());
        assertEquals(Optional.of(new ChipLocation(0, 11)), m.neighbour(ChipLocation.ZERO, Direction.SOUTH));
        assertEquals(new ChipLocation(8, 4), m.nearestEthernet(new ChipLocation(11, 5)));
        assertThrows(IllegalArgumentException.class, () -> Machine.ofBoards(2));
    }

    @Test
    void triadsTileATorusWithWrapAroundAndFoldNothingWithout() {
        Machine torus = Machine.ofTriads(2, 1, true);
        assertEquals(24, torus.width());
        assertEquals(12, torus.height());
        assertEquals(6 * 48, torus.chips().size());
        assertEquals(6, torus.ethernetChips().size());
        for (ChipLocation e : torus.ethernetChips()) {
            assertTrue(e.x() % 4 == 0 && (e.x() + e.y()) % 12 == 0, e.toString());
        }
        for (ChipLocation c : torus.chips()) {
            assertEquals(0x3F, torus.linkMask(c), "a full torus has every link at " + c);
        }
        assertEquals(Optional.of(new ChipLocation(23, 11)), torus.neighbour(ChipLocation.ZERO, Direction.SOUTH_WEST));

        Machine flat = Machine.ofTriads(1, 1, false);
        assertEquals(16, flat.width());
        assertEquals(144, flat.chips().size());
        assertEquals(List.of(ChipLocation.ZERO, new ChipLocation(4, 8), new ChipLocation(8, 4)), flat.ethernetChips());
        int links = 0;
        for (ChipLocation c : flat.chips()) {
            for (Direction d : Direction.values()) {
                Optional<ChipLocation> n = flat.neighbour(c, d);
                if (n.isPresent()) {
                    links++;
                    assertEquals(new ChipLocation(c.x() + d.dx, c.y() + d.dy), n.get(), "no link wraps at " + c);
                    assertEquals(Optional.of(c), flat.neighbour(n.get(), d.opposite()));
                }
            }
        }
        assertTrue(links > 0 && links < 6 * 144);
        assertEquals(Optional.empty(), flat.neighbour(ChipLocation.ZERO, Direction.WEST));
    }

    @Test
    void dimensionsAsSpallocReportsThem() {
        assertEquals(Machine.spinn5().chips(), Machine.ofDimensions(8, 8).chips());
        assertEquals(Machine.ofBoards(3).chips(), Machine.ofDimensions(12, 12).chips());
        assertEquals(0x3F, Machine.ofDimensions(24, 36).linkMask(ChipLocation.ZERO));
        assertEquals(Machine.ofTriads(2, 1, false).chips(), Machine.ofDimensions(28, 16).chips());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Machine.ofDimensions(10, 10));
        assertTrue(e.getMessage().contains("10×10"), e.getMessage());
    }

    @Test
    void aReportedMachineLacksItsDeadChipsAndTheirLinks() {
        Machine board = Machine.spinn5();
        ChipLocation dead = new ChipLocation(3, 3);
        ChipLocation weak = new ChipLocation(2, 2);
        List<Machine.Chip> reported = new ArrayList<>();
        for (Machine.Chip c : board.chipDescriptions()) {
            if (!c.location().equals(dead)) {
                reported.add(c.location().equals(weak) ? c.withCores(5) : c);
            }
        }
        Machine m = Machine.of(8, 8, reported);
        assertEquals(47, m.chips().size());
        assertFalse(m.hasChip(dead));
        assertEquals(5, m.cores(weak));
        assertEquals(Machine.FREE_SDRAM_BYTES, m.chip(weak).sdramBytes());
        assertEquals(120L << 20, Machine.FREE_SDRAM_BYTES);
        for (Direction d : Direction.values()) {
            ChipLocation n = new ChipLocation(dead.x() - d.dx, dead.y() - d.dy);
            assertEquals(Optional.empty(), m.neighbour(n, d), "link " + d + " of " + n + " led to the dead chip");
        }
        assertEquals(Machine.ROUTE_NONE, m.p2pRoute(ChipLocation.ZERO, dead));
        ChipLocation c = new ChipLocation(2, 2);
        int hops = 0;
        while (!c.equals(new ChipLocation(4, 4))) {
            c = m.neighbour(c, Direction.values()[m.p2pRoute(c, new ChipLocation(4, 4))]).orElseThrow();
            assertFalse(c.equals(dead));
            hops++;
        }
        assertEquals(3, hops, "around (3,3): one hop more than the diagonal");
    }

    @Test
    void aLinkWorksOnlyWhenBothEndsReportIt() {
        List<Machine.Chip> reported = new ArrayList<>();
        for (Machine.Chip c : Machine.spinn5().chipDescriptions()) {
            reported.add(c.location().equals(ChipLocation.ZERO) ? new Machine.Chip(c.location(), c.cores(),
                    c.linkMask() & ~(1 << Direction.EAST.id()), c.sdramBytes(), c.routerEntries(), c.nearestEthernet()) : c);
        }
        Machine m = Machine.of(8, 8, reported);
        assertEquals(Optional.empty(), m.neighbour(ChipLocation.ZERO, Direction.EAST));
        assertEquals(Optional.empty(), m.neighbour(new ChipLocation(1, 0), Direction.WEST));
        assertEquals(Optional.of(new ChipLocation(1, 1)), m.neighbour(new ChipLocation(1, 0), Direction.NORTH));
    }

    @Test
    void reportedChipsAreChecked() {
        Machine.Chip ok = Machine.spinn5().chip(ChipLocation.ZERO);
        assertThrows(IllegalArgumentException.class, () -> ok.withCores(0));
        assertThrows(IllegalArgumentException.class, () -> ok.withCores(33));
        assertThrows(IllegalArgumentException.class, () -> Machine.of(8, 8, List.of(ok, ok)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Machine.of(4, 4,
                List.of(new Machine.Chip(new ChipLocation(5, 0), 18, 0, 0, 0, ChipLocation.ZERO))));
        assertTrue(e.getMessage().contains("(5,0)"), e.getMessage());
    }

    @Test
    void memoryRegionsAndAliases() {
        assertEquals(MemoryRegion.SDRAM, MemoryRegion.locate(0x7000_0010L, 16).orElseThrow().region());
        assertEquals(16, MemoryRegion.locate(0x7000_0010L, 16).orElseThrow().offset());
        assertEquals(0x7F00, MemoryRegion.locate(0xF500_7F00L, 256).orElseThrow().offset());
        assertFalse(MemoryRegion.locate(0x67FF_FFFFL, 2).isPresent());
        assertFalse(MemoryRegion.locate(0x1000, 4).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new ChipLocation(256, 0));
        assertEquals(0x0102, new ChipLocation(1, 2).p2pAddress());
    }
}
