package org.engram.simulator.engine.event;

import java.util.Arrays;

/**
 * The one pending event of each neuron or source (a CHECK, FIRE or SOURCE), in an indexed 4-ary
 * min-heap ordered by time, then by neuron index (4 children per node: half the depth of a binary
 * heap, and the children share a cache line). Re-planning a neuron moves its entry in place,
 * so the heap never holds stale events and stays at most one entry per neuron deep.
 *
 * <p>Invariants: {@code position[heapNeuron[i]] == i} for every {@code i < size}; a neuron not
 * in the heap has position -1; {@code heapTime[i]} is the time of {@code heapNeuron[i]}'s event.
 */
final class NeuronSchedule {
    private final double[] heapTime;
    private final int[] heapNeuron;
    private final int[] position;
    private final byte[] kind;
    private int size;

    NeuronSchedule(int neurons) {
        heapTime = new double[neurons];
        heapNeuron = new int[neurons];
        position = new int[neurons];
        kind = new byte[neurons];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The time of the earliest event; the schedule must not be empty. */
    double peekTime() {
        return heapTime[0];
    }

    /** The neuron of the earliest event; the schedule must not be empty. */
    int peekNeuron() {
        return heapNeuron[0];
    }

    /** The kind of neuron g's pending event. */
    int kindOf(int g) {
        return kind[g];
    }

    /** Makes neuron g's pending event one of the given kind at t, replacing any it had. */
    void schedule(int g, double t, int eventKind) {
        kind[g] = (byte) eventKind;
        int i = position[g];
        if (i < 0) {
            siftUp(size++, t, g);
        } else if (before(t, g, heapTime[i], g)) {
            siftUp(i, t, g);
        } else {
            siftDown(i, t, g);
        }
    }

    /** Removes neuron g's pending event, if any. */
    void cancel(int g) {
        int i = position[g];
        if (i < 0) {
            return;
        }
        position[g] = -1;
        int last = --size;
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

    /** Removes the earliest event and returns its neuron; its kind stays readable by {@link #kindOf}. */
    int pop() {
        int g = heapNeuron[0];
        position[g] = -1;
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapNeuron[last]);
        }
        return g;
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
        int n = size;
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
        position[g] = i;
    }
}
