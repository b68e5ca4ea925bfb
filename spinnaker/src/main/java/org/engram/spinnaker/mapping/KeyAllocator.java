package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multicast keys: each slice gets a key and a mask, and its neuron {@code i} sends
 * {@code key | (i - lo)}. A population's slices share one aligned block, slice after slice, so
 * that routes to the same place merge into few entries: with {@code s} bits for the neurons of
 * a slice and {@code b} for its slices, the block has {@code 2^(s+b)} keys. Blocks are laid out
 * largest first, so each starts aligned; no two slices' keys overlap.
 */
final class KeyAllocator {
    /** Keys stay below SCAMP's own (entry 0 matches 0xFFFF5554 and 0xFFFF5555). */
    static final long KEY_SPACE_END = 0xFFFF_0000L;

    /** Key and mask of every slice of a partition. */
    record Keys(int[] key, int[] mask) {}

    private KeyAllocator() {}

    /** Bits to number {@code n} things: 0 for one. */
    static int bits(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    static Keys allocate(Partitioner.Partition p) {
        int[] first = p.firstSlice();
        int pops = first.length;
        int sliceCount = p.slices().size();
        int[] sliceBits = new int[pops];
        int[] blockBits = new int[pops];
        List<Integer> order = new ArrayList<>();
        for (int q = 0; q < pops; q++) {
            sliceBits[q] = bits(p.sliceSize()[q]);
            blockBits[q] = sliceBits[q] + bits(p.endSlice(q) - first[q]);
            order.add(q);
        }
        order.sort(Comparator.comparingInt((Integer q) -> -blockBits[q]).thenComparingInt(q -> q));
        int[] key = new int[sliceCount];
        int[] mask = new int[sliceCount];
        long next = 0;
        for (int q : order) {
            if (blockBits[q] > 31 || next + (1L << blockBits[q]) > KEY_SPACE_END) {
                throw new MappingException("the network's neurons need more than the " + KEY_SPACE_END
                        + " multicast keys SpiNNaker leaves to applications (population " + p.slices().get(first[q]).label()
                        + " needs a block of 2^" + blockBits[q] + ")");
            }
            for (int s = first[q]; s < p.endSlice(q); s++) {
                key[s] = (int) (next + ((long) (s - first[q]) << sliceBits[q]));
                mask[s] = -1 << sliceBits[q];
            }
            next += 1L << blockBits[q];
        }
        return new Keys(key, mask);
    }
}
