package org.engram.spinnaker.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Region {@link ImageFormat#RECORDING}: the output region a core records into, one step after
 * another, and the host reads back after the run.
 *
 * <pre>
 * word 0                 ticks recorded so far (written after each step's words)
 * word 1                 S = spike words per tick: ceil(size / 32), or 0 if spikes are not recorded
 * word 2                 V = v words per tick: size, or 0 if v is not recorded
 * word 3 + t S ...       tick t's spikes: neuron i is bit i % 32 of word i / 32
 * word 3 + T S + t V ... tick t's membrane potentials after the step, S16.15 mV, neuron order
 * </pre>
 *
 * where {@code T}, the ticks the region has room for, is {@code (words - 3) / (S + V)} (the run
 * ticks of the SYSTEM region). All words are little-endian.
 */
public final class RecordingRegion {
    public static final int TICKS = 0;
    public static final int SPIKE_WORDS = 1;
    public static final int V_WORDS = 2;
    public static final int HEADER_WORDS = 3;

    private RecordingRegion() {}

    /** Spike words per tick for a slice of {@code size} neurons. */
    public static int spikeWords(int size, boolean recordsSpikes) {
        return recordsSpikes ? (size + 31) / 32 : 0;
    }

    /** v words per tick. */
    public static int vWords(int size, boolean recordsV) {
        return recordsV ? size : 0;
    }

    /** The words of a region for {@code ticks} steps; -1 if they would number 2^31 or more. */
    public static long sizeWords(int size, boolean recordsSpikes, boolean recordsV, long ticks) {
        long words = HEADER_WORDS + ticks * (spikeWords(size, recordsSpikes) + vWords(size, recordsV));
        return words > Integer.MAX_VALUE ? -1 : words;
    }

    /** Where a writer puts bytes (the core's SDRAM). */
    @FunctionalInterface
    public interface Memory {
        void write(long address, byte[] bytes);
    }

    /**
     * Writes one core's recording, tick by tick, into a region at {@code address} of
     * {@code sizeWords} words: the header at {@link #start}, then each step's words and the new
     * tick count at {@link #record}.
     */
    public static final class Writer {
        private final long address;
        private final int spikeWords;
        private final int vWords;
        private final int capacity;
        private final Memory memory;
        private final ByteBuffer spikes;
        private final ByteBuffer v;
        private final ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        private int ticks;

        /**
         * @throws IllegalArgumentException if the region cannot hold a tick of the given words
         *         (unless nothing is recorded)
         */
        public Writer(long address, int sizeWords, int spikeWords, int vWords, Memory memory) {
            int perTick = spikeWords + vWords;
            if (sizeWords < HEADER_WORDS || spikeWords < 0 || vWords < 0) {
                throw new IllegalArgumentException("recording region of " + sizeWords + " words, " + spikeWords
                        + " spike and " + vWords + " v words per tick");
            }
            this.address = address;
            this.spikeWords = spikeWords;
            this.vWords = vWords;
            this.capacity = perTick == 0 ? Integer.MAX_VALUE : (sizeWords - HEADER_WORDS) / perTick;
            this.memory = memory;
            spikes = ByteBuffer.allocate(4 * spikeWords).order(ByteOrder.LITTLE_ENDIAN);
            v = ByteBuffer.allocate(4 * vWords).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Writes the header: no ticks yet, and the words per tick. */
        public void start() {
            ByteBuffer h = ByteBuffer.allocate(4 * HEADER_WORDS).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0).putInt(spikeWords).putInt(vWords);
            memory.write(address, h.array());
        }

        /**
         * Records the next tick: the first {@code S} words of {@code spikeBits} and the first
         * {@code V} of {@code v} (either may be null when its count is 0), then the tick count.
         *
         * @throws IllegalStateException when the region is full
         */
        public void record(int[] spikeBits, int[] membrane) {
            if (ticks >= capacity) {
                throw new IllegalStateException("recording region at 0x" + Long.toHexString(address) + " is full after "
                        + ticks + " ticks");
            }
            if (spikeWords > 0) {
                spikes.clear();
                spikes.asIntBuffer().put(spikeBits, 0, spikeWords);
                memory.write(address + 4L * (HEADER_WORDS + (long) ticks * spikeWords), spikes.array());
            }
            if (vWords > 0) {
                v.clear();
                v.asIntBuffer().put(membrane, 0, vWords);
                memory.write(address + 4L * (HEADER_WORDS + (long) capacity * spikeWords + (long) ticks * vWords),
                        v.array());
            }
            ticks++;
            count.clear();
            count.putInt(ticks);
            memory.write(address + 4L * TICKS, count.array());
        }
    }

    /**
     * A recording read back.
     *
     * @param spikes per tick, its spike words (empty arrays when spikes were not recorded)
     * @param v per tick, its S16.15 membrane potentials (empty arrays when v was not recorded)
     */
    public record Recorded(int ticks, int spikeWords, int vWords, int[][] spikes, int[][] v) {
        /** Whether neuron {@code i} fired at tick {@code t}. */
        public boolean spiked(int t, int i) {
            return (spikes[t][i >>> 5] >>> (i & 31) & 1) != 0;
        }
    }

    /** Decodes a region's words; a header that does not fit the words is an error naming both. */
    public static Recorded decode(int[] words) {
        if (words.length < HEADER_WORDS) {
            throw new IllegalArgumentException("a recording region has " + HEADER_WORDS + " header words; read "
                    + words.length);
        }
        int ticks = words[TICKS];
        int s = words[SPIKE_WORDS];
        int vw = words[V_WORDS];
        long perTick = (long) s + vw;
        long capacity = perTick == 0 ? Long.MAX_VALUE : (words.length - HEADER_WORDS) / perTick;
        if (ticks < 0 || s < 0 || vw < 0 || ticks > capacity) {
            throw new IllegalArgumentException(String.format("recording region of %d words says %d ticks of %d spike "
                    + "and %d v words; it holds at most %d", words.length, Integer.toUnsignedLong(ticks),
                    Integer.toUnsignedLong(s), Integer.toUnsignedLong(vw), Math.max(0, capacity)));
        }
        int[][] spikes = new int[ticks][];
        int[][] v = new int[ticks][];
        int vStart = (int) (HEADER_WORDS + (perTick == 0 ? 0 : capacity * s));
        for (int t = 0; t < ticks; t++) {
            int at = HEADER_WORDS + t * s;
            spikes[t] = java.util.Arrays.copyOfRange(words, at, at + s);
            v[t] = java.util.Arrays.copyOfRange(words, vStart + t * vw, vStart + t * vw + vw);
        }
        return new Recorded(ticks, s, vw, spikes, v);
    }

    /** Decodes a region as read from memory (little-endian words). */
    public static Recorded decode(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("a recording region is whole words; read " + bytes.length + " bytes");
        }
        int[] words = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(words);
        return decode(words);
    }
}
