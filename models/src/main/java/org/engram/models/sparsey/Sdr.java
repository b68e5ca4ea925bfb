package org.engram.models.sparsey;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A sparse distributed representation: {@code size} bits of which a few are active, modelled on
 * htm.core's {@code SDR} (one flat dimension). Immutable; the views return copies.
 *
 * <p>Invariant: the active indices are sorted, unique and within {@code [0, size)}, so overlap,
 * union and intersection are merges of two sorted arrays.
 */
public final class Sdr {
    private final int size;
    private final int[] active;

    private Sdr(int size, int[] sortedUniqueActive) {
        this.size = size;
        this.active = sortedUniqueActive;
    }

    /** An SDR with the given active indices, in any order (htm.core's {@code setSparse}). */
    public static Sdr ofSparse(int size, int... activeIndices) {
        checkSize(size);
        int[] sorted = activeIndices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= size) {
                throw new SdrException(where(size), "active index " + sorted[i] + " is out of range; expected 0 <= index < "
                        + size);
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new SdrException(where(size), "active index " + sorted[i]
                        + " is given twice; expected each active index once");
            }
        }
        return new Sdr(size, sorted);
    }

    /** An SDR whose size is the array's length and whose active bits are its true entries. */
    public static Sdr ofDense(boolean[] dense) {
        checkSize(dense.length);
        int count = 0;
        for (boolean bit : dense) {
            if (bit) {
                count++;
            }
        }
        int[] indices = new int[count];
        int next = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i]) {
                indices[next++] = i;
            }
        }
        return new Sdr(dense.length, indices);
    }

    /**
     * An SDR with exactly {@code activeCount} active bits, every such SDR equally likely; the same
     * generator state gives the same SDR.
     */
    public static Sdr random(int size, int activeCount, SplittableRandom rng) {
        checkSize(size);
        if (activeCount < 0 || activeCount > size) {
            throw new SdrException(where(size), "active count " + activeCount + " is out of range; expected 0 <= count <= "
                    + size);
        }
        return new Sdr(size, chooseSorted(activeCount, size, rng));
    }

    /**
     * A random SDR whose active count is {@code round(size * sparsity)}, as htm.core's
     * {@code randomize(sparsity, rng)}.
     */
    public static Sdr randomWithSparsity(int size, double sparsity, SplittableRandom rng) {
        checkSize(size);
        if (!(sparsity >= 0 && sparsity <= 1)) { // also rejects NaN
            throw new SdrException(where(size), "sparsity " + sparsity + " is out of range; expected 0 <= sparsity <= 1");
        }
        return random(size, (int) Math.round(size * sparsity), rng);
    }

    public int size() {
        return size;
    }

    /** The number of active bits (htm.core's {@code getSum}). */
    public int activeCount() {
        return active.length;
    }

    /** The fraction of bits that are active. */
    public double sparsity() {
        return (double) active.length / size;
    }

    /** The active indices, sorted and unique (a copy). */
    public int[] sparse() {
        return active.clone();
    }

    /** One entry per bit, true where active (a copy). */
    public boolean[] dense() {
        boolean[] dense = new boolean[size];
        for (int i : active) {
            dense[i] = true;
        }
        return dense;
    }

    public boolean isActive(int index) {
        if (index < 0 || index >= size) {
            throw new SdrException(where(size), "index " + index + " is out of range; expected 0 <= index < " + size);
        }
        return Arrays.binarySearch(active, index) >= 0;
    }

    /** The number of bits active in both: |x AND y|. */
    public int overlap(Sdr other) {
        checkSameSize(other, "overlap");
        return intersect(other, null);
    }

    /** The bits active in both. */
    public Sdr intersection(Sdr other) {
        checkSameSize(other, "intersection");
        int[] both = new int[Math.min(active.length, other.active.length)];
        return new Sdr(size, Arrays.copyOf(both, intersect(other, both)));
    }

    /** Counts the bits active in both and, when {@code into} is not null, writes them there in order. */
    private int intersect(Sdr other, int[] into) {
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < active.length && j < other.active.length) {
            if (active[i] < other.active[j]) {
                i++;
            } else if (active[i] > other.active[j]) {
                j++;
            } else {
                if (into != null) {
                    into[count] = active[i];
                }
                count++;
                i++;
                j++;
            }
        }
        return count;
    }

    /** The bits active in either. */
    public Sdr union(Sdr other) {
        checkSameSize(other, "union");
        int[] either = new int[active.length + other.active.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < active.length || j < other.active.length) {
            if (j == other.active.length || (i < active.length && active[i] < other.active[j])) {
                either[count++] = active[i++];
            } else if (i == active.length || active[i] > other.active[j]) {
                either[count++] = other.active[j++];
            } else {
                either[count++] = active[i];
                i++;
                j++;
            }
        }
        return new Sdr(size, Arrays.copyOf(either, count));
    }

    /**
     * This SDR with {@code round(fraction * activeCount)} of its active bits moved to bits that were
     * inactive, chosen uniformly (htm.core's {@code addNoise}): the active count stays the same and
     * the overlap with this SDR is the active count less the moved bits.
     */
    public Sdr addNoise(double fraction, SplittableRandom rng) {
        if (!(fraction >= 0 && fraction <= 1)) { // also rejects NaN
            throw new SdrException(where(size), "noise fraction " + fraction + " is out of range; expected 0 <= fraction <= 1");
        }
        int moved = (int) Math.round(fraction * active.length);
        int inactiveCount = size - active.length;
        if (moved > inactiveCount) {
            throw new SdrException(where(size), "noise fraction " + fraction + " would move " + moved
                    + " active bits but only " + inactiveCount + " bits are inactive");
        }
        boolean[] dense = dense();
        for (int rank : chooseSorted(moved, active.length, rng)) {
            dense[active[rank]] = false;
        }
        // Ranks among the bits that were inactive before any was turned off.
        int[] onRanks = chooseSorted(moved, inactiveCount, rng);
        int next = 0;
        int inactiveRank = 0;
        int a = 0;
        for (int i = 0; i < size && next < onRanks.length; i++) {
            if (a < active.length && active[a] == i) {
                a++;
                continue;
            }
            if (inactiveRank++ == onRanks[next]) {
                dense[i] = true;
                next++;
            }
        }
        return ofDense(dense);
    }

    /**
     * {@code count} distinct values of {@code [0, from)}, sorted, each subset equally likely:
     * Knuth's selection sampling (TAOCP vol. 2, 3.4.2, Algorithm S), which needs no extra memory
     * and yields the values in order.
     */
    private static int[] chooseSorted(int count, int from, SplittableRandom rng) {
        int[] chosen = new int[count];
        int taken = 0;
        for (int i = 0; i < from && taken < count; i++) {
            if (rng.nextInt(from - i) < count - taken) {
                chosen[taken++] = i;
            }
        }
        return chosen;
    }

    private void checkSameSize(Sdr other, String operation) {
        if (other.size != size) {
            throw new SdrException(where(size), operation + " with an SDR of size " + other.size
                    + "; expected the same size " + size);
        }
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw new SdrException("SDR", "size " + size + " is out of range; expected size >= 1");
        }
    }

    private static String where(int size) {
        return "SDR of size " + size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sdr other && other.size == size && Arrays.equals(other.active, active);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(active);
    }

    @Override
    public String toString() {
        return "Sdr(size " + size + ", active " + Arrays.toString(active) + ")";
    }
}
