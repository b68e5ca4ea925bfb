package org.engram.examples.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.engram.models.sparsey.MacParameters;
import org.engram.models.sparsey.MacParameters.Match;
import org.engram.models.sparsey.MacStudy;
import org.engram.models.sparsey.MacStudy.Capacity;
import org.engram.models.sparsey.MacStudy.Setup;
import org.engram.models.sparsey.MacStudy.Similarity;
import org.engram.models.sparsey.MacStudy.SimilarityDesign;
import org.engram.models.sparsey.MacStudy.VariantLevel;
import org.engram.models.sparsey.Macrocolumn;
import org.engram.models.sparsey.Sdr;
import org.engram.models.sparsey.SdrException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram sparsey study}: what one mac shows on seeded random inputs: the number of stored
 * items at which exact recall fails ({@link MacStudy#capacity}), for the study's mac and other
 * sizes; similarity preservation and the codes of novel inputs ({@link MacStudy#similarity}) and
 * of graded variants of stored items ({@link MacStudy#variants}), for stores of several sizes; and
 * the time to learn and to recognise an item as the store grows from 100 to 100,000 items,
 * measured here (the only timed part). The CSA's parameters default to the study's
 * ({@link MacStudy#studyMac}); options set each of them.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Study one Sparsey mac on random inputs: exact-recall capacity, similarity preservation, the "
                + "codes of novel inputs and of graded variants of stored items, and the time per item as the store grows.")
final class SparseyStudyCommand implements Callable<Integer> {
    /** Store sizes at which the time per item is measured, up to --timing-items. */
    static final int[] TIMING_CHECKPOINTS = {100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000};
    /** Macs timed side by side at each checkpoint (same items, different seeds); their median is reported. */
    static final int TIMED_MACS = 5;
    /** Items learnt in each timed window: the window at N holds the store sizes N to N + 99. */
    static final int TIMED_LEARNS = 100;
    /** Stored items recognised in each timed window, drawn uniformly from those stored. */
    static final int TIMED_RECOGNITIONS = 1_000;
    /** Each timed window is cut into this many chunks, timed one by one; the figure is the median chunk. */
    static final int TIMED_CHUNKS = 10;
    /** Learn and recognise calls on a separate mac before any timing, so that the JIT has compiled them. */
    static final int WARM_UP_ITEMS = 20_000;
    /** Where the capacity search gives up: recall still exact at this many items counts as "at least". */
    static final int CAPACITY_LIMIT = 1 << 20;

    enum Part { capacity, similarity, timing, all }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PART", defaultValue = "all",
            description = "capacity, similarity, timing or all (default ${DEFAULT-VALUE})")
    Part part;

    @Option(names = {"-Q", "--modules"}, paramLabel = "Q", defaultValue = "25",
            description = "competitive modules of the mac (default ${DEFAULT-VALUE})")
    int modules;

    @Option(names = {"-K", "--cells"}, paramLabel = "K", defaultValue = "9",
            description = "cells per module, at least 2 (default ${DEFAULT-VALUE})")
    int cells;

    @Option(names = {"-n", "--inputs"}, paramLabel = "N", defaultValue = "1600",
            description = "input bits (default ${DEFAULT-VALUE}, 40 x 40)")
    int inputs;

    @Option(names = "--density", paramLabel = "D", defaultValue = "0.05",
            description = "fraction of active input bits, inside the activation gate 0.03-0.08 (default ${DEFAULT-VALUE})")
    double density;

    @Option(names = "--match", paramLabel = "MATCH", defaultValue = "ABOVE_CHANCE",
            description = "the match V of a cell: U (the CSA's), SPECIFIC or ABOVE_CHANCE (default ${DEFAULT-VALUE})")
    Match match;

    @Option(names = "--gamma", paramLabel = "GAMMA", defaultValue = "" + MacStudy.STUDY_GAMMA,
            description = "exponent of the expansivity eta (default ${DEFAULT-VALUE}; the CSA's is "
                    + MacParameters.DEFAULT_GAMMA + ")")
    double gamma;

    @Option(names = "--chi", paramLabel = "CHI", defaultValue = "" + MacStudy.STUDY_CHI,
            description = "scale of the expansivity eta (default ${DEFAULT-VALUE})")
    double chi;

    @Option(names = "--lambda", paramLabel = "LAMBDA", defaultValue = "" + MacStudy.STUDY_LAMBDA,
            description = "steepness of the V to mu sigmoid (default ${DEFAULT-VALUE}; the CSA's is "
                    + MacParameters.DEFAULT_LAMBDA + ")")
    double lambda;

    @Option(names = "--phi", paramLabel = "PHI", defaultValue = "" + MacStudy.STUDY_PHI,
            description = "V at the V to mu sigmoid's inflection (default ${DEFAULT-VALUE}; the CSA's is "
                    + MacParameters.DEFAULT_PHI + ")")
    double phi;

    @Option(names = "--kappa", paramLabel = "KAPPA", defaultValue = "" + MacStudy.STUDY_KAPPA,
            description = "sharpness of mu within a module (default ${DEFAULT-VALUE}; the CSA's is "
                    + MacParameters.DEFAULT_KAPPA + ")")
    double kappa;

    @Option(names = "--other-sizes", paramLabel = "QxKxN", split = ",", defaultValue = "25x9x400,8x5x400,50x16x400",
            description = "further macs for the capacity study, at the same density (default ${DEFAULT-VALUE})")
    String[] otherSizes;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "capacity searches per size, seeds S to S+R-1; the median is reported (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--stores", paramLabel = "N,...", split = ",", defaultValue = "20,50,100",
            description = "stored items of each similarity and variant study (default ${DEFAULT-VALUE})")
    int[] stores;

    @Option(names = "--prototypes", paramLabel = "P", defaultValue = "1",
            description = "prototypes whose noisy variants are the similarity study's items (default ${DEFAULT-VALUE})")
    int prototypes;

    @Option(names = "--pairs", paramLabel = "M", defaultValue = "1000",
            description = "pairs of stored items compared, or all pairs when fewer (default ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--novel", paramLabel = "M", defaultValue = "100",
            description = "novel random inputs compared with the stored codes (default ${DEFAULT-VALUE})")
    int novel;

    @Option(names = "--variants", paramLabel = "M", defaultValue = "100",
            description = "variants of stored items per kept fraction 0, 0.1, ..., 1 (default ${DEFAULT-VALUE})")
    int variants;

    @Option(names = "--timing-items", paramLabel = "N", defaultValue = "100000",
            description = "largest store timed, at least 100 (default ${DEFAULT-VALUE})")
    int timingItems;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object with the figures last")
    boolean json;

    @Override
    public Integer call() {
        Setup mac = setup(modules, cells, inputs, "-Q " + modules + " -K " + cells + " -n " + inputs + " --density "
                + density);
        List<Setup> sizes = new ArrayList<>(List.of(mac));
        for (String size : otherSizes) {
            sizes.add(parseSize(size));
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats " + repeats + ": expected at least 1");
        }
        if (variants < 1) {
            throw new ParameterException(spec.commandLine(), "--variants " + variants + ": expected at least 1");
        }
        List<SimilarityDesign> designs = new ArrayList<>();
        for (int items : stores) {
            try {
                designs.add(new SimilarityDesign(prototypes, items, pairs, novel));
            } catch (SdrException e) {
                throw new ParameterException(spec.commandLine(), "--stores " + items + " --prototypes " + prototypes
                        + " --pairs " + pairs + " --novel " + novel + ": " + e.getMessage());
            }
        }
        if (timingItems < TIMING_CHECKPOINTS[0] || timingItems > TIMING_CHECKPOINTS[TIMING_CHECKPOINTS.length - 1]) {
            throw new ParameterException(spec.commandLine(), "--timing-items " + timingItems + ": expected "
                    + TIMING_CHECKPOINTS[0] + " to " + TIMING_CHECKPOINTS[TIMING_CHECKPOINTS.length - 1]);
        }
        List<String> jsonParts = new ArrayList<>();
        System.out.printf(Locale.ROOT, "Sparsey mac study, seed %d; every mac with the CSA's %s; inputs random with "
                + "exactly round(n x density) active bits%n", seed, mac.describeCsa());
        if (part == Part.capacity || part == Part.all) {
            jsonParts.add(capacity(sizes));
        }
        if (part == Part.similarity || part == Part.all) {
            jsonParts.add(similarity(mac, designs));
        }
        if (part == Part.timing || part == Part.all) {
            jsonParts.add(timing(mac));
        }
        if (json) {
            MacParameters p = mac.params();
            System.out.printf(Locale.ROOT, "{\"seed\": %d, \"Q\": %d, \"K\": %d, \"n\": %d, \"density\": %s, \"match\": "
                    + "\"%s\", \"G_minus\": %s, \"gamma\": %s, \"chi\": %s, \"lambda\": %s, \"phi\": %s, \"kappa\": %s, %s}%n",
                    seed, p.Q(), p.K(), p.n(), number(mac.density()), p.match(), number(p.G_minus()), number(p.gamma()),
                    number(p.chi()), number(p.lambda()), number(p.phi()), number(p.kappa()), String.join(", ", jsonParts));
        }
        return 0;
    }

    private Setup setup(int q, int k, int n, String given) {
        try {
            return new Setup(new MacParameters(q, k, n, MacParameters.DEFAULT_PI_MINUS, MacParameters.DEFAULT_PI_PLUS,
                    MacParameters.DEFAULT_G_MINUS, gamma, chi, lambda, phi, match, kappa), density);
        } catch (SdrException e) {
            throw new ParameterException(spec.commandLine(), given + ": " + e.getMessage());
        }
    }

    private Setup parseSize(String size) {
        String[] parts = size.split("x", -1);
        int[] values = new int[3];
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 3; i++) {
                values[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--other-sizes " + size + ": expected QxKxN, three whole "
                    + "numbers such as 25x9x400");
        }
        return setup(values[0], values[1], values[2], "--other-sizes " + size + " at --density " + density);
    }

    private String capacity(List<Setup> sizes) {
        System.out.printf(Locale.ROOT, "%nExact recall: a fresh mac learns N random items in one pass, then each is presented "
                + "again; it counts when recognition gives G = 1 and its own code. Capacity: the largest N found with at "
                + "least %.0f%% counted (N doubled until it fails, then bisected), seeds %d to %d.%n",
                100 * MacStudy.EXACT_RECALL, seed, seed + repeats - 1);
        System.out.printf(Locale.ROOT, "%6s %4s %6s %7s %9s  %s%n", "Q", "K", "n", "active", "capacity", "per seed (exact "
                + "recall at the first failing N)");
        List<String> rows = new ArrayList<>();
        try (Progress bar = Progress.start("capacity", (long) sizes.size() * repeats, " searches", false)) {
            int done = 0;
            for (Setup size : sizes) {
                int[] found = new int[repeats];
                List<String> perSeed = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    Capacity c = MacStudy.capacity(size, CAPACITY_LIMIT, seed + r);
                    found[r] = c.capacity();
                    perSeed.add(c.firstFailure().map(f -> String.format(Locale.ROOT, "%d (%d/%d)", c.capacity(),
                            f.exact(), f.stored())).orElse(">=" + c.capacity()));
                    bar.stepTo(++done);
                }
                double median = median(Arrays.stream(found).asDoubleStream().toArray());
                System.out.printf(Locale.ROOT, "%6d %4d %6d %7d %9s  %s%n", size.Q(), size.K(), size.n(),
                        size.activeInputs(), number(median), String.join(", ", perSeed));
                rows.add(String.format(Locale.ROOT, "{\"Q\": %d, \"K\": %d, \"n\": %d, \"active\": %d, "
                        + "\"capacity_median\": %s, \"capacities\": %s}", size.Q(), size.K(), size.n(), size.activeInputs(),
                        number(median), Arrays.toString(found)));
            }
        }
        return "\"capacity\": [" + String.join(", ", rows) + "]";
    }

    private String similarity(Setup mac, List<SimilarityDesign> designs) {
        System.out.printf(Locale.ROOT, "%nSimilarity (%s): %d random prototype(s); each stored item a prototype with a "
                + "uniform fraction in [0, 1] of its active bits moved; pairs of distinct stored items drawn uniformly "
                + "(all pairs when fewer than %d); input overlap against the overlap of the learnt codes. Novel: %d "
                + "random inputs, codes drawn without storing, mean overlap with every stored code; chance Q/K = %.3f.%n",
                mac.describe(), prototypes, pairs, novel, mac.chanceOverlap());
        System.out.printf(Locale.ROOT, "%7s %6s %9s %13s %13s %9s %8s%n", "stored", "pairs", "Spearman", "exact recall",
                "novel overlap", "/ chance", "novel G");
        List<String> rows = new ArrayList<>();
        List<Similarity> results = new ArrayList<>();
        for (SimilarityDesign design : designs) {
            Similarity s = MacStudy.similarity(mac, design, seed);
            results.add(s);
            System.out.printf(Locale.ROOT, "%7d %6d %9.3f %13.3f %13.3f %9.2f %8.3f%n", design.items(),
                    design.pairsCompared(), s.spearman(), s.exactRecall(), s.novelMeanOverlap(), s.novelOverChance(),
                    s.novelMeanG());
            String levels = s.levels().stream().map(l -> String.format(Locale.ROOT, "[%d, %d, %s]", l.inputOverlap(),
                    l.pairs(), number(l.meanCodeOverlap()))).collect(Collectors.joining(", "));
            rows.add(String.format(Locale.ROOT, "{\"stored\": %d, \"prototypes\": %d, \"pairs\": %d, \"spearman\": %s, "
                    + "\"exact_recall\": %s, \"novel_mean_overlap\": %s, \"chance_overlap\": %s, \"novel_over_chance\": %s, "
                    + "\"novel_mean_G\": %s, \"levels\": [%s]}", design.items(), design.prototypes(),
                    design.pairsCompared(), number(s.spearman()), number(s.exactRecall()), number(s.novelMeanOverlap()),
                    number(mac.chanceOverlap()), number(s.novelOverChance()), number(s.novelMeanG()), levels));
        }
        System.out.printf(Locale.ROOT, "Mean code overlap (of Q = %d) by input overlap, in tenths of the %d active bits "
                + "(pairs in brackets; every level is in the JSON):%n", mac.Q(), mac.activeInputs());
        System.out.printf(Locale.ROOT, "%7s %s%n", "stored", IntStream.rangeClosed(0, 10).mapToObj(tenth -> String.format(
                Locale.ROOT, "%10.1f", tenth / 10.0)).collect(Collectors.joining()));
        for (Similarity s : results) {
            double[] sum = new double[11];
            int[] count = new int[11];
            for (MacStudy.OverlapLevel l : s.levels()) {
                int tenth = (int) Math.round(10.0 * l.inputOverlap() / mac.activeInputs());
                sum[tenth] += l.meanCodeOverlap() * l.pairs();
                count[tenth] += l.pairs();
            }
            System.out.printf(Locale.ROOT, "%7d %s%n", s.design().items(), IntStream.rangeClosed(0, 10).mapToObj(tenth ->
                    count[tenth] == 0 ? String.format(Locale.ROOT, "%10s", "-") : String.format(Locale.ROOT, "%5.1f (%3d)",
                    sum[tenth] / count[tenth], count[tenth])).collect(Collectors.joining()));
        }
        return "\"similarity\": [" + String.join(", ", rows) + "], " + variants(mac, designs);
    }

    /** Rinkus's graded variants of stored items ({@link MacStudy#variants}), for each store size of the designs. */
    private String variants(Setup mac, List<SimilarityDesign> designs) {
        System.out.printf(Locale.ROOT, "Variants of stored items: a mac learns N independent random items; for each kept "
                + "fraction r, %d variants of stored items X drawn uniformly, a fraction 1 - r of the active bits of X "
                + "moved; codes drawn without storing; mean overlap with the code of X, over Q (chance 1/K = %.3f):%n",
                variants, 1.0 / mac.K());
        System.out.printf(Locale.ROOT, "%7s %s%n", "stored", IntStream.range(0, MacStudy.VARIANT_LEVELS).mapToObj(
                level -> String.format(Locale.ROOT, "%5.1f", (double) level / (MacStudy.VARIANT_LEVELS - 1)))
                .collect(Collectors.joining(" ")));
        List<String> rows = new ArrayList<>();
        for (SimilarityDesign design : designs) {
            List<VariantLevel> levels = MacStudy.variants(mac, design.items(), variants, seed);
            System.out.printf(Locale.ROOT, "%7d %s%n", design.items(), levels.stream().map(l -> String.format(Locale.ROOT,
                    "%5.2f", l.meanCodeOverlap())).collect(Collectors.joining(" ")));
            rows.add(String.format(Locale.ROOT, "{\"stored\": %d, \"per_level\": %d, \"kept\": %s, "
                    + "\"mean_code_overlap_over_Q\": %s}", design.items(), variants,
                    numbers(levels.stream().mapToDouble(VariantLevel::kept).toArray()),
                    numbers(levels.stream().mapToDouble(VariantLevel::meanCodeOverlap).toArray())));
        }
        return "\"variants\": [" + String.join(", ", rows) + "]";
    }

    /**
     * Learn and recognition time per item as the store grows: {@link #TIMED_MACS} macs learn the
     * same random items; at each checkpoint N each mac is timed learning the next
     * {@link #TIMED_LEARNS} items and recognising {@link #TIMED_RECOGNITIONS} items drawn from those
     * stored, in {@link #TIMED_CHUNKS} chunks each, and the median time per item over the macs'
     * chunks is the figure at N.
     */
    private String timing(Setup mac) {
        int[] checkpoints = Arrays.stream(TIMING_CHECKPOINTS).filter(c -> c <= timingItems).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        warmUp(mac, rng.split());
        Macrocolumn[] macs = new Macrocolumn[TIMED_MACS];
        for (int m = 0; m < macs.length; m++) {
            macs[m] = new Macrocolumn(mac.params(), rng.nextLong());
        }
        List<Sdr> items = new ArrayList<>();
        double[] learnUs = new double[checkpoints.length];
        double[] recogniseUs = new double[checkpoints.length];
        try (Progress bar = Progress.start("timing", checkpoints[checkpoints.length - 1], " items", false)) {
            for (int c = 0; c < checkpoints.length; c++) {
                int stored = checkpoints[c];
                while (items.size() < stored + TIMED_LEARNS) {
                    items.add(mac.randomInput(rng));
                }
                int from = c == 0 ? 0 : checkpoints[c - 1] + TIMED_LEARNS;
                for (Macrocolumn m : macs) {
                    for (int i = from; i < stored; i++) {
                        m.learn(items.get(i));
                    }
                }
                bar.stepTo(stored);
                Sdr[] learnt = copies(items, IntStream.range(stored, stored + TIMED_LEARNS).toArray());
                Sdr[] probes = copies(items, rng.ints(TIMED_RECOGNITIONS, 0, stored).toArray());
                // Short chunks, the macs in turn: a pause of the machine spoils a few chunks, not the median.
                double[] learn = new double[macs.length * TIMED_CHUNKS];
                double[] recognise = new double[macs.length * TIMED_CHUNKS];
                for (int chunk = 0; chunk < TIMED_CHUNKS; chunk++) {
                    for (int m = 0; m < macs.length; m++) {
                        learn[chunk * macs.length + m] = microsecondsPerItem(macs[m], learnt, chunk, true);
                        recognise[chunk * macs.length + m] = microsecondsPerItem(macs[m], probes, chunk, false);
                    }
                }
                learnUs[c] = median(learn);
                recogniseUs[c] = median(recognise);
            }
        }
        Trend learnTrend = Trend.of(checkpoints, learnUs);
        Trend recogniseTrend = Trend.of(checkpoints, recogniseUs);
        int last = checkpoints.length - 1;
        System.out.printf(Locale.ROOT, "%nFixed time (%s): %d macs learn the same random items; at each store size N each "
                + "learns the next %d items and recognises %d stored ones, timed in %d chunks; median time per item over "
                + "the macs' chunks, after %d untimed items on another mac.%n", mac.describe(), TIMED_MACS, TIMED_LEARNS,
                TIMED_RECOGNITIONS, TIMED_CHUNKS, WARM_UP_ITEMS);
        System.out.printf(Locale.ROOT, "%9s %12s %14s%n", "stored", "learn us", "recognise us");
        for (int c = 0; c < checkpoints.length; c++) {
            System.out.printf(Locale.ROOT, "%9d %12.2f %14.2f%n", checkpoints[c], learnUs[c], recogniseUs[c]);
        }
        System.out.printf(Locale.ROOT, "learn: slope %.4f us per item per 1,000 items stored; %d to %d items: %.2fx%n",
                learnTrend.slopePerThousand(), checkpoints[0], checkpoints[last], learnTrend.ratio());
        System.out.printf(Locale.ROOT, "recognise: slope %.4f us per item per 1,000 items stored; %d to %d items: %.2fx%n",
                recogniseTrend.slopePerThousand(), checkpoints[0], checkpoints[last], recogniseTrend.ratio());
        return String.format(Locale.ROOT, "\"timing\": {\"stored\": %s, \"learn_us\": %s, \"recognise_us\": %s, "
                + "\"learn_slope_us_per_1000\": %s, \"recognise_slope_us_per_1000\": %s, \"learn_ratio\": %s, "
                + "\"recognise_ratio\": %s}", Arrays.toString(checkpoints), numbers(learnUs), numbers(recogniseUs),
                number(learnTrend.slopePerThousand()), number(recogniseTrend.slopePerThousand()),
                number(learnTrend.ratio()), number(recogniseTrend.ratio()));
    }

    /** Least-squares slope of time per item against items stored, and the last time over the first. */
    private record Trend(double slopePerThousand, double ratio) {
        static Trend of(int[] stored, double[] microseconds) {
            SimpleRegression fit = new SimpleRegression();
            for (int i = 0; i < stored.length; i++) {
                fit.addData(stored[i], microseconds[i]);
            }
            double slope = stored.length > 1 ? fit.getSlope() * 1000 : 0;
            return new Trend(slope, microseconds[microseconds.length - 1] / microseconds[0]);
        }
    }

    private static void warmUp(Setup mac, SplittableRandom rng) {
        Macrocolumn warm = new Macrocolumn(mac.params(), rng.nextLong());
        for (int i = 0; i < WARM_UP_ITEMS; i++) {
            Sdr x = mac.randomInput(rng);
            warm.learn(x);
            warm.recognise(x);
        }
    }

    /** Fresh copies of the chosen items, so that timing reads items allocated together whatever the store's size. */
    private static Sdr[] copies(List<Sdr> items, int[] chosen) {
        Sdr[] out = new Sdr[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            Sdr x = items.get(chosen[i]);
            out[i] = Sdr.ofSparse(x.size(), x.sparse());
        }
        return out;
    }

    /** The time per item of learning or recognising chunk {@code chunk} of {@link #TIMED_CHUNKS} of the items. */
    private static double microsecondsPerItem(Macrocolumn mac, Sdr[] items, int chunk, boolean learn) {
        int size = items.length / TIMED_CHUNKS;
        long start = System.nanoTime();
        for (int i = chunk * size; i < (chunk + 1) * size; i++) {
            if (learn) {
                mac.learn(items[i]);
            } else {
                mac.recognise(items[i]);
            }
        }
        return (System.nanoTime() - start) / 1e3 / size;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A JSON number to six significant digits; null for NaN (a rank correlation of constant overlaps). */
    private static String number(double value) {
        return Double.isFinite(value) ? new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
                .toPlainString() : "null";
    }

    private static String numbers(double[] values) {
        return Arrays.stream(values).mapToObj(SparseyStudyCommand::number).collect(Collectors.joining(", ", "[", "]"));
    }
}
