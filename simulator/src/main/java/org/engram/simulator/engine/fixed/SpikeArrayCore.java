package org.engram.simulator.engine.fixed;

import java.util.Arrays;

/** The core application of a SpikeSourceArray slice: sends the keys its region lists for each step. */
public final class SpikeArrayCore implements Core {
    private final int firstKey;
    private final SpikeTimes times;
    private final int[] emitted;
    private final int[] spikeBits;
    private int cursor;
    private int tick;

    public SpikeArrayCore(int firstKey, SpikeTimes times) {
        this.firstKey = firstKey;
        this.times = times;
        emitted = new int[times.size];
        spikeBits = new int[(times.size + 31) / 32];
    }

    @Override
    public int firstKey() {
        return firstKey;
    }

    @Override
    public int size() {
        return times.size;
    }

    @Override
    public int tick() {
        return tick;
    }

    @Override
    public int step() {
        Arrays.fill(spikeBits, 0);
        int count = 0;
        if (cursor < times.ticks.length && times.ticks[cursor] == tick) {
            for (int e = times.first[cursor]; e < times.first[cursor + 1]; e++) {
                int i = times.neurons[e];
                spikeBits[i >>> 5] |= 1 << (i & 31);
                emitted[count++] = firstKey + i;
            }
            cursor++;
        }
        tick++;
        return count;
    }

    @Override
    public int[] emitted() {
        return emitted;
    }

    @Override
    public int[] spikeBits() {
        return spikeBits;
    }

    /** A source has no synapses: every key is dropped. */
    @Override
    public void receive(int key) {
        // sources listen to nothing
    }
}
