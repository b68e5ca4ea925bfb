package org.engram.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.engram.models.data.Mnist;
import org.engram.models.sparsey.HebbianReadout;
import org.engram.models.sparsey.Hierarchy;
import org.engram.models.sparsey.HierarchyCode;
import org.engram.models.sparsey.HierarchyParameters;
import org.engram.models.sparsey.Sdr;
import org.engram.models.sparsey.Shear;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engram sparsey …}: Sparsey's macs on data sets; {@code mnist} trains a hierarchy on digits. */
@Command(name = "sparsey", mixinStandardHelpOptions = true,
        description = "Run Sparsey hierarchies of macrocolumns on data sets.",
        subcommands = {SparseyCommand.MnistCommand.class, SparseyStudyCommand.class, SparseySpikingCommand.class})
final class SparseyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code engram sparsey mnist}: the first N digits (in the data's order, or a seeded shuffle)
     * straightened, binarised and stored in one pass by a two-level hierarchy (7x7-pixel windows
     * every 3 pixels, one top mac), with a Hebbian read-out of both levels' codes learning the
     * labels in the same pass; the next M digits labelled by that read-out of the codes they
     * reinstate. Beside it, 1-nearest-neighbour on grey pixels, on binarised pixels and on
     * Sparsey's own input. The design and its parameters were chosen on the default split, seed 1
     * (models README, "Sparsey on MNIST").
     */
    @Command(name = "mnist", mixinStandardHelpOptions = true,
            description = "Train a two-level Sparsey hierarchy on MNIST digits in one pass and report its accuracy "
                    + "beside 1-nearest-neighbour baselines.")
    static final class MnistCommand implements Callable<Integer> {
        /** Ink at or above this grey level is an active pixel. */
        static final int INK = 128;
        static final HierarchyParameters SHAPE = new HierarchyParameters(28, 28, 7, 3, 8, 256, 48, 64);
        /** The read-out's smoothing: on the default split 0.01 measured 0.1 to 0.9 points above 0.1, and 1 less still. */
        static final double READOUT_ALPHA = 0.01;
        static final int LABELS = 10;

        @Spec
        CommandSpec spec;

        @Option(names = "--train", paramLabel = "N", defaultValue = "2000", description = "digits to train on (default ${DEFAULT-VALUE})")
        int train;

        @Option(names = "--test", paramLabel = "M", defaultValue = "1000", description = "digits to test on, the M after the "
                + "training digits (default ${DEFAULT-VALUE})")
        int test;

        @Option(names = "--data", paramLabel = "DIR",
                description = "directory with MNIST IDX files (*images-idx3-ubyte[.gz] and *labels-idx1-ubyte[.gz]); "
                        + "default: the 10,000 bundled digits")
        Path data;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the macs' draws and of "
                + "--shuffle (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--shuffle", description = "take the digits in an order shuffled by the seed, not the data's")
        boolean shuffle;

        @Option(names = "--json", description = "print one JSON object with the figures last")
        boolean json;

        @Option(names = "--out", paramLabel = "DIR", description = "write figures of the learned receptive fields and of "
                + "code overlap against input overlap (PNG and SVG) into DIR")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (train < 1 || test < 1) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " --test " + test + ": expected at least 1 digit each");
            }
            if (out != null) {
                RunOutput.check(out);
            }
            Mnist digits = data == null ? Mnist.bundled() : Mnist.read(data);
            if ((long) train + test > digits.count()) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " plus --test " + test + " is more than the "
                        + digits.count() + " digits in the data");
            }
            int[] order = order(digits.count());
            int items = train + test;
            int[][] grey = new int[items][];
            Sdr[] binary = new Sdr[items];
            int[] labels = new int[items];
            for (int i = 0; i < items; i++) {
                grey[i] = digits.pixels(order[i]);
                binary[i] = binarise(grey[i]);
                labels[i] = digits.label(order[i]);
            }
            Hierarchy hierarchy = new Hierarchy(new HierarchyParameters(digits.rows(), digits.cols(), SHAPE.patch(),
                    SHAPE.stride(), SHAPE.Q1(), SHAPE.K1(), SHAPE.Q2(), SHAPE.K2()), seed);
            Readouts readouts = new Readouts(hierarchy.params());
            Sdr[] input = new Sdr[items];
            HierarchyCode[] stored = new HierarchyCode[train];
            long start = System.nanoTime();
            try (Progress bar = Progress.start("sparsey mnist", train, " digits", false)) {
                for (int i = 0; i < train; i++) {
                    input[i] = binarise(Shear.deskew(grey[i], digits.rows(), digits.cols()));
                    stored[i] = hierarchy.learn(input[i]).orElse(null);
                    if (stored[i] != null) {
                        readouts.store(stored[i], labels[i]);
                    }
                    bar.stepTo(i + 1);
                }
            }
            double trainS = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int[] correct = new int[3];
            for (int t = train; t < items; t++) {
                input[t] = binarise(Shear.deskew(grey[t], digits.rows(), digits.cols()));
                HierarchyCode code = hierarchy.recognise(input[t]).orElse(null);
                if (code != null && readouts.stored() > 0) {
                    readouts.score(code, labels[t], correct);
                }
            }
            double testS = (System.nanoTime() - start) / 1e9;
            Result f = new Result((double) correct[0] / test, (double) correct[1] / test, (double) correct[2] / test,
                    trainS, testS, nearestAccuracy(grey, train, labels, MnistCommand::squaredDistance),
                    nearestAccuracy(binary, train, labels, MnistCommand::hammingDistance),
                    nearestAccuracy(input, train, labels, MnistCommand::hammingDistance), hierarchy.frozenLevel1Macs(),
                    hierarchy.level2Frozen());
            List<Path> written = out == null ? List.of()
                    : SparseyFigures.write(out, hierarchy, input, stored, labels, new SplittableRandom(seed));
            print(System.out, digits, hierarchy.params(), f, written);
            return 0;
        }

        /** What one run measured: accuracies (both levels, level 1 alone, level 2 alone), times, baselines, frozen macs. */
        record Result(double accuracy, double accuracyLevel1, double accuracyLevel2, double trainS, double testS,
                double nearestGrey, double nearestBinary, double nearestInput, int frozenLevel1, boolean frozenLevel2) {}

        /** The Hebbian read-out of both levels' codes, and of each level alone for comparison. */
        private static final class Readouts {
            private final HebbianReadout both;
            private final HebbianReadout level1;
            private final HebbianReadout level2;

            Readouts(HierarchyParameters p) {
                both = new HebbianReadout(p.level1Cells() + p.Q2() * p.K2(), LABELS, READOUT_ALPHA);
                level1 = new HebbianReadout(p.level1Cells(), LABELS, READOUT_ALPHA);
                level2 = new HebbianReadout(p.Q2() * p.K2(), LABELS, READOUT_ALPHA);
            }

            void store(HierarchyCode code, int label) {
                both.store(code.cells(), label);
                level1.store(code.level1(), label);
                level2.store(code.level2(), label);
            }

            int stored() {
                return both.stored();
            }

            /** Adds one to {@code correct[0]}, {@code [1]}, {@code [2]} where both levels, level 1, level 2 name the label. */
            void score(HierarchyCode code, int label, int[] correct) {
                correct[0] += both.classify(code.cells()) == label ? 1 : 0;
                correct[1] += level1.classify(code.level1()) == label ? 1 : 0;
                correct[2] += level2.classify(code.level2()) == label ? 1 : 0;
            }
        }

        private void print(PrintStream o, Mnist digits, HierarchyParameters p, Result f, List<Path> written) {
            o.printf(Locale.ROOT, "sparsey: %d train, %d test digits of %dx%d pixels (%s), seed %d%n", train, test,
                    digits.rows(), digits.cols(), shuffle ? "shuffled by the seed" : "in the data's order", seed);
            o.printf(Locale.ROOT, "input deskewed, ink >= %d; level 1: %d macs on %dx%d windows every %d pixels, Q=%d K=%d, "
                    + "%d frozen at saturation %s; level 2: one mac, Q=%d K=%d, %s at saturation %s%n", INK,
                    p.level1Macs(), p.patch(), p.patch(), p.stride(), p.Q1(), p.K1(), f.frozenLevel1(),
                    p.saturation1(), p.Q2(), p.K2(), f.frozenLevel2() ? "frozen" : "learning", p.saturation2());
            o.printf(Locale.ROOT, "accuracy %.4f (Hebbian read-out of both levels' codes; level 1 alone %.4f, level 2 "
                    + "alone %.4f)%n", f.accuracy(), f.accuracyLevel1(), f.accuracyLevel2());
            o.printf(Locale.ROOT, "train %.2f s, %.0f items/s (one pass, one thread); test %.2f s%n", f.trainS(),
                    train / f.trainS(), f.testS());
            o.printf(Locale.ROOT, "baseline 1-NN on %d pixels: grey %.4f, binarised %.4f, Sparsey's input (deskewed, "
                    + "binarised) %.4f%n", digits.rows() * digits.cols(), f.nearestGrey(), f.nearestBinary(),
                    f.nearestInput());
            for (Path file : written) {
                o.println("wrote " + file);
            }
            if (json) {
                o.printf(Locale.ROOT, "{\"accuracy\": %.6f, \"train_s\": %.6f, \"train_items\": %d, \"test_items\": %d, "
                        + "\"items_per_s\": %.3f, \"test_s\": %.6f, \"accuracy_level1\": %.6f, \"accuracy_level2\": %.6f, "
                        + "\"baseline_1nn\": %.6f, \"baseline_1nn_binary\": %.6f, \"baseline_1nn_input\": %.6f, "
                        + "\"level1_frozen\": %d, \"level2_frozen\": %b}%n", f.accuracy(), f.trainS(), train, test,
                        train / f.trainS(), f.testS(), f.accuracyLevel1(), f.accuracyLevel2(), f.nearestGrey(),
                        f.nearestBinary(), f.nearestInput(), f.frozenLevel1(), f.frozenLevel2());
            }
        }

        static Sdr binarise(int[] grey) {
            boolean[] ink = new boolean[grey.length];
            for (int i = 0; i < grey.length; i++) {
                ink[i] = grey[i] >= INK;
            }
            return Sdr.ofDense(ink);
        }

        /** The data's order, or with --shuffle a Fisher-Yates shuffle by the seed. */
        private int[] order(int count) {
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            if (shuffle) {
                SplittableRandom rng = new SplittableRandom(seed);
                for (int i = count - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
            }
            return order;
        }

        /** A distance between two items of one kind. */
        @FunctionalInterface
        private interface Distance<T> {
            long between(T a, T b);
        }

        /**
         * The fraction of the items from {@code train} on labelled as their nearest item below
         * {@code train} (the earliest among equally near ones).
         */
        private static <T> double nearestAccuracy(T[] items, int train, int[] labels, Distance<T> distance) {
            int correct = 0;
            for (int t = train; t < items.length; t++) {
                int best = 0;
                long bestDistance = Long.MAX_VALUE;
                for (int i = 0; i < train; i++) {
                    long d = distance.between(items[i], items[t]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = i;
                    }
                }
                correct += labels[best] == labels[t] ? 1 : 0;
            }
            return (double) correct / (items.length - train);
        }

        private static long squaredDistance(int[] a, int[] b) {
            long distance = 0;
            for (int p = 0; p < a.length; p++) {
                int d = a[p] - b[p];
                distance += d * d;
            }
            return distance;
        }

        private static long hammingDistance(Sdr a, Sdr b) {
            return a.activeCount() + b.activeCount() - 2L * a.overlap(b);
        }
    }
}
