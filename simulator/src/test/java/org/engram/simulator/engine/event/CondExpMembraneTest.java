package org.engram.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The conductance-based membrane's quadrature against itself on steps a thousand times shorter. */
class CondExpMembraneTest {

    /**
     * v after s ms in one call (steps as long as the rule allows) agrees within the documented
     * 1e-9 mV with 1000 calls of s/1000 each (steps whose quadrature error is negligible), over
     * random states of COBA-like cells: the step length and the rule's order are what this checks.
     */
    @Test
    void longStepsAgreeWithShortOnesWithinTheStatedBound() {
        Well19937c rng = new Well19937c(11);
        double worst = 0;
        for (int k = 0; k < 200; k++) {
            double tauE = 2 + 8 * rng.nextDouble();
            double tauI = tauE * (1 + 3 * rng.nextDouble());
            double tauM = 10 + 20 * rng.nextDouble();
            double cm = 0.1 + 0.9 * rng.nextDouble();
            CondExpMembrane m = new CondExpMembrane();
            m.prepare(-60, tauM, cm, 0, -80, 0.5 * rng.nextDouble(), tauE, tauI);
            double v0 = -80 + 30 * rng.nextDouble();
            double gE = 0.1 * rng.nextDouble();
            double gI = 0.5 * rng.nextDouble();
            double s = 20 * rng.nextDouble();
            double once = m.v(v0, gE, gI, s);
            double v = v0;
            double d = s / 1000;
            for (int q = 0; q < 1000; q++) {
                v = m.v(v, gE * Math.exp(-q * d / tauE), gI * Math.exp(-q * d / tauI), d);
            }
            assertEquals(v, once, 1e-9, "state " + k);
            worst = Math.max(worst, Math.abs(v - once));
        }
        System.out.printf("cond_exp quadrature: largest difference %.3g mV%n", worst);
    }
}
