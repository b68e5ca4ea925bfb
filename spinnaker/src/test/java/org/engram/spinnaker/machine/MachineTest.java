package org.engram.spinnaker.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
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
