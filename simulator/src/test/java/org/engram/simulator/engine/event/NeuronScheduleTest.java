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
        int n = 300;
        NeuronSchedule schedule = new NeuronSchedule(n);
        TreeSet<Entry> reference = new TreeSet<>((a, b) -> a.time != b.time
                ? Double.compare(a.time, b.time) : Integer.compare(a.neuron, b.neuron));
        Entry[] pending = new Entry[n];
        Random random = new Random(7);
        double now = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            int g = random.nextInt(n);
            if (op < 6) {
                // ties on purpose: times on a coarse grid
                double t = now + random.nextInt(50) * 0.25;
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
    }
}
