package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordingRegionTest {
    static final long ADDRESS = 0x6200_0100L;

    /** 40 neurons (2 spike words, 40 v words a tick) with room for 3 ticks: 3 + 3 * 42 words. */
    static final int WORDS = 3 + 3 * 42;

    final byte[] memory = new byte[4 * WORDS];

    RecordingRegion.Writer writer() {
        return new RecordingRegion.Writer(ADDRESS, WORDS, 2, 40,
                (address, bytes) -> System.arraycopy(bytes, 0, memory, (int) (address - ADDRESS), bytes.length));
    }

    int word(int k) {
        return ByteBuffer.wrap(memory).order(ByteOrder.LITTLE_ENDIAN).getInt(4 * k);
    }

    static int[] v(int tick) {
        int[] v = new int[40];
        for (int i = 0; i < 40; i++) {
            v[i] = -(65 << 15) + 1000 * tick + i;
        }
        return v;
    }

    @Test
    void ticksAreWrittenAsTheLayoutSays() {
        assertEquals(WORDS, RecordingRegion.sizeWords(40, true, true, 3));
        RecordingRegion.Writer w = writer();
        w.start();
        assertEquals("000000000200000028000000", HexFormat.of().formatHex(memory, 0, 12), "0 ticks, 2 and 40 words");
        w.record(new int[] {1 << 5, 1 << 7}, v(0)); // neurons 5 and 39
        w.record(new int[] {1, 0}, v(1));           // neuron 0
        assertEquals(2, word(0));
        assertEquals(1 << 5, word(3));
        assertEquals(1 << 7, word(4));
        assertEquals(1, word(5));
        assertEquals(0, word(6));
        assertEquals(0, word(7), "tick 2's spikes are not written yet");
        // v follows the spikes of all 3 ticks: tick 0 at word 9, tick 1 at word 49
        for (int i = 0; i < 40; i++) {
            assertEquals(v(0)[i], word(9 + i));
            assertEquals(v(1)[i], word(49 + i));
            assertEquals(0, word(89 + i));
        }
        assertEquals("20000000" + "80000000", HexFormat.of().formatHex(memory, 12, 20), "little-endian words");
    }

    @Test
    void decodingGivesEachTicksSpikesAndV() {
        RecordingRegion.Writer w = writer();
        w.start();
        w.record(new int[] {1 << 5, 1 << 7}, v(0));
        w.record(new int[] {1, 0}, v(1));
        RecordingRegion.Recorded r = RecordingRegion.decode(memory);
        assertEquals(2, r.ticks());
        assertEquals(2, r.spikeWords());
        assertEquals(40, r.vWords());
        assertTrue(r.spiked(0, 5));
        assertTrue(r.spiked(0, 39));
        assertTrue(r.spiked(1, 0));
        assertFalse(r.spiked(1, 5));
        assertArrayEquals(v(0), r.v()[0]);
        assertArrayEquals(v(1), r.v()[1]);
    }

    @Test
    void aFullRegionRefusesAnotherTick() {
        RecordingRegion.Writer w = writer();
        w.start();
        for (int t = 0; t < 3; t++) {
            w.record(new int[2], v(t));
        }
        assertThrows(IllegalStateException.class, () -> w.record(new int[2], v(3)));
        assertEquals(3, RecordingRegion.decode(memory).ticks());
    }

    @Test
    void spikesOnlyAndNothingRecorded() {
        assertEquals(3 + 10 * 2, RecordingRegion.sizeWords(40, true, false, 10));
        assertEquals(3, RecordingRegion.sizeWords(40, false, false, 10));
        assertEquals(-1, RecordingRegion.sizeWords(40, true, true, 1L << 30), "2^31 words or more");
        int[] words = {2, 0, 0};
        RecordingRegion.Recorded r = RecordingRegion.decode(words);
        assertEquals(2, r.ticks());
        assertEquals(0, r.spikes()[1].length);
    }

    @Test
    void aHeaderClaimingMoreThanTheRegionHoldsIsRefused() {
        int[] words = new int[WORDS];
        words[0] = 4;
        words[1] = 2;
        words[2] = 40;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordingRegion.decode(words));
        assertTrue(e.getMessage().contains("says 4 ticks of 2 spike and 40 v words; it holds at most 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordingRegion.decode(new int[2]));
        assertThrows(IllegalArgumentException.class, () -> RecordingRegion.decode(new byte[7]));
    }
}
