package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.models.sparsey.MacParameters.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacParametersTest {
    private static final MacParameters K8 = MacParameters.withDefaults(25, 8, 400);

    @Test
    void defaultsAreTheDocumentedValues() {
        assertEquals(new MacParameters(25, 8, 400, 0.03, 0.08, 0.1, 2, 100, 28, 0.5), K8);
    }

    @Test
    void etaIs801AtFullFamiliarityWithEightCells() {
        // 1 + 1^2 · 100 · 8, exact in doubles.
        assertEquals(801.0, K8.eta(1.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 0.1})
    void etaIsOneAtOrBelowTheFloor(double G) {
        assertEquals(1.0, K8.eta(G));
    }

    @Test
    void etaAboveTheFloorIsTheQuadraticOfTheNormalisedExcess() {
        // (0.55 - 0.1) / 0.9 = 0.5, so 1 + 0.25 · 100 · 8; rounding of 0.55 costs a few ulps.
        assertEquals(201.0, K8.eta(0.55), 1e-9);
        assertEquals(1 + Math.pow(0.2 / 0.9, 2) * 800, K8.eta(0.3), 1e-9);
    }

    @Test
    void muLiesWithinOneAndEtaAndRisesWithV() {
        double eta = K8.eta(0.8);
        double previous = 1;
        for (int step = 0; step <= 100; step++) {
            double mu = K8.mu(step / 100.0, 1, eta);
            assertTrue(mu >= 1 && mu <= eta, "mu " + mu + " at V " + step / 100.0);
            assertTrue(mu >= previous, "mu falls at V " + step / 100.0);
            previous = mu;
        }
        // Halfway between 1 and eta at the inflection V = phi.
        assertEquals((eta - 1) / 2 + 1, K8.mu(0.5, 1, eta), 1e-12);
        assertEquals(1.0, K8.mu(0.9, 1, 1.0));
    }

    @Test
    void kappaScalesMuAboveOneByTheDistanceFromTheModulesBestMatch() {
        MacParameters sharp = new MacParameters(25, 8, 400, 0.03, 0.08, 0.1, 2, 100, 28, 0.5, Match.U, 10);
        double eta = sharp.eta(0.8);
        // At V = phi the sigmoid is 1/2; 0.2 below the best match, e^(-10 x 0.2) of that.
        assertEquals((eta - 1) / 2 * Math.exp(-2) + 1, sharp.mu(0.5, 0.7, eta), 1e-12);
        assertEquals(K8.mu(0.5, 0.5, eta), sharp.mu(0.5, 0.5, eta), "the best cell is not scaled");
        assertEquals(K8.mu(0.5, 0.5, eta), K8.mu(0.5, 1, eta), "kappa 0: the best match does not matter");
        double previous = 1;
        for (int step = 0; step <= 100; step++) {
            double mu = sharp.mu(step / 100.0, 1, eta);
            assertTrue(mu >= 1 && mu <= eta && mu >= previous, "mu " + mu + " at V " + step / 100.0);
            previous = mu;
        }
    }

    @Test
    void theShortConstructorsGiveTheCsasMatchAndKappaZero() {
        assertEquals(Match.U, K8.match());
        assertEquals(0.0, K8.kappa());
        assertFalse(K8.specific());
        MacParameters specific = new MacParameters(25, 8, 400, 0.03, 0.08, 0.1, 2, 100, 28, 0.5, true);
        assertEquals(Match.SPECIFIC, specific.match());
        assertTrue(specific.specific());
    }

    @Test
    void gateOpensOnActiveCountsBetweenPiMinusAndPiPlusOfTheInput() {
        // 0.03 · 400 = 12 and 0.08 · 400 = 32.
        assertFalse(K8.gateOpen(11));
        assertTrue(K8.gateOpen(12));
        assertTrue(K8.gateOpen(32));
        assertFalse(K8.gateOpen(33));
        MacParameters open = new MacParameters(2, 2, 10, 0, 1, 0.1, 2, 100, 28, 0.5);
        assertFalse(open.gateOpen(0), "an empty input has nothing to normalise by");
        assertTrue(open.gateOpen(1));
        assertTrue(open.gateOpen(10));
    }

    @Test
    void badValuesAreRejectedWithTheFieldAndTheExpectation() {
        assertMessage("Sparsey mac parameters: K = 1; expected K >= 2 cells per competitive module"
                + " (one cell leaves nothing to choose)", () -> MacParameters.withDefaults(4, 1, 100));
        assertMessage("Sparsey mac parameters: Q = 0; expected Q >= 1 competitive modules",
                () -> MacParameters.withDefaults(0, 4, 100));
        assertMessage("Sparsey mac parameters: n = 0; expected n >= 1 input bits", () -> MacParameters.withDefaults(4, 4, 0));
        assertMessage("Sparsey mac parameters: pi_plus = 1.5; expected a fraction of the input, 0 <= pi_plus <= 1",
                () -> new MacParameters(4, 4, 100, 0.03, 1.5, 0.1, 2, 100, 28, 0.5));
        assertMessage("Sparsey mac parameters: pi_minus = 0.5; expected pi_minus <= pi_plus = 0.08",
                () -> new MacParameters(4, 4, 100, 0.5, 0.08, 0.1, 2, 100, 28, 0.5));
        assertMessage("Sparsey mac parameters: G_minus = 1.0; expected 0 <= G_minus < 1",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 1, 2, 100, 28, 0.5));
        assertMessage("Sparsey mac parameters: lambda = NaN; expected a finite lambda > 0",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 0.1, 2, 100, Double.NaN, 0.5));
        assertMessage("Sparsey mac parameters: chi = -1.0; expected a finite chi >= 0",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 0.1, 2, -1, 28, 0.5));
        assertMessage("Sparsey mac parameters: kappa = -1.0; expected a finite kappa >= 0",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 0.1, 2, 100, 28, 0.5, Match.U, -1));
        assertMessage("Sparsey mac parameters: kappa = Infinity; expected a finite kappa >= 0",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 0.1, 2, 100, 28, 0.5, Match.U, Double.POSITIVE_INFINITY));
        assertMessage("Sparsey mac parameters: match = null; expected one of [U, SPECIFIC, ABOVE_CHANCE]",
                () -> new MacParameters(4, 4, 100, 0.03, 0.08, 0.1, 2, 100, 28, 0.5, null, 0));
        assertMessage("Sparsey mac parameters: Q*K*n = 4611686014132420609; expected at most 137438952896 weights",
                () -> MacParameters.withDefaults(Integer.MAX_VALUE, Integer.MAX_VALUE, 1));
    }
}
