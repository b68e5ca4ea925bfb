package org.engram.simulator.engine.event;

import java.util.Arrays;

/**
 * A binary min-heap of events in primitive arrays, ordered by time, then by an order key. Each
 * event carries its kind, two ints and a double. Nothing is allocated per event; the arrays grow by
 * doubling and never shrink.
 */
final class EventQueue {
    private double[] time = new double[1024];
    private long[] order = new long[1024];
    private int[] kind = new int[1024];
    private int[] a = new int[1024];
    private int[] b = new int[1024];
    private double[] value = new double[1024];
    private int size;

    // the event most recently popped
    double topTime;
    long topOrder;
    int topKind;
    int topA;
    int topB;
    double topValue;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The time of the earliest event; the queue must not be empty. */
    double peekTime() {
        return time[0];
    }

    /** The order key of the earliest event; the queue must not be empty. */
    long peekOrder() {
        return order[0];
    }

    void push(double t, long ord, int what, int x, int y, double v) {
        if (size == time.length) {
            int cap = size * 2;
            time = Arrays.copyOf(time, cap);
            order = Arrays.copyOf(order, cap);
            kind = Arrays.copyOf(kind, cap);
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            value = Arrays.copyOf(value, cap);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, ord, time[parent], order[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, ord, what, x, y, v);
    }

    /** Removes the earliest event into the {@code top...} fields. */
    void pop() {
        topTime = time[0];
        topOrder = order[0];
        topKind = kind[0];
        topA = a[0];
        topB = b[0];
        topValue = value[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = time[last];
        long ord = order[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && less(time[child + 1], order[child + 1], time[child], order[child])) {
                child++;
            }
            if (!less(time[child], order[child], t, ord)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, ord, kind[last], a[last], b[last], value[last]);
    }

    private static boolean less(double t1, long o1, double t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void move(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        kind[to] = kind[from];
        a[to] = a[from];
        b[to] = b[from];
        value[to] = value[from];
    }

    private void set(int i, double t, long ord, int what, int x, int y, double v) {
        time[i] = t;
        order[i] = ord;
        kind[i] = what;
        a[i] = x;
        b[i] = y;
        value[i] = v;
    }
}
