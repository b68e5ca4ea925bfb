package org.engram.simulator.engine.fixed;

import java.util.Arrays;

/**
 * The synapse regions of a neuron core image: the master population table, the synaptic rows and
 * the ring-buffer format.
 *
 * <p><b>Master population table.</b> Entry {@code e} matches the keys {@code k} with
 * {@code (k & entryMask[e]) == entryKey[e]}: one source slice, whose neuron {@code k & ~mask} has
 * row {@code entryFirstRow[e] + (k & ~mask)} (of {@code entryRows[e]}). Entries are sorted by key
 * and do not overlap, so a lookup is a binary search.
 *
 * <p><b>Rows.</b> Row {@code r} holds static synapses {@code staticRowStart[r]} to
 * {@code staticRowStart[r + 1] - 1} and plastic synapses {@code plasticRowStart[r]} to
 * {@code plasticRowStart[r + 1] - 1}, and the row's plastic header: the step and STDP trace of
 * its last pre spike ({@code preTime}, {@code preTrace}; 0 and 0 before the first). A static
 * synapse is one word, a plastic one a control word and a weight word:
 * <pre>
 *   static word:  [ weight:16 | delay:D | receptor:1 | index:I ]
 *   control word: [ 0:16      | delay:D | receptor:1 | index:I ]
 * </pre>
 * with {@code I = indexBits}, {@code D = delayBits}, {@code I + 1 + D <= 16}; the delay is in
 * steps (at least 1), the receptor 0 excitatory or 1 inhibitory, the index the target neuron in
 * the core, the weight an unsigned 16-bit word of ring-buffer units.
 *
 * <p><b>Ring buffers.</b> A weight {@code w} of receptor {@code r} is {@code w << shift[r]} as
 * S16.15 (nA, or mV for delta synapses): one unit is {@code 2^(shift - 15)}. There are
 * {@code 2^D} slots of step, so delays up to {@code 2^D - 1} steps.
 *
 * <p>Plastic weights and row headers change as the core runs (on SpiNNaker the rows are written
 * back to SDRAM); everything else is read only.
 */
public final class SynapticMatrix {
    public final int indexBits;
    public final int delayBits;
    /** The ring-buffer left shift of each receptor. */
    public final int[] shift;
    public final int[] entryKey;
    public final int[] entryMask;
    public final int[] entryFirstRow;
    public final int[] entryRows;
    public final int[] staticRowStart;
    public final int[] staticWords;
    public final int[] plasticRowStart;
    public final int[] plasticControl;
    public final int[] plasticWeight;
    public final int[] preTime;
    public final int[] preTrace;

    /**
     * Checks every invariant above for a core of {@code neurons} neurons, so that a running core
     * never indexes outside its arrays.
     */
    public SynapticMatrix(int neurons, int indexBits, int delayBits, int[] shift, int[] entryKey, int[] entryMask,
            int[] entryFirstRow, int[] entryRows, int[] staticRowStart, int[] staticWords, int[] plasticRowStart,
            int[] plasticControl, int[] plasticWeight, int[] preTime, int[] preTrace) {
        if (indexBits < 0 || delayBits < 1 || indexBits + 1 + delayBits > 16) {
            throw new IllegalArgumentException("index bits " + indexBits + ", delay bits " + delayBits
                    + ": expected index bits >= 0, delay bits >= 1, and at most 16 with the receptor bit");
        }
        if (neurons <= 0 || neurons > 1 << indexBits) {
            throw new IllegalArgumentException(neurons + " neurons do not fit " + indexBits + " index bits");
        }
        if (shift.length != 2 || shift[0] < 0 || shift[0] > 15 || shift[1] < 0 || shift[1] > 15) {
            throw new IllegalArgumentException("ring-buffer shifts " + Arrays.toString(shift)
                    + ": expected two shifts in [0, 15]");
        }
        int rows = staticRowStart.length - 1;
        if (rows < 0 || plasticRowStart.length != rows + 1 || preTime.length != rows || preTrace.length != rows) {
            throw new IllegalArgumentException("rows: " + staticRowStart.length + " static and "
                    + plasticRowStart.length + " plastic offsets, " + preTime.length + " and " + preTrace.length
                    + " row headers; expected rows + 1 offsets and rows headers");
        }
        checkOffsets("static", staticRowStart, staticWords.length);
        checkOffsets("plastic", plasticRowStart, plasticControl.length);
        if (plasticWeight.length != plasticControl.length) {
            throw new IllegalArgumentException(plasticControl.length + " plastic control words but "
                    + plasticWeight.length + " weights");
        }
        int entries = entryKey.length;
        if (entryMask.length != entries || entryFirstRow.length != entries || entryRows.length != entries) {
            throw new IllegalArgumentException("population table: the four entry arrays differ in length");
        }
        for (int e = 0; e < entries; e++) {
            long span = Integer.toUnsignedLong(~entryMask[e]) + 1;
            if ((entryKey[e] & ~entryMask[e]) != 0 || Integer.bitCount(~entryMask[e] + 1) > 1
                    || (e > 0 && Integer.compareUnsigned(entryKey[e - 1] | ~entryMask[e - 1], entryKey[e]) >= 0)
                    || entryRows[e] <= 0 || entryRows[e] > span || entryFirstRow[e] < 0
                    || (long) entryFirstRow[e] + entryRows[e] > rows) {
                throw new IllegalArgumentException("population table entry " + e + " (key "
                        + Integer.toHexString(entryKey[e]) + ", mask " + Integer.toHexString(entryMask[e])
                        + ", rows " + entryFirstRow[e] + "+" + entryRows[e] + ") is unaligned, out of order, "
                        + "overlaps the previous one or points outside the " + rows + " rows");
            }
        }
        this.indexBits = indexBits;
        this.delayBits = delayBits;
        this.shift = shift.clone();
        this.entryKey = entryKey;
        this.entryMask = entryMask;
        this.entryFirstRow = entryFirstRow;
        this.entryRows = entryRows;
        this.staticRowStart = staticRowStart;
        this.staticWords = staticWords;
        this.plasticRowStart = plasticRowStart;
        this.plasticControl = plasticControl;
        this.plasticWeight = plasticWeight;
        this.preTime = preTime;
        this.preTrace = preTrace;
        for (int word : staticWords) {
            checkSynapse(neurons, word);
        }
        for (int word : plasticControl) {
            if (word >>> 16 != 0) {
                throw new IllegalArgumentException("plastic control word " + Integer.toHexString(word)
                        + " has bits above 16");
            }
            checkSynapse(neurons, word);
        }
        for (int w : plasticWeight) {
            if (w < 0 || w > 0xFFFF) {
                throw new IllegalArgumentException("plastic weight " + w + " is not a 16-bit word");
            }
        }
    }

    private static void checkOffsets(String what, int[] start, int words) {
        if (start[0] != 0 || start[start.length - 1] != words) {
            throw new IllegalArgumentException(what + " rows: offsets run from " + start[0] + " to "
                    + start[start.length - 1] + "; expected 0 to " + words);
        }
        for (int r = 0; r + 1 < start.length; r++) {
            if (start[r + 1] < start[r]) {
                throw new IllegalArgumentException(what + " row " + r + " ends before it starts");
            }
        }
    }

    private void checkSynapse(int neurons, int word) {
        if (index(word) >= neurons || delay(word) == 0) {
            throw new IllegalArgumentException("synapse word " + Integer.toHexString(word) + ": target "
                    + index(word) + " of " + neurons + " neurons, delay " + delay(word) + "; expected a target "
                    + "in the core and a delay of at least one step");
        }
    }

    /** The most steps a delay may have. */
    public int maxDelay() {
        return (1 << delayBits) - 1;
    }

    /** The row of a key, or -1 if no entry matches it. */
    public int row(int key) {
        int lo = 0;
        int hi = entryKey.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(entryKey[mid], key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int e = hi;
        if (e < 0 || (key & entryMask[e]) != entryKey[e]) {
            return -1;
        }
        int neuron = key & ~entryMask[e];
        return neuron < entryRows[e] ? entryFirstRow[e] + neuron : -1;
    }

    /** A static word or control word's target index. */
    int index(int word) {
        return word & ((1 << indexBits) - 1);
    }

    /** A static word or control word's receptor. */
    int receptor(int word) {
        return (word >>> indexBits) & 1;
    }

    /** A static word or control word's delay, steps. */
    int delay(int word) {
        return (word >>> (indexBits + 1)) & ((1 << delayBits) - 1);
    }

    /** The static word of a synapse. */
    static int staticWord(int weight, int delay, int receptor, int index, int indexBits) {
        if (weight < 0 || weight > 0xFFFF) {
            throw new IllegalArgumentException("weight " + weight + " is not a 16-bit word");
        }
        return weight << 16 | controlWord(delay, receptor, index, indexBits);
    }

    /** The control word of a plastic synapse. */
    static int controlWord(int delay, int receptor, int index, int indexBits) {
        if (delay < 1 || (long) delay << (indexBits + 1) > 0xFFFF || (receptor & ~1) != 0 || index < 0
                || index >= 1 << indexBits) {
            throw new IllegalArgumentException("delay " + delay + ", receptor " + receptor + ", index " + index
                    + " do not fit a 16-bit control word with " + indexBits + " index bits");
        }
        return delay << (indexBits + 1) | receptor << indexBits | index;
    }
}
