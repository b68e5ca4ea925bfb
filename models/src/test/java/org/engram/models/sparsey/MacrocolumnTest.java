package org.engram.models.sparsey;

import static org.engram.models.sparsey.SdrMathTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.engram.models.sparsey.MacParameters.Match;
import org.junit.jupiter.api.Test;

/**
 * A mac of Q = 25 modules of K = 9 cells (sparseypy's validation size) on n = 400 inputs, fed
 * random inputs of 20 active bits (density 0.05, inside the default gate of 12..32).
 */
class MacrocolumnTest {
    private static final int Q = 25;
    private static final int K = 9;
    private static final int N_INPUTS = 400;
    private static final int ACTIVE = 20;
    private static final MacParameters PARAMS = MacParameters.withDefaults(Q, K, N_INPUTS);

    private static Sdr randomInput(SplittableRandom rng) {
        return Sdr.random(N_INPUTS, ACTIVE, rng);
    }

    /** An input sharing exactly {@code shared} active bits with x, the rest outside x. */
    private static Sdr sharing(Sdr x, int shared) {
        int[] bits = new int[ACTIVE];
        int[] xs = x.sparse();
        System.arraycopy(xs, 0, bits, 0, shared);
        int next = shared;
        for (int i = 0; next < ACTIVE; i++) {
            if (!x.isActive(i)) {
                bits[next++] = i;
            }
        }
        return Sdr.ofSparse(N_INPUTS, bits);
    }

    private static List<Sdr> randomInputs(int count, SplittableRandom rng) {
        List<Sdr> inputs = new ArrayList<>();
        for (int item = 0; item < count; item++) {
            inputs.add(randomInput(rng));
        }
        return inputs;
    }

    /** The codes learnt for the inputs, in order. */
    private static List<Sdr> learnAll(Macrocolumn mac, List<Sdr> inputs) {
        return inputs.stream().map(x -> learn(mac, x).code()).toList();
    }

    private static CodeSelection learn(Macrocolumn mac, Sdr input) {
        return mac.learn(input).orElseThrow();
    }

    @Test
    void codesHaveOneWinnerPerModule() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 1);
        SplittableRandom rng = new SplittableRandom(2);
        for (int item = 0; item < 10; item++) {
            Sdr code = learn(mac, randomInput(rng)).code();
            assertEquals(Q * K, code.size());
            int[] cells = code.sparse();
            assertEquals(Q, cells.length);
            for (int q = 0; q < Q; q++) {
                assertEquals(q, cells[q] / K, "winner of module " + q);
            }
        }
    }

    @Test
    void learningSetsTheWeightsFromActiveInputsToWinnersOnly() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 3);
        Sdr x = randomInput(new SplittableRandom(4));
        Sdr code = learn(mac, x).code();
        assertEquals((long) Q * ACTIVE, mac.weightsSet());
        double[] match = mac.matchOf(x);
        for (int cell = 0; cell < Q * K; cell++) {
            assertEquals(code.isActive(cell) ? 1.0 : 0.0, match[cell], "V of cell " + cell);
        }
        // Inputs disjoint from x set new weights only.
        learn(mac, sharing(x, 0));
        assertEquals(2L * Q * ACTIVE, mac.weightsSet());
        assertEquals(2.0 * Q * ACTIVE / (Q * K * N_INPUTS), mac.saturation(), 1e-15);
    }

    @Test
    void theWeightsSetCountEveryWeightOnceHoweverOftenItIsLearnt() {
        MacParameters open = new MacParameters(Q, K, N_INPUTS, 0, 1, MacParameters.DEFAULT_G_MINUS,
                MacParameters.DEFAULT_GAMMA, MacParameters.DEFAULT_CHI, MacParameters.DEFAULT_LAMBDA,
                MacParameters.DEFAULT_PHI);
        Macrocolumn mac = new Macrocolumn(open, 8);
        SplittableRandom rng = new SplittableRandom(9);
        List<Sdr> inputs = randomInputs(40, rng);
        learnAll(mac, inputs);
        learnAll(mac, inputs.subList(0, 20)); // familiar inputs set few or no new weights
        // With every input active, V·n of a cell is the number of its weights that are 1.
        int[] all = new int[N_INPUTS];
        Arrays.setAll(all, i -> i);
        double[] match = mac.matchOf(Sdr.ofSparse(N_INPUTS, all));
        long set = 0;
        for (double v : match) {
            set += Math.round(v * N_INPUTS);
        }
        assertEquals(set, mac.weightsSet());
        assertEquals((double) set / (Q * K * N_INPUTS), mac.saturation(), 1e-15);
    }

    @Test
    void familiarityIsTheMeanOfEachModulesHighestMatch() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 5);
        SplittableRandom rng = new SplittableRandom(6);
        Sdr x = randomInput(rng);
        learn(mac, x);
        // Half of x: its code's cells reach V = 1/2 and no other cell is above 0.
        CodeSelection half = mac.recognise(sharing(x, ACTIVE / 2)).orElseThrow();
        assertEquals(0.5, half.G());
        assertEquals(PARAMS.eta(0.5), half.eta());

        learnAll(mac, randomInputs(15, rng));
        Sdr probe = sharing(x, 13);
        double[] match = mac.matchOf(probe);
        double sumOfMax = 0;
        for (int q = 0; q < Q; q++) {
            double max = 0;
            for (int k = 0; k < K; k++) {
                max = Math.max(max, match[q * K + k]);
            }
            sumOfMax += max;
        }
        assertEquals(sumOfMax / Q, mac.recognise(probe).orElseThrow().G(), 1e-12);
    }

    @Test
    void rhoSumsToOneInEveryModule() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 7);
        SplittableRandom rng = new SplittableRandom(8);
        Sdr x = randomInput(rng);
        learn(mac, x);
        learnAll(mac, randomInputs(10, rng));
        for (int shared : new int[] {8, 10, 14, 20}) {
            double[] rho = mac.rhoOf(sharing(x, shared));
            for (int q = 0; q < Q; q++) {
                double sum = 0;
                double max = 0;
                for (int k = 0; k < K; k++) {
                    sum += rho[q * K + k];
                    max = Math.max(max, rho[q * K + k]);
                }
                assertEquals(1.0, sum, 1e-12, "module " + q + " sharing " + shared);
                assertTrue(max > 1.0 / K, "familiar input but a flat rho in module " + q);
            }
        }
    }

    @Test
    void drawIsUniformWhenFamiliarityIsAtOrBelowTheFloor() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 9);
        Sdr x = randomInput(new SplittableRandom(10));
        learn(mac, x);
        // 1 of 20 inputs of x: x's code's cells have V = 0.05 < G_minus, so eta = 1 and every mu = 1.
        Sdr faint = sharing(x, 1);
        assertEquals(0.05, mac.recognise(faint).orElseThrow().G(), 1e-12);
        double[] match = mac.matchOf(faint);
        double[] rho = mac.rhoOf(faint);
        int cellsMatching = 0;
        for (int cell = 0; cell < Q * K; cell++) {
            assertEquals(1.0 / K, rho[cell], "cell " + cell);
            cellsMatching += match[cell] > 0 ? 1 : 0;
        }
        assertEquals(Q, cellsMatching, "the floor, not a zero match, must make the draw uniform");
    }

    @Test
    void everyStoredItemIsRecalledExactlyWithFullFamiliarity() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 11);
        SplittableRandom rng = new SplittableRandom(12);
        List<Sdr> items = randomInputs(30, rng);
        List<Sdr> codes = learnAll(mac, items);
        long weights = mac.weightsSet();
        for (int item = 0; item < items.size(); item++) {
            CodeSelection recalled = mac.recognise(items.get(item)).orElseThrow();
            assertEquals(1.0, recalled.G(), "item " + item);
            assertEquals(codes.get(item), recalled.code(), "item " + item);
        }
        assertEquals(weights, mac.weightsSet(), "recognition learns nothing");
    }

    @Test
    void inputOverlapAndCodeOverlapCorrelate() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 13);
        SplittableRandom rng = new SplittableRandom(14);
        List<Sdr> items = randomInputs(20, rng);
        List<Sdr> codes = learnAll(mac, items);
        // Each stored item against its variants keeping 0, 2, ..., 20 of its 20 bits: 220 pairs.
        int levels = ACTIVE / 2 + 1;
        double[] inputOverlaps = new double[items.size() * levels];
        double[] codeOverlaps = new double[inputOverlaps.length];
        double[] meanCodeOverlap = new double[levels];
        int pair = 0;
        for (int item = 0; item < items.size(); item++) {
            for (int level = 0; level < levels; level++) {
                Sdr variant = items.get(item).addNoise(1 - 2.0 * level / ACTIVE, rng);
                inputOverlaps[pair] = variant.overlap(items.get(item));
                codeOverlaps[pair] = mac.draw(variant).orElseThrow().code().overlap(codes.get(item));
                meanCodeOverlap[level] += codeOverlaps[pair] / items.size();
                pair++;
            }
        }
        double spearman = new SpearmansCorrelation().correlation(inputOverlaps, codeOverlaps);
        System.out.printf("Spearman over %d pairs: %.3f; mean code overlap by input overlap 0, 2, ..., 20: %s%n", pair,
                spearman, Arrays.toString(meanCodeOverlap));
        assertTrue(spearman >= 0.8, "Spearman " + spearman);
        assertTrue(meanCodeOverlap[0] <= 2.0 * Q / K, "disjoint variants: mean code overlap " + meanCodeOverlap[0]);
        assertTrue(meanCodeOverlap[levels - 1] >= 0.9 * Q, "the items themselves: mean code overlap "
                + meanCodeOverlap[levels - 1]);
    }

    @Test
    void novelInputsGetCodesNearChanceOverlapWithStoredCodes() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 15);
        SplittableRandom rng = new SplittableRandom(16);
        List<Sdr> stored = learnAll(mac, randomInputs(30, rng));
        double overlapSum = 0;
        int pairs = 0;
        double familiaritySum = 0;
        for (int novel = 0; novel < 30; novel++) {
            CodeSelection selection = learn(mac, randomInput(rng));
            familiaritySum += selection.G();
            for (Sdr code : stored) {
                overlapSum += selection.code().overlap(code);
                pairs++;
            }
        }
        double chance = (double) Q / K;
        double meanOverlap = overlapSum / pairs;
        System.out.printf("novel: mean overlap %.3f (chance %.3f), mean G %.3f%n", meanOverlap, chance,
                familiaritySum / 30);
        assertTrue(meanOverlap <= 2 * chance && meanOverlap >= chance / 2, "mean overlap " + meanOverlap);
    }

    @Test
    void theAboveChanceMatchIsWhatACellsWeightsGiveBeyondChance() {
        MacParameters aboveChance = new MacParameters(Q, K, N_INPUTS, 0.03, 0.08, 0.1, 2, 100, 28, 0.5,
                Match.ABOVE_CHANCE, 0);
        Macrocolumn mac = new Macrocolumn(aboveChance, 24);
        SplittableRandom rng = new SplittableRandom(25);
        Sdr x = randomInput(rng);
        Sdr code = learn(mac, x).code();
        // Half of x: x's cells have U = 1/2 and a fraction p = 20/400 of their weights set, so V = (0.5 - 0.05) / 0.95;
        // cells with no weights keep V = U = 0.
        double[] half = mac.matchOf(sharing(x, ACTIVE / 2));
        for (int cell = 0; cell < Q * K; cell++) {
            assertEquals(code.isActive(cell) ? 0.45 / 0.95 : 0.0, half[cell], 1e-15, "cell " + cell);
        }
        learnAll(mac, randomInputs(20, rng));
        int fullerCells = 0;
        for (int cell : code.sparse()) {
            fullerCells += mac.inputsOf(cell).length > ACTIVE ? 1 : 0;
        }
        assertTrue(fullerCells > Q / 2, "x's cells have learnt other inputs too: " + fullerCells);
        for (Sdr probe : List.of(x, sharing(x, 15), sharing(x, 5), randomInput(rng))) {
            double[] match = mac.matchOf(probe);
            for (int cell = 0; cell < Q * K; cell++) {
                int[] weights = mac.inputsOf(cell);
                int u = 0;
                for (int j : weights) {
                    u += probe.isActive(j) ? 1 : 0;
                }
                double p = (double) weights.length / N_INPUTS;
                double expected = u == ACTIVE ? 1 : Math.max(0, ((double) u / ACTIVE - p) / (1 - p));
                assertEquals(expected, match[cell], 1e-12, "cell " + cell);
            }
        }
        // A stored item's cells match it fully whatever else they learnt, so it is still recalled with G = 1.
        CodeSelection recalled = mac.recognise(x).orElseThrow();
        assertEquals(1.0, recalled.G());
        assertEquals(code, recalled.code());
    }

    @Test
    void kappaWeighsEachCellByItsDistanceFromTheBestMatchOfItsModule() {
        MacParameters sharp = new MacParameters(Q, K, N_INPUTS, 0.03, 0.08, 0.1, 2, 100, 6, 0.8, Match.U, 30);
        Macrocolumn mac = new Macrocolumn(sharp, 26);
        SplittableRandom rng = new SplittableRandom(27);
        Sdr x = randomInput(rng);
        learn(mac, x);
        learnAll(mac, randomInputs(30, rng));
        Sdr probe = sharing(x, 14);
        double[] match = mac.matchOf(probe);
        double[] rho = mac.rhoOf(probe);
        double eta = mac.recognise(probe).orElseThrow().eta();
        for (int q = 0; q < Q; q++) {
            double best = 0;
            for (int k = 0; k < K; k++) {
                best = Math.max(best, match[q * K + k]);
            }
            double total = 0;
            for (int k = 0; k < K; k++) {
                total += sharp.mu(match[q * K + k], best, eta);
            }
            for (int k = 0; k < K; k++) {
                assertEquals(sharp.mu(match[q * K + k], best, eta) / total, rho[q * K + k], 1e-12, "module " + q);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCodes() {
        assertEquals(codesOf(17, 18), codesOf(17, 18));
        assertNotEquals(codesOf(17, 18), codesOf(19, 18));
    }

    private static List<Sdr> codesOf(long macSeed, long inputSeed) {
        Macrocolumn mac = new Macrocolumn(PARAMS, macSeed);
        SplittableRandom rng = new SplittableRandom(inputSeed);
        List<Sdr> codes = new ArrayList<>();
        for (int item = 0; item < 20; item++) {
            Sdr x = randomInput(rng);
            codes.add(learn(mac, x).code());
            codes.add(mac.recognise(x.addNoise(0.5, rng)).orElseThrow().code());
        }
        return codes;
    }

    @Test
    void aClosedGateGivesNoCodeAndLearnsNothing() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 20);
        SplittableRandom rng = new SplittableRandom(21);
        assertEquals(Optional.empty(), mac.learn(Sdr.random(N_INPUTS, 11, rng)));
        assertEquals(Optional.empty(), mac.learn(Sdr.random(N_INPUTS, 33, rng)));
        assertEquals(Optional.empty(), mac.recognise(Sdr.ofSparse(N_INPUTS)));
        assertEquals(0, mac.weightsSet());
        assertTrue(mac.learn(Sdr.random(N_INPUTS, 12, rng)).isPresent());
    }

    @Test
    void anInputOfTheWrongSizeIsRejected() {
        Macrocolumn mac = new Macrocolumn(PARAMS, 22);
        assertMessage("Sparsey mac: input of size 399; expected size n = 400",
                () -> mac.learn(Sdr.random(399, 20, new SplittableRandom(23))));
    }
}
