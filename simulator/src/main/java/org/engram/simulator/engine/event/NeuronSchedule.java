package org.engram.simulator.engine.event;

import java.util.Arrays;

/**
 * The one pending event of each neuron or source (a CHECK, FIRE or SOURCE), ordered by time, then
 * by neuron index. Re-planning a neuron moves its entry, so there are no stale events.
 *
 * <p>A calendar queue. An event at t belongs to bucket {@code floor(t / bucketMs)} (computed as
 * {@link #bucketIndex}, which is monotone in t). Events of buckets before {@link #horizonBucket}
 * are in an indexed 4-ary min-heap (4 children per node: half the depth of a binary heap, the
 * children share a cache line); later ones in a timing wheel of {@code buckets} lists, bucket b
 * in list {@code b mod buckets} (intrusive doubly linked lists, so placing or moving an event is
 * O(1)). When the heap runs empty the horizon moves forward one bucket at a time and the passed
 * bucket's events move into the heap (events a whole turn of the wheel or more ahead stay in
 * their list). The heap thus holds about one bucket's worth of events, and the many re-plans of
 * neurons far from threshold never touch it.
 *
 * <p>Invariants: every heap event's bucket is before the horizon and every wheel event's at or
 * after it, so (bucketIndex being monotone) every heap event is earlier than every wheel event;
 * g's SLOT is its heap index (0 or more), its wheel list {@code l} as {@code -2 - l}, or -1 when
 * it has no pending event; {@code time[g]} is the time of g's event.
 *
 * <p>Events of kind {@link #BOUND_CHECK} (checks planned at a lower bound of a crossing, which may as
 * well come sooner) skip the heap: {@link #open} takes them out of their bucket as it passes and
 * hands them to the caller, which handles them at once, ahead of their time. The heap and its
 * sifting are then for the events whose time is exact.
 *
 * <p>A neuron's links, slot and kind lie side by side in one record of {@link #node} (16 bytes,
 * not four arrays): an operation on a neuron touches one cache line of them, which matters once
 * the schedule outgrows the caches (100,000 neurons).
 */
final class NeuronSchedule {
    /**
     * The engine's wheel: 0.1 ms buckets, 1638.4 ms a turn. A bucket's BOUND_CHECK events are handled
     * together and the rest sorted in the heap: a wider bucket batches more bound checks, but
     * holds more exact events to sort; the width is tuned on the benchmarks (bench/RESULTS.md).
     */
    static final double DEFAULT_BUCKET_MS = 0.1;
    static final int DEFAULT_BUCKETS = 16384;

    /** A neuron's event: it spikes (a threshold crossing, found exactly). */
    static final int FIRE = 0;
    /** A neuron's event: its state must be looked at (it may reach threshold, or its refractory period ends). */
    static final int CHECK = 1;
    /** A spike source's next spike. */
    static final int SOURCE = 2;
    /**
     * A CHECK planned at a lower bound of a crossing, which may as well come sooner: the kind of
     * event that {@link #open} may hand over before its time.
     */
    static final int BOUND_CHECK = 3;

    private final double[] time;
    /** Per neuron g, at {@code 4 g}: its NEXT and PREVIOUS in its wheel list (-1: none), SLOT and KIND. */
    private final int[] node;
    private static final int NEXT = 0;
    private static final int PREVIOUS = 1;
    private static final int SLOT = 2;
    private static final int KIND = 3;
    private static final int NONE = -1;
    // the heap of the events before the horizon
    private final double[] heapTime;
    private final int[] heapNeuron;
    private int heapSize;
    // the wheel
    private final double bucketsPerMs;
    private final int bucketMask;
    private final int[] bucketHead;
    private int wheelSize;
    /** The neurons whose BOUND_CHECK events the last {@link #open} took out. */
    private final int[] early;
    /** The first bucket whose events are in the wheel. */
    private long horizonBucket;
    /** Buckets opened one after another without an event: a whole turn of them makes the horizon jump. */
    private int idleOpenings;
    /** The bucket whose start {@link #openingStart} holds (its computation takes a division and a search). */
    private long openingBucket = -1;
    private double openingStart;
    /** The first neuron of the schedule: it holds {@code first .. first + count - 1}, stored from 0. */
    private final int first;

    NeuronSchedule(int neurons) {
        this(0, neurons, DEFAULT_BUCKET_MS, DEFAULT_BUCKETS);
    }

    /** A schedule of the neurons {@code first .. first + count - 1}, with the engine's wheel. */
    NeuronSchedule(int first, int count) {
        this(first, count, DEFAULT_BUCKET_MS, DEFAULT_BUCKETS);
    }

    /** A schedule with a wheel of {@code buckets} (a power of two) buckets of {@code bucketMs}. */
    NeuronSchedule(int neurons, double bucketMs, int buckets) {
        this(0, neurons, bucketMs, buckets);
    }

    private NeuronSchedule(int first, int neurons, double bucketMs, int buckets) {
        this.first = first;
        if (Integer.bitCount(buckets) != 1 || !(bucketMs > 0)) {
            throw new IllegalArgumentException("buckets must be a power of two and bucketMs positive");
        }
        time = new double[neurons];
        node = new int[4 * neurons];
        for (int g = 0; g < neurons; g++) {
            node[4 * g + SLOT] = NONE;
        }
        heapTime = new double[neurons];
        heapNeuron = new int[neurons];
        early = new int[neurons];
        bucketsPerMs = 1 / bucketMs;
        bucketMask = buckets - 1;
        bucketHead = new int[buckets];
        Arrays.fill(bucketHead, -1);
    }

    boolean isEmpty() {
        return heapSize + wheelSize == 0;
    }

    /** The time of the earliest event; +infinity if there is none. */
    double peekTime() {
        fillHeap();
        return heapSize > 0 ? heapTime[0] : Double.POSITIVE_INFINITY;
    }

    /** The neuron of the earliest event; the schedule must hold one before +infinity. */
    int peekNeuron() {
        fillHeap();
        return first + heapNeuron[0];
    }

    /** Whether neuron g has a pending event. */
    boolean isPending(int g) {
        return node[4 * (g - first) + SLOT] != NONE;
    }

    /** The time of neuron g's pending event (or of its last one). */
    double timeOf(int g) {
        return time[g - first];
    }

    /** The kind of neuron g's pending event. */
    int kindOf(int g) {
        return node[4 * (g - first) + KIND];
    }

    /** Makes neuron {@code neuron}'s pending event one of the given kind at t, replacing any it had. */
    void schedule(int neuron, double t, int eventKind) {
        int g = neuron - first;
        node[4 * g + KIND] = eventKind;
        time[g] = t;
        long bucket = bucketIndex(t);
        int i = node[4 * g + SLOT];
        if (i >= 0) {
            if (bucket < horizonBucket) {
                // stays in the heap: moved in place
                if (before(t, g, heapTime[i], g)) {
                    siftUp(i, t, g);
                } else {
                    siftDown(i, t, g);
                }
                return;
            }
            removeFromHeap(g, i);
        } else if (i != NONE) {
            unlink(g);
        }
        if (bucket < horizonBucket) {
            siftUp(heapSize++, t, g);
        } else {
            link(g, bucket);
        }
    }

    /** Removes neuron {@code neuron}'s pending event, if any. */
    void cancel(int neuron) {
        int g = neuron - first;
        int i = node[4 * g + SLOT];
        if (i >= 0) {
            removeFromHeap(g, i);
        } else if (i != NONE) {
            unlink(g);
        }
    }

    /**
     * When the heap is empty: the time at which the wheel's next bucket opens ({@link #open}), the
     * earliest time that the bucket holds, which no event of an earlier bucket reaches; +infinity
     * when the wheel is empty too, or the heap is not. A bucket whose BOUND_CHECKs are done when it
     * opens, at this time, has them done at a time that depends on the schedule's own events
     * alone, not on when its caller got there.
     */
    double openingTime() {
        if (heapSize > 0 || wheelSize == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (idleOpenings > bucketMask) {
            // a whole turn without an event: the next is beyond it
            idleOpenings = 0;
            double earliest = earliestInWheel();
            if (earliest == Double.POSITIVE_INFINITY) {
                return earliest;
            }
            horizonBucket = Math.max(horizonBucket, bucketIndex(earliest));
        }
        if (openingBucket != horizonBucket) {
            openingBucket = horizonBucket;
            openingStart = bucketStart(horizonBucket);
        }
        return openingStart;
    }

    /**
     * Opens the wheel's next bucket (the heap must be empty): its events before the new horizon
     * move into the heap, but its BOUND_CHECKs are taken out; returns how many (their neurons are
     * {@link #early}(0) and on). The caller does them at once, at {@link #openingTime}.
     */
    int open() {
        long bucket = horizonBucket++;
        int taken = 0;
        boolean any = false;
        for (int g = bucketHead[(int) (bucket & bucketMask)]; g >= 0; ) {
            int following = node[4 * g + NEXT];
            if (bucketIndex(time[g]) == bucket) {
                any = true;
                unlink(g);
                if (node[4 * g + KIND] == BOUND_CHECK) {
                    early[taken++] = g;
                } else {
                    siftUp(heapSize++, time[g], g);
                }
            }
            g = following;
        }
        idleOpenings = any ? 0 : idleOpenings + 1;
        return taken;
    }

    /** The neuron of the q-th BOUND_CHECK that the last {@link #open} took out. */
    int early(int q) {
        return first + early[q];
    }

    /** Removes the earliest event and returns its neuron; its kind stays readable by {@link #kindOf}. */
    int pop() {
        fillHeap();
        int g = heapNeuron[0];
        node[4 * g + SLOT] = NONE;
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, heapTime[last], heapNeuron[last]);
        }
        return first + g;
    }

    /** Whether the heap, the events before the horizon, is empty. */
    boolean heapEmpty() {
        return heapSize == 0;
    }

    /**
     * While the heap is empty and the wheel is not, moves the horizon forward a bucket at a time,
     * moving the passed bucket's events before the new horizon into the heap (BOUND_CHECKs too);
     * after a whole turn without any, the horizon jumps to the bucket of the earliest wheel event.
     */
    private void fillHeap() {
        int passed = 0;
        while (heapSize == 0 && wheelSize > 0) {
            if (passed > bucketMask) {
                double earliest = earliestInWheel();
                if (earliest == Double.POSITIVE_INFINITY) {
                    return;
                }
                horizonBucket = Math.max(horizonBucket, bucketIndex(earliest));
                passed = 0;
            }
            long bucket = horizonBucket++;
            passed++;
            for (int g = bucketHead[(int) (bucket & bucketMask)]; g >= 0; ) {
                int following = node[4 * g + NEXT];
                if (bucketIndex(time[g]) == bucket) {
                    unlink(g);
                    siftUp(heapSize++, time[g], g);
                }
                g = following;
            }
        }
    }

    private double earliestInWheel() {
        double earliest = Double.POSITIVE_INFINITY;
        for (int head : bucketHead) {
            for (int g = head; g >= 0; g = node[4 * g + NEXT]) {
                earliest = Math.min(earliest, time[g]);
            }
        }
        return earliest;
    }

    /**
     * The bucket of time t >= 0: non-decreasing in t (a correctly rounded product, then the cast,
     * which is the floor for non-negative numbers; +infinity maps to the last bucket).
     */
    private long bucketIndex(double t) {
        return (long) (t * bucketsPerMs);
    }

    /** The smallest time in bucket b: every time of bucket b is at or after it, every earlier bucket's before it. */
    private double bucketStart(long b) {
        double t = b / bucketsPerMs;
        while (t > 0 && bucketIndex(Math.nextDown(t)) >= b) {
            t = Math.nextDown(t);
        }
        while (bucketIndex(t) < b) {
            t = Math.nextUp(t);
        }
        return t;
    }

    private void link(int g, long bucketIndex) {
        int bucket = (int) (bucketIndex & bucketMask);
        int head = bucketHead[bucket];
        int r = 4 * g;
        node[r + NEXT] = head;
        node[r + PREVIOUS] = -1;
        node[r + SLOT] = -2 - bucket;
        if (head >= 0) {
            node[4 * head + PREVIOUS] = g;
        }
        bucketHead[bucket] = g;
        wheelSize++;
    }

    private void unlink(int g) {
        int r = 4 * g;
        int p = node[r + PREVIOUS];
        int q = node[r + NEXT];
        if (p >= 0) {
            node[4 * p + NEXT] = q;
        } else {
            bucketHead[-2 - node[r + SLOT]] = q;
        }
        if (q >= 0) {
            node[4 * q + PREVIOUS] = p;
        }
        node[r + SLOT] = NONE;
        wheelSize--;
    }

    private void removeFromHeap(int g, int i) {
        node[4 * g + SLOT] = NONE;
        int last = --heapSize;
        if (i == last) {
            return;
        }
        double t = heapTime[last];
        int h = heapNeuron[last];
        if (i > 0 && before(t, h, heapTime[(i - 1) >>> 2], heapNeuron[(i - 1) >>> 2])) {
            siftUp(i, t, h);
        } else {
            siftDown(i, t, h);
        }
    }

    private static boolean before(double t1, int g1, double t2, int g2) {
        return t1 < t2 || (t1 == t2 && g1 < g2);
    }

    /** Places (t, g) at hole i or above it. */
    private void siftUp(int i, double t, int g) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(t, g, heapTime[parent], heapNeuron[parent])) {
                break;
            }
            put(i, heapTime[parent], heapNeuron[parent]);
            i = parent;
        }
        put(i, t, g);
    }

    /** Places (t, g) at hole i or below it. */
    private void siftDown(int i, double t, int g) {
        int n = heapSize;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int child = first;
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (before(heapTime[c], heapNeuron[c], heapTime[child], heapNeuron[child])) {
                    child = c;
                }
            }
            if (!before(heapTime[child], heapNeuron[child], t, g)) {
                break;
            }
            put(i, heapTime[child], heapNeuron[child]);
            i = child;
        }
        put(i, t, g);
    }

    private void put(int i, double t, int g) {
        heapTime[i] = t;
        heapNeuron[i] = g;
        node[4 * g + SLOT] = i;
    }
}
