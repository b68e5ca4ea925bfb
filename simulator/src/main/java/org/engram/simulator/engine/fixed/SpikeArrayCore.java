package org.engram.simulator.engine.fixed;

/** The core application of a SpikeSourceArray slice: sends the keys its region lists for each step. */
public final class SpikeArrayCore extends Core {
    private final SpikeTimes times;
    private int cursor;

    public SpikeArrayCore(int firstKey, SpikeTimes times) {
        super(firstKey, times.size);
        this.times = times;
    }

    /** The region, for an image encoder. */
    public SpikeTimes times() {
        return times;
    }

    @Override
    void update(int t) {
        if (cursor < times.ticks.length && times.ticks[cursor] == t) {
            for (int e = times.first[cursor]; e < times.first[cursor + 1]; e++) {
                send(times.neurons[e]);
            }
            cursor++;
        }
    }
}
