package org.engram.models.hlop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Permuted-digit continual learning (HLOP's PMNIST protocol): every task, the first included, is
 * the same digits under its own fixed pixel permutation, drawn from the seeded generator; the
 * 10-way output is shared; tasks are learnt one after another and every task's test set is scored
 * after each, filling the accuracy matrix {@code R[j][i]} (percent on task {@code i} after training
 * task {@code j}).
 *
 * <p>Methods: {@link Method#BASELINE} fine-tunes sequentially; {@link Method#HLOP} does the same
 * with the lateral circuits of every layer (growth per task as {@link #subspaceSizes}, Hebbian
 * phase during each task, projection with earlier tasks' subspace from task 1 on);
 * {@link Method#MULTITASK} trains once on all tasks' digits shuffled together, the joint-training
 * bound, and so has one row of {@code R}.
 *
 * @param tasks        number of tasks {@code K}, at least 1
 * @param hidden       hidden layer widths, each at least 1
 * @param epochs       passes over each task's digits, at least 1
 * @param timesteps    LIF steps per digit, at least 1
 * @param batch        digits per SGD step, at least 1
 * @param learningRate SGD step size
 * @param seed         fixes permutations, weights, shuffles and subspace initialisation
 */
public record PermutedTasks(int tasks, int[] hidden, int epochs, int timesteps, int batch, double learningRate,
        long seed) {
    /** The reference's SGD step size and batch for PMNIST. */
    public static final double LEARNING_RATE = 0.1;
    public static final int BATCH = 64;

    /** How the tasks are learnt. */
    public enum Method { HLOP, BASELINE, MULTITASK }

    /** One method's outcome: {@code matrix[j][i]} in percent, ACC and BWT in percent ({@code NaN} BWT with one row). */
    public record Result(Method method, double[][] matrix, double acc, double bwt) {
        /** ACC and BWT of {@code matrix} by the GEM/GPM definitions (see {@link PermutedTasks#acc}). */
        public static Result of(Method method, double[][] matrix) {
            return new Result(method, matrix, PermutedTasks.acc(matrix), PermutedTasks.bwt(matrix));
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

    /**
     * HLOP's subspace neurons for a layer input of {@code n} elements at task {@code task}: the
     * reference's fractions of the input (10% of pixels, 25% of the first hidden layer, 12.5% of
     * later ones at first; about 9% more per task), capped by what is left of {@code n}.
     */
    public static int subspaceSizes(int layer, int n, int task, int alreadyThere) {
        double fraction = task > 0 ? 0.09 : layer == 0 ? 0.10 : layer == 1 ? 0.25 : 0.125;
        return Math.min(n - alreadyThere, Math.max(1, (int) Math.round(fraction * n)));
    }

    /**
     * Runs {@code method} on {@code train} (pixel rows, 0 to 1) and scores on {@code test}; labels
     * are digits 0 to 9.
     */
    public Result run(Method method, double[][] train, int[] trainLabels, double[][] test, int[] testLabels) {
        SplittableRandom random = new SplittableRandom(seed);
        int pixels = train[0].length;
        int[][] permutations = new int[tasks][];
        for (int k = 0; k < tasks; k++) {
            permutations[k] = permutation(pixels, random);
        }
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = pixels;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 10;
        SpikingMlp net = new SpikingMlp(sizes, timesteps, random.nextLong());
        double[][][] tests = new double[tasks][][];
        for (int k = 0; k < tasks; k++) {
            tests[k] = permute(test, permutations[k]);
        }
        if (method == Method.MULTITASK) {
            List<double[]> inputs = new ArrayList<>();
            int[] labels = new int[tasks * train.length];
            for (int k = 0; k < tasks; k++) {
                inputs.addAll(Arrays.asList(permute(train, permutations[k])));
                System.arraycopy(trainLabels, 0, labels, k * train.length, train.length);
            }
            fit(net, inputs.toArray(new double[0][]), labels, null, random);
            return Result.of(method, new double[][] {scores(net, tests, testLabels)});
        }
        SubspaceNeurons[] lateral = null;
        if (method == Method.HLOP) {
            lateral = new SubspaceNeurons[net.layers()];
            for (int l = 0; l < lateral.length; l++) {
                SubspaceRule rule = l == 0
                        ? new SubspaceRule(sizes[0], SubspaceRule.PIXEL_LEARNING_RATE, SubspaceRule.ITERATIONS)
                        : SubspaceRule.hidden(sizes[l]);
                lateral[l] = new SubspaceNeurons(rule, random.nextLong());
            }
        }
        double[][] matrix = new double[tasks][];
        for (int k = 0; k < tasks; k++) {
            if (lateral != null) {
                for (int l = 0; l < lateral.length; l++) {
                    int grow = subspaceSizes(l, sizes[l], k, lateral[l].size());
                    if (grow > 0) {
                        lateral[l].beginTask(grow);
                    }
                }
            }
            fit(net, permute(train, permutations[k]), trainLabels, lateral, random);
            matrix[k] = scores(net, tests, testLabels);
        }
        return Result.of(method, matrix);
    }

    private void fit(SpikingMlp net, double[][] inputs, int[] labels, SubspaceNeurons[] lateral,
            SplittableRandom random) {
        int[] order = new int[inputs.length];
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            shuffle(order, random);
            for (int start = 0; start < order.length; start += batch) {
                int b = Math.min(batch, order.length - start);
                double[][] x = new double[b][];
                int[] y = new int[b];
                for (int i = 0; i < b; i++) {
                    x[i] = inputs[order[start + i]];
                    y[i] = labels[order[start + i]];
                }
                net.train(x, y, learningRate, lateral, lateral != null);
            }
        }
    }

    private static double[] scores(SpikingMlp net, double[][][] tests, int[] labels) {
        double[] out = new double[tests.length];
        for (int k = 0; k < tests.length; k++) {
            int[] predicted = net.predict(tests[k]);
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                right += predicted[i] == labels[i] ? 1 : 0;
            }
            out[k] = 100.0 * right / predicted.length;
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static double[][] permute(double[][] rows, int[] permutation) {
        double[][] out = new double[rows.length][permutation.length];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < permutation.length; i++) {
                out[r][i] = rows[r][permutation[i]];
            }
        }
        return out;
    }
}
