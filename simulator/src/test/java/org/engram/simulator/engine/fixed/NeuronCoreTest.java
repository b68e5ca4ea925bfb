package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One core, built from hand-made regions, against references written from the update's formula
 * in long arithmetic. The derived words they use ({@code exp_TC}, {@code decay}, {@code init})
 * are the ones {@link FixedExpTest} pins.
 */
class NeuronCoreTest {
    static final int DRIVER = 0x100;
    static final int SHIFT = 4;
    /** dt = 1 ms, tau_m = 20 ms, tau_syn = 5 ms: expk(-1638), expulr(-6553) and (163840 * (2^32 - 1 - decay)) >> 15. */
    static final long EXP_TC = 31170;
    static final long DECAY = 0xD1996247L;
    static final long INIT = 0xE8011498L;

    /** One neuron's region with dt 1 ms, tau_m 20 ms, cm 1 nF, tau_syn 5 ms and the given drive. */
    static LifParameters neuron(int model, double iOffset, double tauRefrac) {
        return neuron(model, LifParameters.RESET_SET, iOffset, tauRefrac);
    }

    /** {@link #neuron(int, double, double)} with the given reset code. */
    static LifParameters neuron(int model, int reset, double iOffset, double tauRefrac) {
        LifParameters p = new LifParameters(model, reset, FixedPoint.s1615(1.0), 1);
        p.vInit[0] = FixedPoint.s1615(-65);
        p.vRest[0] = FixedPoint.s1615(-65);
        p.cm[0] = FixedPoint.s1615(1.0);
        p.tauM[0] = FixedPoint.s1615(20);
        p.iOffset[0] = FixedPoint.s1615(iOffset);
        p.vReset[0] = FixedPoint.s1615(-70);
        p.tauRefrac[0] = FixedPoint.s1615(tauRefrac);
        p.vThresh[0] = FixedPoint.s1615(-50);
        if (model == LifParameters.IF_CURR_EXP) {
            p.tauSynE[0] = p.tauSynI[0] = FixedPoint.s1615(5);
        }
        return p;
    }

    /** A matrix with one row, from key {@link #DRIVER}: one static synapse per (weight, delay, receptor). */
    static SynapticMatrix driven(int[]... synapses) {
        int[] words = new int[synapses.length];
        for (int k = 0; k < synapses.length; k++) {
            words[k] = SynapticMatrix.staticWord(synapses[k][0], synapses[k][1], synapses[k][2], 0, 0);
        }
        return new SynapticMatrix(1, 0, 6, new int[] {SHIFT, SHIFT}, new int[] {DRIVER}, new int[] {-1},
                new int[] {0}, new int[] {1}, new int[] {0, words.length}, words, new int[] {0, 0}, new int[0],
                new int[0], new int[1], new int[1]);
    }

    static long floorShift(long x, int bits) {
        return Math.floorDiv(x, 1L << bits);
    }

    /**
     * With either reset: a subtractive one takes v_thresh - v_reset = 20 mV from v and keeps the
     * overshoot, which differs from spike to spike.
     */
    @ParameterizedTest
    @ValueSource(ints = {LifParameters.RESET_SET, LifParameters.RESET_SUBTRACT})
    void currExpTrajectoryMatchesTheFormulaWordByWord(int reset) {
        // i_offset 1.5 nA: alpha = -65 + 20 * 1.5 = -35 mV, above threshold, so the neuron fires
        // regularly; an excitatory input of 300 units arrives at step 3 and an inhibitory one at step 40
        NeuronCore core = new NeuronCore(0, neuron(LifParameters.IF_CURR_EXP, reset, 1.5, 2.0),
                driven(new int[] {300, 1, 0}, new int[] {700, 38, 1}), null);
        assertEquals(EXP_TC, core.constants().expTc[0]);
        assertEquals((int) DECAY, core.constants().decayE[0]);
        assertEquals((int) INIT, core.constants().initE[0]);
        assertEquals(20 << 15, core.constants().rMembrane[0]);
        assertEquals(2, core.constants().refractSteps[0]);

        long r = 20L << 15;
        long vRest = -65L << 15;
        long iOffset = 3L << 14; // 1.5 nA
        long v = vRest;
        long ie = 0;
        long ii = 0;
        int refract = 0;
        List<Integer> expectedSpikes = new ArrayList<>();
        List<Integer> spikes = new ArrayList<>();
        for (int t = 0; t < 80; t++) {
            if (t == 3) {
                ie += floorShift(((long) 300 << SHIFT) * INIT + (1L << 31), 32);
            }
            if (t == 40) {
                ii += floorShift(((long) 700 << SHIFT) * INIT + (1L << 31), 32);
            }
            if (refract <= 0) {
                long alpha = floorShift((ie - ii + iOffset) * r, 15) + vRest;
                v = alpha - floorShift(EXP_TC * (alpha - v), 15);
            } else {
                refract--;
            }
            if (v >= (-50L << 15)) {
                v = reset == LifParameters.RESET_SUBTRACT ? v - (20L << 15) : -70L << 15;
                refract = 2;
                expectedSpikes.add(t);
            }
            ie = floorShift(ie * DECAY + (1L << 31), 32);
            ii = floorShift(ii * DECAY + (1L << 31), 32);

            if (core.step() == 1) {
                assertEquals(0, core.emitted()[0]);
                assertEquals(1, core.spikeBits()[0]);
                spikes.add(t);
            } else {
                assertEquals(0, core.spikeBits()[0]);
            }
            assertEquals(v, core.v()[0], "v at step " + t);
            assertEquals(ie, core.isynE()[0], "I_E after step " + t);
            assertEquals(ii, core.isynI()[0], "I_I after step " + t);
            assertEquals(refract, core.refract()[0], "refractory count after step " + t);
            if (t == 2) {
                core.receive(DRIVER);
            }
        }
        assertTrue(expectedSpikes.size() >= 4, "the neuron fires: " + expectedSpikes);
        assertEquals(expectedSpikes, spikes);
    }

    @Test
    void deltaJumpsFollowTheMembraneUpdateAndAreLostWhenRefractory() {
        // jumps of 1000 << 4 = 16000 units (0.488 mV) at steps 1 and 3; the second drive of 20 mV fires
        // the neuron at step 6, and a jump arriving at step 7 (refractory) is lost
        NeuronCore core = new NeuronCore(0x40, neuron(LifParameters.IF_CURR_DELTA, 0.0, 2.0),
                driven(new int[] {1000, 1, 0}, new int[] {41000, 6, 0}, new int[] {2000, 7, 0}), null);
        long v = -65L << 15;
        for (int t = 0; t < 12; t++) {
            long jump = (t == 1 ? 16000 : 0) + (t == 6 ? 41000 << SHIFT : 0);
            boolean refractory = t == 7 || t == 8;
            if (!refractory) {
                long alpha = -65L << 15; // no offset
                v = alpha - floorShift(EXP_TC * (alpha - v), 15) + jump;
            }
            boolean fires = v >= (-50L << 15);
            if (fires) {
                v = -70L << 15;
            }
            assertEquals(fires ? 1 : 0, core.step(), "spikes at step " + t);
            assertEquals(v, core.v()[0], "v at step " + t);
            if (fires) {
                assertEquals(0x40, core.emitted()[0]);
            }
            if (t == 0) {
                core.receive(DRIVER);
            }
        }
    }

    /**
     * A subtractive reset with tau_refrac = 0: v starts 55 mV above threshold and spikes once per
     * step, 20 mV less each time, while the decayed value is still at or above threshold; a jump
     * of 30 mV at step 8 fires it once more. No step is refractory.
     */
    @Test
    void subtractiveResetKeepsWhatIsAboveThresholdWordByWord() {
        LifParameters p = neuron(LifParameters.IF_CURR_DELTA, LifParameters.RESET_SUBTRACT, 0.0, 0.0);
        p.vInit[0] = FixedPoint.s1615(5.0);
        NeuronCore core = new NeuronCore(0x40, p, driven(new int[] {61440, 8, 0}), null);
        assertEquals(0, core.constants().refractSteps[0]);
        long v = 5L << 15;
        List<Integer> spikes = new ArrayList<>();
        for (int t = 0; t < 14; t++) {
            long alpha = -65L << 15;
            v = alpha - floorShift(EXP_TC * (alpha - v), 15) + (t == 8 ? 61440L << SHIFT : 0);
            boolean fires = v >= (-50L << 15);
            if (fires) {
                v = v - (-50L << 15) + (-70L << 15);
                spikes.add(t);
            }
            assertEquals(fires ? 1 : 0, core.step(), "spikes at step " + t);
            assertEquals(v, core.v()[0], "v at step " + t);
            assertEquals(0, core.refract()[0]);
            if (t == 0) {
                core.receive(DRIVER);
            }
        }
        // 5 mV spikes at steps 0, 1 and 2 (-65 + 70 beta, then 20 less, decayed, ...), and the jump at 8
        assertEquals(List.of(0, 1, 2, 8), spikes);
    }

    @Test
    void ringBufferEntriesSaturateAtSixteenBitsAndCount() {
        NeuronCore core = new NeuronCore(0, neuron(LifParameters.IF_CURR_DELTA, 0, 1), driven(new int[] {0x8000, 1, 0}),
                null);
        core.step();
        for (int k = 0; k < 3; k++) {
            core.receive(DRIVER);
        }
        int slot = 1 << 1; // slot 1, receptor 0, neuron 0, with no index bits
        assertEquals(0xFFFF, core.ring()[slot]);
        assertEquals(2, core.saturations());
        assertEquals(3, core.synapticEvents());
    }

    @Test
    void unknownKeysAreCountedAndKeysBeforeTheFirstStepRefused() {
        NeuronCore core = new NeuronCore(0, neuron(LifParameters.IF_CURR_EXP, 0, 1), driven(new int[] {10, 1, 0}), null);
        assertThrows(IllegalStateException.class, () -> core.receive(DRIVER));
        core.step();
        core.receive(DRIVER + 1);
        core.receive(0);
        assertEquals(2, core.unknownKeys());
        assertArrayEquals(new int[core.ring().length], core.ring());
    }
}
