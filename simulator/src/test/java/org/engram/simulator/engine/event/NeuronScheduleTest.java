package org.engram.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** NeuronSchedule against a sorted set of (time, neuron) pairs, under random re-planning. */
class NeuronScheduleTest {
    private record Entry(double time, int neuron) {}

    @Test
    void popsInTimeThenNeuronOrderUnderReschedulingAndCancelling() {
        checkAgainstSortedSet(new NeuronSchedule(300), 300);
    }

    @Test
    void aSmallWheelKeepsTheOrderAcrossManyTurnsAndLongGaps() {
        // 8 buckets of 0.3 ms: events 12 ms ahead are several turns away, and some are 1000 ms ahead
        checkAgainstSortedSet(new NeuronSchedule(300, 0.3, 8), 300);
    }

    private static void checkAgainstSortedSet(NeuronSchedule schedule, int n) {
        TreeSet<Entry> reference = new TreeSet<>((a, b) -> a.time != b.time
                ? Double.compare(a.time, b.time) : Integer.compare(a.neuron, b.neuron));
        Entry[] pending = new Entry[n];
        Random random = new Random(7);
        double now = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            int g = random.nextInt(n);
            if (op < 6) {
                // ties on purpose: times on a coarse grid (bucket edges included), and rare long gaps
                double t = now + random.nextInt(50) * (random.nextInt(100) == 0 ? 20 : 0.25);
                if (pending[g] != null) {
                    reference.remove(pending[g]);
                }
                pending[g] = new Entry(t, g);
                reference.add(pending[g]);
                schedule.schedule(g, t, op % 3);
                assertEquals(op % 3, schedule.kindOf(g));
            } else if (op < 7) {
                if (pending[g] != null) {
                    reference.remove(pending[g]);
                    pending[g] = null;
                }
                schedule.cancel(g);
            } else if (!reference.isEmpty()) {
                Entry first = reference.pollFirst();
                pending[first.neuron] = null;
                assertEquals(first.time, schedule.peekTime());
                assertEquals(first.neuron, schedule.peekNeuron());
                assertEquals(first.neuron, schedule.pop());
                now = first.time;
            }
            assertEquals(reference.isEmpty(), schedule.isEmpty());
        }
        assertTrue(reference.size() > 0);
        while (!reference.isEmpty()) {
            Entry first = reference.pollFirst();
            assertEquals(first.time, schedule.peekTime());
            assertEquals(first.neuron, schedule.pop());
        }
        assertTrue(schedule.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, schedule.peekTime());
    }

    @Test
    void anEventAtInfinityIsNeverPeekedBeforeFiniteOnes() {
        NeuronSchedule schedule = new NeuronSchedule(3, 0.1, 4);
        schedule.schedule(0, Double.POSITIVE_INFINITY, 1);
        assertEquals(Double.POSITIVE_INFINITY, schedule.peekTime());
        schedule.schedule(2, 5000.05, 1);
        schedule.schedule(1, 0.35, 0);
        assertEquals(0.35, schedule.peekTime());
        assertEquals(1, schedule.pop());
        assertEquals(5000.05, schedule.peekTime());
        assertEquals(2, schedule.pop());
        assertEquals(Double.POSITIVE_INFINITY, schedule.peekTime());
        assertTrue(!schedule.isEmpty());
    }
}
