package org.engram.simulator.engine.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How grid mode chooses its threads (the results are the same for any number: ThreadsTest). */
class GridEngineTest {
    @Test
    void autoStaysOnOneThreadBelowTheWorkThatPaysForABarrier() {
        // CUBA at 4000 neurons: 320,000 synapses, spikes exchanged every 2 steps
        assertEquals(1, GridEngine.resolve(320_000, 2, 4000, 0, 4));
        assertEquals(1, GridEngine.resolve(GridEngine.AUTO_MIN_SYNAPSE_STEPS / 2 - 1, 2, 100_000, 0, 4));
        // CUBA at 100,000 neurons: 8 million synapses, one thread per idle core
        assertEquals(4, GridEngine.resolve(8_000_000, 2, 100_000, 0, 4));
        assertEquals(1, GridEngine.resolve(8_000_000, 2, 100_000, 0, 1));
        assertEquals(2, GridEngine.resolve(GridEngine.AUTO_MIN_SYNAPSE_STEPS / 4, 4, 100_000, 0, 2));
    }

    @Test
    void aGivenNumberIsKeptUpToOneThreadPerBlockOfNeurons() {
        assertEquals(3, GridEngine.resolve(100, 1, 1000, 3, 1));
        assertEquals(2, GridEngine.resolve(100, 1, 20, 8, 1)); // blocks of 16 neurons: two
        assertEquals(1, GridEngine.resolve(100, 1, 5, 8, 1));
    }
}
