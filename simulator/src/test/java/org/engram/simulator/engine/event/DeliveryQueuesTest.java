package org.engram.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DeliveryQueues merge their rings into (time, order) order, as one heap would. */
class DeliveryQueuesTest {
    private record Delivery(double time, long order, int group) {}

    @Test
    void ringsGiveDeliveriesInTimeThenOrderWhenScheduledByNonDecreasingSpikeTimes() {
        double[] delays = {1.5, 0.1, 3.0};
        DeliveryQueues queues = new DeliveryQueues(delays, new double[] {0.1});
        assertEquals(-1, queues.ringOf(2.0));
        List<Delivery> expected = new ArrayList<>();
        Random random = new Random(3);
        double spike = 0;
        long order = 0;
        for (int k = 0; k < 5000; k++) {
            spike += random.nextInt(3) * 0.05; // simultaneous spikes included
            for (double d : delays) {
                double t = spike + d;
                queues.add(queues.ringOf(d), t, order, 0, k, 0, 0);
                expected.add(new Delivery(t, order, k));
                order++;
            }
        }
        expected.sort(Comparator.comparingDouble(Delivery::time).thenComparingLong(Delivery::order));
        for (Delivery e : expected) {
            int ring = queues.earliest();
            queues.pop(ring);
            assertEquals(e.time, queues.topTime);
            assertEquals(e.order, queues.topOrder);
            assertEquals(e.group, queues.topA);
        }
        assertEquals(-1, queues.earliest());
    }
}
