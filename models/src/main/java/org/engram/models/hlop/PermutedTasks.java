package org.engram.models.hlop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Permuted-digit continual learning (HLOP's PMNIST protocol): every task, the first included, is
 * the same digits under its own fixed pixel permutation, drawn from the seeded generator and
 * applied alike to the training and the test digits; the 10-way output is shared; tasks are learnt
 * one after another and, after each, every task learnt so far is scored on its test digits, filling
 * the accuracy matrix {@code R[j][i]} (percent on task {@code i} after training task {@code j};
 * {@code NaN} for {@code i > j}, a task not yet learnt).
 *
 * <p>Methods: {@link Method#BASELINE} fine-tunes sequentially; {@link Method#HLOP} does the same
 * with the lateral circuits of every layer ({@link Lateral}: subspace neurons grown per task, a
 * Hebbian phase during each task, projection with earlier tasks' subspace from task 1 on);
 * {@link Method#MULTITASK} trains once on all tasks' digits shuffled together, the joint-training
 * bound, and so has one row of {@code R}, every task scored.
 *
 * @param tasks        number of tasks {@code K}, at least 1
 * @param hidden       hidden layer widths, each at least 1
 * @param epochs       passes over each task's digits (multitask: over all tasks' digits), at least 1
 * @param timesteps    LIF steps per digit, at least 1
 * @param batch        digits per SGD step, at least 1
 * @param learningRate SGD step size, above 0
 * @param lateral      HLOP's circuits, one per weight layer ({@code hidden.length + 1})
 * @param seed         fixes permutations, weights, shuffles and subspace initialisation
 */
public record PermutedTasks(int tasks, int[] hidden, int epochs, int timesteps, int batch, double learningRate,
        Lateral lateral, long seed) {
    /** The reference's SGD step size and batch for PMNIST. */
    public static final double LEARNING_RATE = 0.1;
    public static final int BATCH = 64;

    /** How the tasks are learnt. */
    public enum Method { HLOP, BASELINE, MULTITASK }

    /**
     * HLOP's lateral circuits, one per weight layer, input layer first.
     *
     * @param initial    subspace neurons of each layer during the first task, each at least 1
     * @param growth     neurons each layer adds at every later task, each at least 0 (fewer once the
     *                   layer's input width is reached)
     * @param rates      Hebbian learning rate of each layer, above 0
     * @param iterations Hebbian iterations per batch of each layer, each at least 1
     */
    public record Lateral(int[] initial, int[] growth, double[] rates, int[] iterations) {
        public Lateral {
            initial = initial.clone();
            growth = growth.clone();
            rates = rates.clone();
            iterations = iterations.clone();
            if (growth.length != initial.length || rates.length != initial.length || iterations.length != initial.length) {
                throw new InvalidHlopException("Lateral", "lengths", initial.length + ", " + growth.length + ", "
                        + rates.length + ", " + iterations.length, "one value per weight layer in each");
            }
            for (int l = 0; l < initial.length; l++) {
                if (initial[l] < 1) {
                    throw new InvalidHlopException("Lateral", "initial neurons of layer " + l, initial[l], "at least 1");
                }
                if (growth[l] < 0) {
                    throw new InvalidHlopException("Lateral", "growth of layer " + l, growth[l], "at least 0");
                }
                // the rule and its rate are checked by SubspaceRule when the circuits are made
                new SubspaceRule(1, rates[l], iterations[l]);
            }
        }

        /** Number of weight layers it serves. */
        public int layers() {
            return initial.length;
        }

        /** Neurons layer {@code l} (input width {@code n}, {@code present} neurons already) adds at task {@code task}. */
        int added(int l, int n, int task, int present) {
            return Math.min(n - present, task == 0 ? initial[l] : growth[l]);
        }

        @Override
        public int[] initial() {
            return initial.clone();
        }

        @Override
        public int[] growth() {
            return growth.clone();
        }

        @Override
        public double[] rates() {
            return rates.clone();
        }

        @Override
        public int[] iterations() {
            return iterations.clone();
        }
    }

    /**
     * Where a run is, after each SGD step.
     *
     * @param method   the method running
     * @param task     the task being learnt; {@code -1} for multitask, all tasks at once
     * @param epoch    the epoch within it, from 0
     * @param done     digits trained so far in this task (all its epochs)
     * @param total    digits this task trains in all ({@code epochs ×} its digits)
     * @param meanLoss mean cross-entropy over this epoch's steps so far
     * @param accuracy percent of this epoch's training digits so far classified right (before their step)
     */
    public record Step(Method method, int task, int epoch, long done, long total, double meanLoss, double accuracy) {}

    /** Receives a run's {@link Step}s. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = step -> { };

        void step(Step step);
    }

    /**
     * Every task's test accuracy during training.
     *
     * @param progress each scoring's training progress in tasks learnt: {@code k + (e+1)/epochs}
     *                 after epoch {@code e} of task {@code k}
     * @param accuracy {@code accuracy[p][i]}: task {@code i} in percent at scoring {@code p};
     *                 {@code NaN} for tasks not yet learnt
     */
    public record Curves(double[] progress, double[][] accuracy) {}

    /**
     * One method's outcome: {@code matrix[j][i]} in percent ({@code NaN} above the diagonal), ACC
     * and BWT in percent ({@code NaN} BWT with one row), and, when asked for, the scores after every
     * epoch ({@code null} otherwise, and for multitask).
     */
    public record Result(Method method, double[][] matrix, double acc, double bwt, Curves curves) {
        /** ACC and BWT of {@code matrix} by the GEM/GPM definitions (see {@link PermutedTasks#acc}). */
        public static Result of(Method method, double[][] matrix, Curves curves) {
            return new Result(method, matrix, PermutedTasks.acc(matrix), PermutedTasks.bwt(matrix), curves);
        }
    }

    public PermutedTasks {
        if (tasks < 1) {
            throw new InvalidHlopException("PermutedTasks", "tasks", tasks, "at least 1");
        }
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new InvalidHlopException("PermutedTasks", "hidden", "[]", "at least one hidden layer");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new InvalidHlopException("PermutedTasks", "hidden size", h, "at least 1");
            }
        }
        if (epochs < 1) {
            throw new InvalidHlopException("PermutedTasks", "epochs", epochs, "at least 1");
        }
        if (timesteps < 1) {
            throw new InvalidHlopException("PermutedTasks", "timesteps", timesteps, "at least 1");
        }
        if (batch < 1) {
            throw new InvalidHlopException("PermutedTasks", "batch", batch, "at least 1");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new InvalidHlopException("PermutedTasks", "learningRate", learningRate, "a finite number above 0");
        }
        if (lateral.layers() != hidden.length + 1) {
            throw new InvalidHlopException("PermutedTasks", "lateral circuits", lateral.layers(),
                    (hidden.length + 1) + " (one per weight layer: the input and each hidden layer)");
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** {@code ACC = (1/K) Σ_i R[last][i]}. */
    public static double acc(double[][] r) {
        double[] last = r[r.length - 1];
        return Arrays.stream(last).sum() / last.length;
    }

    /** {@code BWT = (1/(K−1)) Σ_{i<K−1} (R[K−1][i] − R[i][i])}; {@code NaN} unless {@code R} is square with K ≥ 2. */
    public static double bwt(double[][] r) {
        int k = r[r.length - 1].length;
        if (r.length != k || k < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < k - 1; i++) {
            sum += r[k - 1][i] - r[i][i];
        }
        return sum / (k - 1);
    }

    /** The pixel permutation of each task, as {@link #run} draws them for {@code width}-pixel digits. */
    public int[][] permutations(int width) {
        return permutations(width, new SplittableRandom(seed));
    }

    /**
     * Runs {@code method}: trains on {@code train}, scores on {@code test} (the same permutation
     * per task for both), reports every step to {@code listener}; with {@code curves}, also scores
     * the tasks learnt so far after every epoch.
     */
    public Result run(Method method, Digits train, Digits test, boolean curves, Listener listener) {
        return train(method, train, test, curves, listener).result();
    }

    /** {@link #run} that also returns the trained network. */
    public Trained train(Method method, Digits train, Digits test, boolean curves, Listener listener) {
        if (test.width() != train.width()) {
            throw new InvalidHlopException("PermutedTasks", "test digit width", test.width(),
                    train.width() + " (the training digits')");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] permutations = permutations(train.width(), random);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = train.width();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 10;
        SpikingMlp net = new SpikingMlp(sizes, timesteps, random.nextLong());
        if (method == Method.MULTITASK) {
            fit(net, method, -1, train, permutations, null, random, listener);
            double[][] matrix = {scores(net, test, permutations, tasks)};
            return new Trained(net, permutations, Result.of(method, matrix, null));
        }
        SubspaceNeurons[] circuits = method == Method.HLOP ? circuits(sizes, random) : null;
        double[][] matrix = new double[tasks][];
        CurveBuilder curve = curves ? new CurveBuilder() : null;
        for (int k = 0; k < tasks; k++) {
            if (circuits != null) {
                for (int l = 0; l < circuits.length; l++) {
                    int grow = lateral.added(l, sizes[l], k, circuits[l].size());
                    if (grow > 0) {
                        circuits[l].beginTask(grow);
                    }
                }
            }
            int task = k;
            IntConsumer afterEpoch = curve == null ? e -> { } : e -> curve.add(net, test, permutations, task, e);
            fit(net, method, k, train, permutations, circuits, random, listener, afterEpoch);
            matrix[k] = curve == null ? scores(net, test, permutations, k + 1) : curve.last();
        }
        return new Trained(net, permutations, Result.of(method, matrix, curve == null ? null : curve.build()));
    }

    /** A trained network with the permutations of its tasks, and its result. */
    public record Trained(SpikingMlp network, int[][] permutations, Result result) {
        /** The first {@code count} rows of {@code digits} as task {@code task} shows them (permuted). */
        public double[][] taskRows(Digits digits, int task, int count) {
            double[][] out = new double[count][];
            for (int i = 0; i < count; i++) {
                out[i] = permute(digits.pixels()[i], permutations[task]);
            }
            return out;
        }
    }

    private SubspaceNeurons[] circuits(int[] sizes, SplittableRandom random) {
        SubspaceNeurons[] out = new SubspaceNeurons[sizes.length - 1];
        for (int l = 0; l < out.length; l++) {
            out[l] = new SubspaceNeurons(new SubspaceRule(sizes[l], lateral.rates[l], lateral.iterations[l]),
                    random.nextLong());
        }
        return out;
    }

    /** Scores after every epoch, in the order they are taken. */
    private final class CurveBuilder {
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> progress = new ArrayList<>();

        void add(SpikingMlp net, Digits test, int[][] permutations, int task, int epoch) {
            rows.add(scores(net, test, permutations, task + 1));
            progress.add(task + (epoch + 1.0) / epochs);
        }

        double[] last() {
            return rows.get(rows.size() - 1);
        }

        Curves build() {
            return new Curves(progress.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(new double[0][]));
        }
    }

    private void fit(SpikingMlp net, Method method, int task, Digits train, int[][] permutations,
            SubspaceNeurons[] circuits, SplittableRandom random, Listener listener) {
        fit(net, method, task, train, permutations, circuits, random, listener, e -> { });
    }

    /**
     * Trains {@code epochs} passes of task {@code task}'s digits ({@code -1}: every task's,
     * shuffled together), giving each epoch's number to {@code afterEpoch} when it ends.
     */
    private void fit(SpikingMlp net, Method method, int task, Digits train, int[][] permutations,
            SubspaceNeurons[] circuits, SplittableRandom random, Listener listener, IntConsumer afterEpoch) {
        int n = train.count();
        int items = task < 0 ? n * tasks : n;
        long total = (long) items * epochs;
        int[] order = new int[items];
        double[][] x = new double[batch][];
        int[] y = new int[batch];
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < items; i++) {
                order[i] = i;
            }
            shuffle(order, random);
            double lossSum = 0;
            int right = 0;
            for (int start = 0; start < items; start += batch) {
                int b = Math.min(batch, items - start);
                if (b != x.length) {
                    x = new double[b][];
                    y = new int[b];
                }
                for (int i = 0; i < b; i++) {
                    int item = order[start + i];
                    int digit = item % n;
                    x[i] = permute(train.pixels()[digit], permutations[task < 0 ? item / n : task]);
                    y[i] = train.labels()[digit];
                }
                SpikingMlp.BatchScore score = net.train(x, y, learningRate, circuits, circuits != null);
                lossSum += score.meanLoss() * b;
                right += score.correct();
                int seen = start + b;
                listener.step(new Step(method, task, e, (long) e * items + seen, total, lossSum / seen, 100.0 * right / seen));
            }
            afterEpoch.accept(e);
        }
    }

    /** Percent right on each of the first {@code learnt} tasks' test digits; {@code NaN} for the others. */
    private double[] scores(SpikingMlp net, Digits test, int[][] permutations, int learnt) {
        double[] out = new double[tasks];
        Arrays.fill(out, Double.NaN);
        double[][] rows = new double[test.count()][];
        for (int k = 0; k < learnt; k++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = permute(test.pixels()[i], permutations[k]);
            }
            int[] predicted = net.predict(rows);
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += predicted[i] == test.labels()[i] ? 1 : 0;
            }
            out[k] = 100.0 * right / predicted.length;
        }
        return out;
    }

    private int[][] permutations(int width, SplittableRandom random) {
        int[][] out = new int[tasks][];
        for (int k = 0; k < tasks; k++) {
            out[k] = new int[width];
            for (int i = 0; i < width; i++) {
                out[k][i] = i;
            }
            shuffle(out[k], random);
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Element {@code i} of the result is {@code row[permutation[i]]}. */
    static double[] permute(double[] row, int[] permutation) {
        double[] out = new double[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            out[i] = row[permutation[i]];
        }
        return out;
    }
}
