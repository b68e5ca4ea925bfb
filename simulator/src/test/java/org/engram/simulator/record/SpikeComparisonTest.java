package org.engram.simulator.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeComparisonTest {
    static Recording rec(PopulationSpikes... pops) {
        return new Recording(List.of(pops), List.of(), List.of(), new RunStats("grid", 1, 100, 0, 10, 0, 0, 0, 0));
    }

    static PopulationSpikes pop(String name, int[] neurons, double[] times) {
        return new PopulationSpikes(name, 10, neurons, times);
    }

    @Test
    void identicalTablesAgree() {
        Recording a = rec(pop("exc", new int[] {0, 3, 0}, new double[] {1, 2, 5}));
        SpikeComparison c = SpikeComparison.of(a, a, 0);
        assertTrue(c.agrees());
        assertEquals(new SpikeComparison.Row("exc", true, true, 3, 3, 0, 0, 0), c.populations().get(0));
    }

    @Test
    void unmatchedSpikesAreCountedOnTheirSide() {
        // neuron 0: A {1, 5}, B {1, 6}; neuron 3: A {2}, B {}; neuron 4: A {}, B {7}
        Recording a = rec(pop("exc", new int[] {0, 3, 0}, new double[] {1, 2, 5}));
        Recording b = rec(pop("exc", new int[] {0, 0, 4}, new double[] {1, 6, 7}));
        SpikeComparison.Row r = SpikeComparison.of(a, b, 0).populations().get(0);
        assertEquals(2, r.onlyA()); // 5 at neuron 0, 2 at neuron 3
        assertEquals(2, r.onlyB()); // 6 at neuron 0, 7 at neuron 4
        assertFalse(r.agrees());
        // with a tolerance of 1 ms, 5 and 6 pair up and the largest difference is 1 ms
        SpikeComparison.Row loose = SpikeComparison.of(a, b, 1.0).populations().get(0);
        assertEquals(1, loose.onlyA());
        assertEquals(1, loose.onlyB());
        assertEquals(1.0, loose.largestDifferenceMs());
    }

    @Test
    void aPopulationMissingOnOneSideIsADifference() {
        Recording a = rec(pop("exc", new int[] {0}, new double[] {1}), pop("inh", new int[0], new double[0]));
        Recording b = rec(pop("exc", new int[] {0}, new double[] {1}), pop("out", new int[] {2}, new double[] {3}));
        SpikeComparison c = SpikeComparison.of(a, b, 0);
        assertEquals(List.of("exc", "inh", "out"), c.populations().stream().map(SpikeComparison.Row::population).toList());
        assertTrue(c.populations().get(0).agrees());
        assertFalse(c.populations().get(1).inB());
        assertEquals(1, c.populations().get(2).onlyB());
        assertFalse(c.agrees());
    }

    @Test
    void aNegativeToleranceIsRefused() {
        Recording a = rec(pop("exc", new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SpikeComparison.of(a, a, -1));
    }
}
