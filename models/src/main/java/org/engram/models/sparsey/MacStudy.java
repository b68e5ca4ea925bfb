package org.engram.models.sparsey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * What one mac must show (issue 19), measured on seeded random inputs: exact recall and the
 * number of stored items at which it fails ({@link #capacity}), the preservation of similarity
 * with the near-chance codes of novel inputs ({@link #similarity}), and the codes of graded
 * variants of stored items ({@link #variants}). The mac is any {@link MacParameters}; the study's
 * own is {@link #studyMac}. Every item is an input of exactly {@link Setup#activeInputs} active
 * bits. The same seed gives the same figures.
 */
public final class MacStudy {
    /** Exact recall holds while at least this fraction of the stored items comes back exactly. */
    public static final double EXACT_RECALL = 0.99;
    /** The study's match: above chance, so that cells holding the union of many inputs do not look familiar to all. */
    public static final MacParameters.Match STUDY_MATCH = MacParameters.Match.ABOVE_CHANCE;
    /** The study's gamma: η linear in the familiarity above its floor, so that reuse grows gradually with G. */
    public static final double STUDY_GAMMA = 1;
    /** The study's chi, the CSA's default. */
    public static final double STUDY_CHI = MacParameters.DEFAULT_CHI;
    /** The study's lambda: a soft V→μ sigmoid, so that a partly matching cell wins with a partial likelihood. */
    public static final double STUDY_LAMBDA = 6;
    /** The study's phi: the V→μ inflection near the top, so that only close matches are reinstated with certainty. */
    public static final double STUDY_PHI = 0.8;
    /** The study's kappa: in each module the best-matching cell wins over cells that match almost as well. */
    public static final double STUDY_KAPPA = 30;
    /** Levels of the kept fraction r of a stored item's active bits in {@link #variants}: 0, 0.1, ..., 1. */
    public static final int VARIANT_LEVELS = 11;

    private MacStudy() {
    }

    /**
     * The study's mac of Q modules of K cells on n inputs: the activation gate and G_minus at the
     * CSA's defaults, and {@link #STUDY_MATCH}, {@link #STUDY_GAMMA}, {@link #STUDY_CHI},
     * {@link #STUDY_LAMBDA}, {@link #STUDY_PHI} and {@link #STUDY_KAPPA}: the parameters with which
     * a store of graded variants keeps its similarity structure and novel inputs get codes near
     * chance (the CSA's defaults, {@link MacParameters#withDefaults}, give both up once cells
     * hold the union of many inputs).
     */
    public static MacParameters studyMac(int Q, int K, int n) {
        return new MacParameters(Q, K, n, MacParameters.DEFAULT_PI_MINUS, MacParameters.DEFAULT_PI_PLUS,
                MacParameters.DEFAULT_G_MINUS, STUDY_GAMMA, STUDY_CHI, STUDY_LAMBDA, STUDY_PHI, STUDY_MATCH, STUDY_KAPPA);
    }

    /**
     * A mac and the density of its random inputs: each input has round(n · density) active bits,
     * which the activation gate must admit.
     */
    public record Setup(MacParameters params, double density) {
        public Setup {
            if (!(density > 0 && density <= 1)) { // also rejects NaN
                throw new SdrException("Sparsey mac study", "density = " + density + "; expected 0 < density <= 1");
            }
            int active = (int) Math.round(params.n() * density);
            if (!params.gateOpen(active)) {
                throw new SdrException("Sparsey mac study", "density = " + density + " gives " + active
                        + " active inputs of n = " + params.n() + "; expected a count the activation gate admits, "
                        + gateText(params));
            }
        }

        /** The same CSA and density on a mac of another size. */
        public Setup resized(int Q, int K, int n) {
            MacParameters p = params;
            return new Setup(new MacParameters(Q, K, n, p.pi_minus(), p.pi_plus(), p.G_minus(), p.gamma(), p.chi(),
                    p.lambda(), p.phi(), p.match(), p.kappa()), density);
        }

        public int Q() {
            return params.Q();
        }

        public int K() {
            return params.K();
        }

        public int n() {
            return params.n();
        }

        /** The active bits of every input. */
        public int activeInputs() {
            return (int) Math.round(params.n() * density);
        }

        /** The expected overlap of two independent codes: Q modules, each with the same winner with probability 1/K. */
        public double chanceOverlap() {
            return (double) params.Q() / params.K();
        }

        /** A uniformly random input of {@link #activeInputs} active bits. */
        public Sdr randomInput(SplittableRandom rng) {
            return Sdr.random(params.n(), activeInputs(), rng);
        }

        /** "Q 25, K 9, n 400, 20 active (density 0.05)". */
        public String describe() {
            return "Q " + Q() + ", K " + K() + ", n " + n() + ", " + activeInputs() + " active (density " + density + ")";
        }

        /** "match ABOVE_CHANCE, G_minus 0.1, gamma 1.0, chi 100.0, lambda 6.0, phi 0.8, kappa 30.0". */
        public String describeCsa() {
            return "match " + params.match() + ", G_minus " + params.G_minus() + ", gamma " + params.gamma() + ", chi "
                    + params.chi() + ", lambda " + params.lambda() + ", phi " + params.phi() + ", kappa " + params.kappa();
        }

        private static String gateText(MacParameters p) {
            int lowest = (int) Math.max(1, Math.ceil(p.pi_minus() * p.n()));
            int highest = (int) Math.floor(p.pi_plus() * p.n());
            return lowest <= highest ? lowest + " to " + highest + " (pi_minus " + p.pi_minus() + " to pi_plus " + p.pi_plus()
                    + " of n)" : "none for this n (pi_minus " + p.pi_minus() + " to pi_plus " + p.pi_plus() + " of n)";
        }
    }

    /** Of the first {@code stored} items learnt by a fresh mac, how many recognition returned as their own code with G = 1. */
    public record Recall(int stored, int exact) {
        public double fraction() {
            return (double) exact / stored;
        }

        public boolean holds() {
            return exact >= EXACT_RECALL * stored;
        }
    }

    /**
     * The result of the capacity search: {@code capacity} is the largest number of stored items
     * found whose exact recall holds, {@code firstFailure} the smallest above it where it fails
     * (empty when recall still held at the search's limit), {@code tried} every store measured, in
     * the order measured.
     */
    public record Capacity(Setup setup, int capacity, Recall atCapacity, Optional<Recall> firstFailure, List<Recall> tried) {
        public Capacity {
            tried = List.copyOf(tried);
        }
    }

    /**
     * Exact recall of a store of {@code stored} items: a fresh mac seeded {@code seed} learns the
     * first {@code stored} items of the seeded sequence {@link #items}, then each is presented
     * again to {@link Macrocolumn#recognise}. An item counts when it comes back with G = 1 and
     * exactly its learnt code (a tie for the highest V in a module is drawn at random and so
     * usually fails).
     */
    public static Recall recall(Setup setup, int stored, long seed) {
        return recall(setup, items(setup, stored, seed), stored, seed);
    }

    private static Recall recall(Setup setup, List<Sdr> items, int stored, long seed) {
        Macrocolumn mac = new Macrocolumn(setup.params(), macSeed(seed));
        List<Sdr> codes = new ArrayList<>(stored);
        for (int i = 0; i < stored; i++) {
            codes.add(mac.learn(items.get(i)).orElseThrow().code());
        }
        int exact = 0;
        for (int i = 0; i < stored; i++) {
            exact += recalledExactly(mac, items.get(i), codes.get(i)) ? 1 : 0;
        }
        return new Recall(stored, exact);
    }

    /** Whether recognition of a stored item gives G = 1 and the code it was stored with. */
    private static boolean recalledExactly(Macrocolumn mac, Sdr item, Sdr code) {
        CodeSelection recalled = mac.recognise(item).orElseThrow();
        return recalled.G() == 1.0 && recalled.code().equals(code);
    }

    /**
     * The number of stored items at which exact recall falls below {@link #EXACT_RECALL}: stores of
     * 1, 2, 4, ... items (each a fresh mac on the same item sequence, so a store of N holds the
     * first N items) until one fails or {@code limit} is reached, then bisection between the last
     * store that held and the first that failed. Recall is not strictly monotone in N, so the result
     * is one crossing point of a noisy curve; the stores either side of it are in the result.
     */
    public static Capacity capacity(Setup setup, int limit, long seed) {
        if (limit < 1) {
            throw new SdrException("Sparsey mac study", "limit = " + limit + "; expected at least 1 stored item");
        }
        SplittableRandom itemRng = itemRandom(seed);
        List<Sdr> items = new ArrayList<>();
        List<Recall> tried = new ArrayList<>();
        Recall held = null;
        Recall failed = null;
        for (int stored = 1; failed == null; stored = (int) Math.min(limit, 2L * stored)) {
            while (items.size() < stored) {
                items.add(setup.randomInput(itemRng));
            }
            Recall r = recall(setup, items, stored, seed);
            tried.add(r);
            if (r.holds()) {
                held = r;
                if (stored == limit) {
                    return new Capacity(setup, stored, r, Optional.empty(), tried);
                }
            } else {
                failed = r;
            }
        }
        int lowest = held == null ? 0 : held.stored();
        while (failed.stored() - lowest > 1) {
            int middle = (lowest + failed.stored()) >>> 1;
            Recall r = recall(setup, items, middle, seed);
            tried.add(r);
            if (r.holds()) {
                held = r;
                lowest = middle;
            } else {
                failed = r;
            }
        }
        if (held == null) {
            // A single item's cells are the only ones with V = 1, so a store of one always holds.
            throw new IllegalStateException("a store of one item was not recalled exactly: " + failed);
        }
        return new Capacity(setup, lowest, held, Optional.of(failed), tried);
    }

    /** The first {@code count} items of the sequence a seed gives: independent random inputs. */
    public static List<Sdr> items(Setup setup, int count, long seed) {
        SplittableRandom rng = itemRandom(seed);
        List<Sdr> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(setup.randomInput(rng));
        }
        return items;
    }

    /**
     * How the similarity study's store is made: {@code prototypes} random inputs, and
     * {@code items} stored items, each a variant of a prototype drawn uniformly with a fraction of
     * its active bits drawn uniformly from [0, 1] moved elsewhere ({@link Sdr#addNoise}), so that
     * two items share anything from all their active bits to none (as in Rinkus's experiments on
     * inputs of graded similarity); {@code pairs} distinct pairs of stored items drawn uniformly
     * are compared (every pair when there are fewer), and {@code novel} fresh random inputs are
     * drawn codes without being stored.
     */
    public record SimilarityDesign(int prototypes, int items, int pairs, int novel) {
        public SimilarityDesign {
            check(prototypes >= 1, "prototypes", prototypes, "expected at least 1");
            check(items >= 3, "items", items, "expected at least 3 stored items, for 3 pairs to rank");
            check(pairs >= 3, "pairs", pairs, "expected at least 3 pairs to rank");
            check(novel >= 1, "novel", novel, "expected at least 1 novel input");
        }

        /** The pairs compared: {@link #pairs}, or every pair of stored items when there are fewer. */
        public int pairsCompared() {
            return (int) Math.min(pairs, (long) items * (items - 1) / 2);
        }
    }

    /** The pairs whose inputs share {@code inputOverlap} active bits and the mean overlap of their codes. */
    public record OverlapLevel(int inputOverlap, int pairs, double meanCodeOverlap) {
    }

    /**
     * The similarity study's figures: the Spearman rank correlation of input overlap and code
     * overlap over the pairs, the mean code overlap at each input overlap seen, the fraction of
     * stored items recalled exactly, and for the novel inputs the mean overlap of their drawn codes
     * with every stored code and their mean G.
     */
    public record Similarity(Setup setup, SimilarityDesign design, double spearman, List<OverlapLevel> levels,
            double exactRecall, double novelMeanOverlap, double novelMeanG) {
        public Similarity {
            levels = List.copyOf(levels);
        }

        /** The novel inputs' mean overlap with stored codes in units of chance (Q/K). */
        public double novelOverChance() {
            return novelMeanOverlap / setup.chanceOverlap();
        }
    }

    /**
     * Stores the {@link SimilarityDesign}'s items in a fresh mac, in the order drawn, and compares
     * the learnt codes of the pairs; then draws ({@link Macrocolumn#draw}, which stores nothing) a
     * code for each novel input and compares it with every stored code.
     */
    public static Similarity similarity(Setup setup, SimilarityDesign design, long seed) {
        SplittableRandom rng = itemRandom(seed);
        Sdr[] prototypes = new Sdr[design.prototypes()];
        for (int p = 0; p < prototypes.length; p++) {
            prototypes[p] = setup.randomInput(rng);
        }
        Macrocolumn mac = new Macrocolumn(setup.params(), macSeed(seed));
        Sdr[] items = new Sdr[design.items()];
        Sdr[] codes = new Sdr[design.items()];
        for (int i = 0; i < items.length; i++) {
            items[i] = prototypes[rng.nextInt(prototypes.length)].addNoise(rng.nextDouble(), rng);
            codes[i] = mac.learn(items[i]).orElseThrow().code();
        }
        int exact = 0;
        for (int i = 0; i < items.length; i++) {
            exact += recalledExactly(mac, items[i], codes[i]) ? 1 : 0;
        }
        long[] pairs = distinctPairs(items.length, design.pairsCompared(), rng);
        double[] inputOverlaps = new double[pairs.length];
        double[] codeOverlaps = new double[pairs.length];
        int[] pairsAt = new int[setup.activeInputs() + 1];
        double[] codeOverlapSumAt = new double[setup.activeInputs() + 1];
        for (int k = 0; k < pairs.length; k++) {
            int a = (int) (pairs[k] / items.length);
            int b = (int) (pairs[k] % items.length);
            int inputOverlap = items[a].overlap(items[b]);
            inputOverlaps[k] = inputOverlap;
            codeOverlaps[k] = codes[a].overlap(codes[b]);
            pairsAt[inputOverlap]++;
            codeOverlapSumAt[inputOverlap] += codeOverlaps[k];
        }
        List<OverlapLevel> levels = new ArrayList<>();
        for (int overlap = 0; overlap < pairsAt.length; overlap++) {
            if (pairsAt[overlap] > 0) {
                levels.add(new OverlapLevel(overlap, pairsAt[overlap], codeOverlapSumAt[overlap] / pairsAt[overlap]));
            }
        }
        double spearman = new SpearmansCorrelation().correlation(inputOverlaps, codeOverlaps);
        double overlapSum = 0;
        double familiaritySum = 0;
        for (int i = 0; i < design.novel(); i++) {
            CodeSelection novel = mac.draw(setup.randomInput(rng)).orElseThrow();
            familiaritySum += novel.G();
            for (Sdr code : codes) {
                overlapSum += novel.code().overlap(code);
            }
        }
        return new Similarity(setup, design, spearman, levels, (double) exact / items.length,
                overlapSum / ((double) design.novel() * codes.length), familiaritySum / design.novel());
    }

    /** The variants that keep a fraction {@code kept} of a stored item's active bits, and the mean overlap of their codes with its code, over Q. */
    public record VariantLevel(double kept, int variants, double meanCodeOverlap) {
    }

    /**
     * Rinkus's graded-similarity protocol: a fresh mac learns the first {@code stored} items of
     * the seeded sequence {@link #items}; then, for each kept fraction r = 0, 0.1, ..., 1,
     * {@code perLevel} variants X_r are made of stored items X drawn uniformly, with a fraction
     * 1 − r of the active bits of X moved elsewhere ({@link Sdr#addNoise}), and each gets a code
     * by the CSA's draw ({@link Macrocolumn#draw}, which stores nothing), compared with the
     * code of X. Similarity preservation makes the mean overlap rise from chance (1/K of the
     * modules) at r = 0 to all of them at r = 1.
     */
    public static List<VariantLevel> variants(Setup setup, int stored, int perLevel, long seed) {
        if (stored < 1 || perLevel < 1) {
            throw new SdrException("Sparsey variant study", "stored = " + stored + ", perLevel = " + perLevel
                    + "; expected at least 1 of each");
        }
        // The items of #items, and the variants from the rest of the same stream.
        SplittableRandom rng = itemRandom(seed);
        Macrocolumn mac = new Macrocolumn(setup.params(), macSeed(seed));
        Sdr[] items = new Sdr[stored];
        Sdr[] codes = new Sdr[stored];
        for (int i = 0; i < stored; i++) {
            items[i] = setup.randomInput(rng);
            codes[i] = mac.learn(items[i]).orElseThrow().code();
        }
        List<VariantLevel> levels = new ArrayList<>();
        for (int level = 0; level < VARIANT_LEVELS; level++) {
            double kept = (double) level / (VARIANT_LEVELS - 1);
            long overlapSum = 0;
            for (int v = 0; v < perLevel; v++) {
                int x = rng.nextInt(stored);
                Sdr variant = items[x].addNoise(1 - kept, rng);
                overlapSum += mac.draw(variant).orElseThrow().code().overlap(codes[x]);
            }
            levels.add(new VariantLevel(kept, perLevel, (double) overlapSum / perLevel / setup.Q()));
        }
        return levels;
    }

    /**
     * {@code count} distinct unordered pairs of {@code [0, items)}, each as a·items + b with a < b,
     * every set of pairs equally likely; in increasing order.
     */
    private static long[] distinctPairs(int items, int count, SplittableRandom rng) {
        long total = (long) items * (items - 1) / 2;
        long[] pairs = new long[count];
        int taken = 0;
        long rank = 0;
        // Selection sampling (as Sdr's) over the pairs in order, so no set of drawn pairs is kept.
        for (int a = 0; a < items && taken < count; a++) {
            for (int b = a + 1; b < items && taken < count; b++, rank++) {
                if (rng.nextLong(total - rank) < count - taken) {
                    pairs[taken++] = (long) a * items + b;
                }
            }
        }
        return pairs;
    }

    /** The generator of a seed's inputs; the mac's seed is {@link #macSeed}, another stream of the same seed. */
    private static SplittableRandom itemRandom(long seed) {
        return new SplittableRandom(seed);
    }

    private static long macSeed(long seed) {
        return new SplittableRandom(seed).split().nextLong();
    }

    private static void check(boolean ok, String field, int value, String expectation) {
        if (!ok) {
            throw new SdrException("Sparsey similarity study", field + " = " + value + "; " + expectation);
        }
    }
}
