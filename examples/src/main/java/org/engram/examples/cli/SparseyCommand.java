package org.engram.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.engram.models.data.Mnist;
import org.engram.models.sparsey.CodeClassifier;
import org.engram.models.sparsey.Hierarchy;
import org.engram.models.sparsey.HierarchyParameters;
import org.engram.models.sparsey.Sdr;
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
     * {@code engram sparsey mnist}: a seeded shuffle of the digits, the first N stored in one pass
     * by a two-level hierarchy (7x7-pixel windows every 3 pixels, one top mac; sizes chosen on seed 7), the next M labelled
     * by the nearest stored top code; beside it 1-nearest-neighbour on grey and on binarised pixels.
     */
    @Command(name = "mnist", mixinStandardHelpOptions = true,
            description = "Train a two-level Sparsey hierarchy on MNIST digits in one pass and report its accuracy "
                    + "beside 1-nearest-neighbour baselines.")
    static final class MnistCommand implements Callable<Integer> {
        /** Ink at or above this grey level is an active pixel. */
        static final int INK = 128;
        static final HierarchyParameters SHAPE = new HierarchyParameters(28, 28, 7, 3, 8, 256, 48, 64);

        @Spec
        CommandSpec spec;

        @Option(names = "--train", paramLabel = "N", defaultValue = "2000", description = "digits to train on (default ${DEFAULT-VALUE})")
        int train;

        @Option(names = "--test", paramLabel = "M", defaultValue = "1000", description = "digits to test on (default ${DEFAULT-VALUE})")
        int test;

        @Option(names = "--data", paramLabel = "DIR",
                description = "directory with MNIST IDX files (*images-idx3-ubyte[.gz] and *labels-idx1-ubyte[.gz]); "
                        + "default: the 10,000 bundled digits")
        Path data;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the shuffle and the macs (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "print one JSON object with the figures last")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (train < 1 || test < 1) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " --test " + test + ": expected at least 1 digit each");
            }
            Mnist digits = data == null ? Mnist.bundled() : read(data);
            if ((long) train + test > digits.count()) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " plus --test " + test + " is more than the "
                        + digits.count() + " digits in the data");
            }
            int[] order = shuffled(digits.count(), new SplittableRandom(seed));
            int pixels = digits.rows() * digits.cols();
            int[][] grey = new int[train + test][];
            Sdr[] binary = new Sdr[train + test];
            int[] labels = new int[train + test];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = digits.pixels(order[i]);
                binary[i] = binarise(grey[i]);
                labels[i] = digits.label(order[i]);
            }
            Hierarchy hierarchy = new Hierarchy(SHAPE, seed);
            CodeClassifier readout = new CodeClassifier();
            long start = System.nanoTime();
            for (int i = 0; i < train; i++) {
                Optional<Sdr> code = hierarchy.learn(binary[i]);
                if (code.isPresent()) {
                    readout.store(code.get(), labels[i]);
                }
            }
            double trainS = (System.nanoTime() - start) / 1e9;
            int correct = 0;
            int nnGrey = 0;
            int nnBinary = 0;
            for (int t = train; t < train + test; t++) {
                Optional<Sdr> code = hierarchy.recognise(binary[t]);
                if (code.isPresent() && readout.stored() > 0 && readout.classify(code.get()) == labels[t]) {
                    correct++;
                }
                nnGrey += labels[nearestGrey(grey, train, grey[t])] == labels[t] ? 1 : 0;
                nnBinary += labels[nearestBinary(binary, train, binary[t])] == labels[t] ? 1 : 0;
            }
            double accuracy = (double) correct / test;
            double baselineGrey = (double) nnGrey / test;
            double baselineBinary = (double) nnBinary / test;
            System.out.printf(Locale.ROOT, "sparsey: %d train, %d test digits of %dx%d pixels, seed %d; %d level-1 macs "
                    + "(%dx%d windows every %d, Q=%d K=%d), one level-2 mac (Q=%d K=%d)%n", train, test, digits.rows(),
                    digits.cols(), seed, SHAPE.level1Macs(), SHAPE.patch(), SHAPE.patch(), SHAPE.stride(), SHAPE.Q1(),
                    SHAPE.K1(), SHAPE.Q2(), SHAPE.K2());
            System.out.printf(Locale.ROOT, "accuracy %.4f (nearest stored top code), train %.2f s, %.0f items/s%n",
                    accuracy, trainS, train / trainS);
            System.out.printf(Locale.ROOT, "baseline 1-NN: grey pixels %.4f, binarised pixels %.4f (%d pixels each)%n",
                    baselineGrey, baselineBinary, pixels);
            if (json) {
                System.out.printf(Locale.ROOT, "{\"accuracy\": %.6f, \"train_s\": %.6f, \"train_items\": %d, "
                        + "\"test_items\": %d, \"baseline_1nn\": %.6f, \"baseline_1nn_binary\": %.6f}%n", accuracy,
                        trainS, train, test, baselineGrey, baselineBinary);
            }
            return 0;
        }

        private Mnist read(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "--data " + dir + ": not a directory; expected one with MNIST IDX files");
            }
            List<Path> images;
            try (Stream<Path> files = Files.list(dir)) {
                images = files.filter(p -> p.getFileName().toString().matches(".*images[-.]idx3-ubyte(\\.gz)?"))
                        .sorted().toList();
            }
            for (Path image : images) {
                Path label = image.resolveSibling(image.getFileName().toString().replaceFirst("images([-.])idx3", "labels$1idx1"));
                if (Files.isRegularFile(label)) {
                    return Mnist.read(image, label);
                }
            }
            throw new ParameterException(spec.commandLine(), "--data " + dir + ": no MNIST files; expected a *images-idx3-ubyte[.gz] file "
                    + "beside its *labels-idx1-ubyte[.gz] file");
        }

        static Sdr binarise(int[] grey) {
            boolean[] ink = new boolean[grey.length];
            for (int i = 0; i < grey.length; i++) {
                ink[i] = grey[i] >= INK;
            }
            return Sdr.ofDense(ink);
        }

        private static int[] shuffled(int count, SplittableRandom rng) {
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            for (int i = count - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }

        /** The index below {@code train} of the grey image nearest {@code query} in squared Euclidean distance. */
        private static int nearestGrey(int[][] grey, int train, int[] query) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < train; i++) {
                long distance = 0;
                int[] g = grey[i];
                for (int p = 0; p < query.length; p++) {
                    int d = g[p] - query[p];
                    distance += d * d;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best;
        }

        /** The index below {@code train} of the binary image nearest {@code query} in Hamming distance. */
        private static int nearestBinary(Sdr[] binary, int train, Sdr query) {
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < train; i++) {
                int distance = binary[i].activeCount() + query.activeCount() - 2 * binary[i].overlap(query);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best;
        }
    }
}
