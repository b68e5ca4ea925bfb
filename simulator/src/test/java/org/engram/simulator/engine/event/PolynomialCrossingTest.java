package org.engram.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The polynomial crossing search agrees with the transcendental one and with the membrane itself. */
class PolynomialCrossingTest {
    private static final double CM = 0.2;
    private static final double THRESHOLD = -50;

    /** Crossing time in ms by the polynomial search, from the state (v0, E0, I0). */
    private static double polynomialCrossing(double v0, double e0, double i0, double vInf, double tauM, double tauE,
            double tauI) {
        return polynomialCrossing(v0, e0, i0, vInf, tauM, tauE, tauI, 0);
    }

    private static double polynomialCrossing(double v0, double e0, double i0, double vInf, double tauM, double tauE,
            double tauI, double hintMs) {
        double kE = tauM * tauE / (CM * (tauM - tauE));
        double kI = tauM * tauI / (CM * (tauM - tauI));
        double a = v0 - vInf + kE * e0 - kI * i0;
        double x = new PolynomialCrossing().largestRoot(vInf - THRESHOLD, a, -kE * e0,
                CurrExpMembrane.integerRatio(tauM, tauE), kI * i0, CurrExpMembrane.integerRatio(tauM, tauI), hintMs > 0 ? Math.exp(-hintMs / tauM) : 0);
        return x == 1 ? 0 : x > 0 ? -tauM * Math.log(x) : Double.POSITIVE_INFINITY;
    }

    private static CurrExpMembrane membrane(double v0, double e0, double i0, double vRest, double tauM, double tauE,
            double tauI) {
        CurrExpMembrane m = new CurrExpMembrane();
        m.prepare(v0, e0, i0, vRest, 0, CM, tauM, tauE, tauI, THRESHOLD);
        return m;
    }

    private static void compareRandomStates(double tauM, double tauE, double tauI, long seed) {
        Well19937c rng = new Well19937c(seed);
        int crossings = 0;
        for (int k = 0; k < 3000; k++) {
            double vRest = rng.nextBoolean() ? -49 : -60;
            double v0 = -70 + 19.99 * rng.nextDouble();
            double e0 = 0.6 * rng.nextDouble() * rng.nextDouble();
            double i0 = rng.nextInt(4) == 0 ? 0 : 0.6 * rng.nextDouble() * rng.nextDouble();
            CurrExpMembrane m = membrane(v0, e0, i0, vRest, tauM, tauE, tauI);
            double expected = m.firstCrossing();
            double actual = polynomialCrossing(v0, e0, i0, vRest, tauM, tauE, tauI);
            String state = "v0=" + v0 + " E0=" + e0 + " I0=" + i0 + " v_rest=" + vRest;
            if (expected == Double.POSITIVE_INFINITY) {
                assertEquals(expected, actual, state);
            } else {
                crossings++;
                assertEquals(expected, actual, 1e-9, state);
                assertEquals(THRESHOLD, m.v(actual), 1e-9, state);
                // a hint just after the crossing (as after an excitatory input), one before it
                // (P negative there) and one anywhere: the same crossing
                for (double hint : new double[] {expected * (1 + 1e-3 * rng.nextDouble()), expected * rng.nextDouble(),
                        50 * rng.nextDouble()}) {
                    assertEquals(expected, polynomialCrossing(v0, e0, i0, vRest, tauM, tauE, tauI, hint), 1e-9,
                            state + " hint " + hint);
                }
            }
        }
        assertTrue(crossings > 1000, "enough crossing cases: " + crossings);
    }

    @Test
    void agreesWithTheTranscendentalSearchWhenTauMIsFourTauEAndTwoTauI() {
        compareRandomStates(20, 5, 10, 1);
    }

    @Test
    void agreesWhenTheInhibitoryPowerIsTheHigherOne() {
        compareRandomStates(12, 4, 2, 2); // n = 3, m = 6
    }

    @Test
    void agreesWhenBothPowersAreEqual() {
        compareRandomStates(10, 2.5, 2.5, 3);
    }

    @Test
    void findsTheFirstOfTwoCrossings() {
        // a fast excitatory current lifts v above threshold, the slower inhibition pulls it back
        // below, and a rest above threshold brings it up again: the first crossing is wanted
        double v0 = -55;
        double e0 = 0.5;
        double i0 = 0.2;
        double vRest = -49.5;
        CurrExpMembrane m = membrane(v0, e0, i0, vRest, 20, 5, 10);
        double actual = polynomialCrossing(v0, e0, i0, vRest, 20, 5, 10);
        double firstSampleAbove = Double.NaN;
        for (int k = 1; k < 2_000_000; k++) {
            if (m.v(k * 1e-4) >= THRESHOLD) {
                firstSampleAbove = k * 1e-4;
                break;
            }
        }
        assertTrue(actual <= firstSampleAbove && actual > firstSampleAbove - 1e-4,
                actual + " is the first crossing before the first sample above threshold " + firstSampleAbove);
        assertEquals(THRESHOLD, m.v(actual), 1e-9);
        double minimum = Double.POSITIVE_INFINITY;
        for (double s = actual + 1; s < 200; s += 0.01) {
            minimum = Math.min(minimum, m.v(s));
        }
        assertTrue(minimum < THRESHOLD, "v falls back below threshold: the case has more than one crossing");
    }

    @Test
    void findsABumpAboveThresholdBetweenTwoExtrema() {
        // v rises above threshold, falls below v_rest under the slower inhibition and comes back
        // up: v' has the same sign now and at infinity, so only the split at P'''s turning point
        // reveals the bump
        CurrExpMembrane m = membrane(-55, 1, 0.4, -60, 20, 5, 10);
        double actual = polynomialCrossing(-55, 1, 0.4, -60, 20, 5, 10);
        assertEquals(m.firstCrossing(), actual, 1e-9);
        assertEquals(THRESHOLD, m.v(actual), 1e-9);
        assertTrue(m.v(100) < -60, "v undershoots v_rest: two extrema");
    }

    @Test
    void aMembraneAtThresholdCrossesNowAndOneThatStaysBelowNever() {
        assertEquals(0, polynomialCrossing(THRESHOLD, 0.1, 0, -60, 20, 5, 10));
        assertEquals(Double.POSITIVE_INFINITY, polynomialCrossing(-60, 0, 0.2, -60, 20, 5, 10));
    }
}
