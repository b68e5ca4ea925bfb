package org.engram.simulator.engine.event;

import java.util.Arrays;

/**
 * Pending deliveries, one first-in first-out ring per distinct synaptic delay. Events are
 * processed in time order, so the spikes that schedule deliveries come in non-decreasing time,
 * and {@code t + d} for a fixed d is non-decreasing too (rounding is monotone): each ring is
 * sorted by (time, sequence) without any sifting. The earliest delivery is the earliest of the
 * ring heads. Each entry carries the delivery's order key, its kind, two ints and a double, as
 * {@link EventQueue} does.
 *
 * <p>Networks with more than {@link #MAX_RINGS} distinct delays keep the rest in the engine's
 * heap ({@link #ringOf} answers -1 for them).
 */
final class DeliveryQueues {
    /** Beyond this many distinct delays, scanning the ring heads would cost more than a heap. */
    static final int MAX_RINGS = 8;

    private final double[] delays;
    private final Ring[] rings;

    /** One ring: entries {@code head .. head + size - 1} modulo the capacity, a power of two. */
    private static final class Ring {
        double[] time = new double[256];
        long[] order = new long[256];
        int[] kind = new int[256];
        int[] a = new int[256];
        int[] b = new int[256];
        double[] value = new double[256];
        int head;
        int size;

        void add(double t, long ord, int what, int x, int y, double v) {
            if (size == time.length) {
                grow();
            }
            int i = (head + size++) & (time.length - 1);
            time[i] = t;
            order[i] = ord;
            kind[i] = what;
            a[i] = x;
            b[i] = y;
            value[i] = v;
        }

        private void grow() {
            int cap = time.length;
            double[] t2 = new double[2 * cap];
            long[] o2 = new long[2 * cap];
            int[] k2 = new int[2 * cap];
            int[] a2 = new int[2 * cap];
            int[] b2 = new int[2 * cap];
            double[] v2 = new double[2 * cap];
            for (int k = 0; k < size; k++) {
                int i = (head + k) & (cap - 1);
                t2[k] = time[i];
                o2[k] = order[i];
                k2[k] = kind[i];
                a2[k] = a[i];
                b2[k] = b[i];
                v2[k] = value[i];
            }
            time = t2;
            order = o2;
            kind = k2;
            a = a2;
            b = b2;
            value = v2;
            head = 0;
        }
    }

    // the entry most recently popped
    double topTime;
    long topOrder;
    int topKind;
    int topA;
    int topB;
    double topValue;

    /** Rings for the distinct values among the given delays, up to {@link #MAX_RINGS}. */
    DeliveryQueues(double[]... delayLists) {
        double[] distinct = new double[MAX_RINGS];
        int count = 0;
        for (double[] list : delayLists) {
            for (double d : list) {
                int r = 0;
                while (r < count && Double.compare(distinct[r], d) != 0) {
                    r++;
                }
                if (r == count && count < MAX_RINGS) {
                    distinct[count++] = d;
                }
            }
        }
        delays = Arrays.copyOf(distinct, count);
        rings = new Ring[count];
        for (int r = 0; r < count; r++) {
            rings[r] = new Ring();
        }
    }

    /** The ring of delay d, or -1 if d has none (deliveries with it go to the heap). */
    int ringOf(double d) {
        for (int r = 0; r < delays.length; r++) {
            if (Double.compare(delays[r], d) == 0) {
                return r;
            }
        }
        return -1;
    }

    void add(int ring, double t, long ord, int kind, int x, int y, double v) {
        rings[ring].add(t, ord, kind, x, y, v);
    }

    /** The ring whose head is earliest by (time, order), or -1 if all are empty. */
    int earliest() {
        int best = -1;
        double bestTime = 0;
        long bestOrder = 0;
        for (int r = 0; r < rings.length; r++) {
            Ring q = rings[r];
            if (q.size > 0) {
                double t = q.time[q.head];
                long o = q.order[q.head];
                if (best < 0 || t < bestTime || (t == bestTime && o < bestOrder)) {
                    best = r;
                    bestTime = t;
                    bestOrder = o;
                }
            }
        }
        return best;
    }

    double headTime(int ring) {
        Ring q = rings[ring];
        return q.time[q.head];
    }

    long headOrder(int ring) {
        Ring q = rings[ring];
        return q.order[q.head];
    }

    /** Removes ring r's head into the {@code top...} fields. */
    void pop(int ring) {
        Ring q = rings[ring];
        int i = q.head;
        topTime = q.time[i];
        topOrder = q.order[i];
        topKind = q.kind[i];
        topA = q.a[i];
        topB = q.b[i];
        topValue = q.value[i];
        q.head = (i + 1) & (q.time.length - 1);
        q.size--;
    }
}
