package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The constants a core derives, for the two parameter sets of the CA3 memory at 1 ms (cm 0.27 nF
 * with tau_m 3 ms, and 0.14 nF with 0.5 ms; tau_syn 0.3 ms, tau_refrac 1 ms), worked out by hand
 * from the words: cm 0.27 is 8847 units, 0.14 is 4588, tau_syn 0.3 is 9830.
 */
class LifConstantsTest {

    @ParameterizedTest
    @CsvSource({
        // cm, tau_m, R = (tau_m << 15) / cm, exp_TC = expk(-(32768 << 15) / tau_m)
        "0.27, 3.0, 364103, 23479",  // R = 98304 * 32768 / 8847 = 364103.7 (11.1115 MOhm); expk(-10922)
        "0.14, 0.5, 117016, 4434"})  // R = 16384 * 32768 / 4588 = 117016.3 (3.5710 MOhm); expk(-65536)
    void ca3ParameterSetsGiveTheseWords(double cm, double tauM, int r, int expTc) {
        LifParameters p = new LifParameters(LifParameters.IF_CURR_EXP, LifParameters.RESET_SET, FixedPoint.s1615(1.0), 1);
        p.cm[0] = FixedPoint.s1615(cm);
        p.tauM[0] = FixedPoint.s1615(tauM);
        p.tauRefrac[0] = FixedPoint.s1615(1.0);
        p.tauSynE[0] = p.tauSynI[0] = FixedPoint.s1615(0.3);
        LifConstants c = new LifConstants(p);
        assertEquals(r, c.rMembrane[0]);
        assertEquals(expTc, c.expTc[0]);
        assertEquals(1, c.refractSteps[0]);
        // h / tau_syn = (32768 << 15) / 9830 = 109231; expulr(-109231) = 0x09219FC8 (0.035669)
        assertEquals(0x09219FC8, c.decayE[0]);
        // tau_syn / h = 9830 units; init = (9830 * (0xFFFFFFFF - 0x09219FC8)) >> 15 = 1242480068 (0.28929)
        assertEquals(1242480068, c.initE[0]);
        assertEquals(c.initE[0], c.initI[0]);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 1", "0.5, 1", "1.0, 1", "1.0001, 2", "5.0, 5"})
    void refractoryPeriodsRoundUpToWholeSteps(double tauRefrac, int steps) {
        LifParameters p = new LifParameters(LifParameters.IF_CURR_DELTA, LifParameters.RESET_SET, FixedPoint.s1615(1.0), 1);
        p.cm[0] = FixedPoint.ONE;
        p.tauM[0] = FixedPoint.s1615(20);
        p.tauRefrac[0] = FixedPoint.s1615(tauRefrac);
        LifConstants c = new LifConstants(p);
        assertEquals(steps, c.refractSteps[0]);
        assertEquals(0, c.decayE[0], "delta synapses have no decay");
        assertEquals(0, c.initE[0]);
    }

    @ParameterizedTest
    @CsvSource({"0, 20", "1, 0"})
    void aZeroDivisorWordIsNamed(int cm, int tauM) {
        LifParameters p = new LifParameters(LifParameters.IF_CURR_DELTA, LifParameters.RESET_SET, FixedPoint.ONE, 2);
        p.cm[0] = p.cm[1] = FixedPoint.ONE;
        p.tauM[0] = p.tauM[1] = FixedPoint.s1615(20);
        p.cm[1] = cm == 0 ? 0 : FixedPoint.ONE;
        p.tauM[1] = tauM == 0 ? 0 : FixedPoint.s1615(tauM);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> new LifConstants(p));
        assertEquals("neuron 1: cm or a time constant is a zero word", e.getMessage());
    }
}
