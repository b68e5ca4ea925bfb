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

    @Test
    void openHandsOverABucketsBoundChecksAtItsEarliestTimeOnceTheHeapIsEmpty() {
        int early = NeuronSchedule.BOUND_CHECK;
        NeuronSchedule schedule = new NeuronSchedule(8, 1.0, 16);
        schedule.schedule(0, 0.5, early); // bucket 0, with an exact event
        schedule.schedule(1, 0.7, 0);
        schedule.schedule(7, 2.5, early); // bucket 2: early only
        schedule.schedule(2, 3.2, early); // bucket 3: two early events and an exact one
        schedule.schedule(3, 3.9, early);
        schedule.schedule(4, 3.5, 1);
        schedule.schedule(5, 20.5, early); // a turn ahead: stays when bucket 4 passes
        schedule.schedule(6, 6.1, 1);
        // bucket 0 opens at 0: its early event is handed over, its exact one waits in the heap
        assertEquals(0.0, schedule.openingTime());
        assertEquals(1, schedule.open());
        assertEquals(0, schedule.early(0));
        assertTrue(!schedule.isPending(0));
        // no opening while the heap holds an event
        assertEquals(Double.POSITIVE_INFINITY, schedule.openingTime());
        assertEquals(1, schedule.pop());
        // re-planned into the passed bucket, an early event waits in the heap like any other
        schedule.schedule(0, 0.9, early);
        assertEquals(Double.POSITIVE_INFINITY, schedule.openingTime());
        assertEquals(0.9, schedule.peekTime());
        assertEquals(0, schedule.pop());
        // bucket 1 is empty; bucket 2 opens at its earliest time, 2 ms
        assertEquals(1.0, schedule.openingTime());
        assertEquals(0, schedule.open());
        assertEquals(2.0, schedule.openingTime());
        assertEquals(1, schedule.open());
        assertEquals(7, schedule.early(0));
        // the next bucket: both early ones, none of the exact one
        assertEquals(3.0, schedule.openingTime());
        assertEquals(2, schedule.open());
        assertEquals(java.util.Set.of(2, 3), java.util.Set.of(schedule.early(0), schedule.early(1)));
        assertEquals(3.5, schedule.peekTime());
        assertEquals(4, schedule.pop());
        assertEquals(4.0, schedule.openingTime());
        assertEquals(0, schedule.open());
        assertEquals(5.0, schedule.openingTime());
        assertEquals(0, schedule.open());
        assertEquals(6.0, schedule.openingTime());
        assertEquals(0, schedule.open());
        assertEquals(6, schedule.pop());
        // peekTime never hands events over: the one a turn ahead is peeked in time
        assertEquals(20.5, schedule.peekTime());
        assertEquals(5, schedule.pop());
        assertTrue(schedule.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, schedule.openingTime());
    }

    @Test
    void aBucketOpensAtTheFirstTimeThatFallsInIt() {
        // 0.1 ms buckets: 0.3 is not a multiple of 0.1 in binary, and bucket 3 starts where its
        // times start, whichever side of 0.3 that is
        NeuronSchedule schedule = new NeuronSchedule(2, 0.1, 16);
        schedule.schedule(0, 0.35, NeuronSchedule.BOUND_CHECK);
        for (int b = 0; b < 3; b++) {
            schedule.openingTime();
            schedule.open();
        }
        double start = schedule.openingTime();
        assertEquals(3, (long) (start * 10));
        assertEquals(2, (long) (Math.nextDown(start) * 10));
    }
}
