package org.engram.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.engram.models.data.Mnist;
import org.engram.models.hlop.InvalidHlopException;
import org.engram.models.hlop.PermutedTasks;
import org.engram.models.hlop.PermutedTasks.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engram hlop pmnist}: permuted-digit continual learning with HLOP, sequential fine-tuning
 * and joint training on the bundled digits; prints each method's accuracy matrix, ACC and BWT.
 */
@Command(name = "hlop", mixinStandardHelpOptions = true,
        description = "HLOP continual learning experiments.", subcommands = HlopCommand.Pmnist.class)
final class HlopCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "pmnist", mixinStandardHelpOptions = true,
            description = "Permuted MNIST: tasks one after another, shared 10-way output; prints R, ACC and BWT.")
    static final class Pmnist implements Callable<Integer> {
        @Option(names = "--tasks", paramLabel = "K", defaultValue = "3", description = "number of tasks (default: ${DEFAULT-VALUE})")
        int tasks;

        @Option(names = "--hidden", paramLabel = "H1,H2", split = ",", defaultValue = "256,256",
                description = "hidden layer widths (default: ${DEFAULT-VALUE})")
        int[] hidden;

        @Option(names = "--epochs", paramLabel = "E", defaultValue = "5", description = "epochs per task (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--timesteps", paramLabel = "T", defaultValue = "8", description = "LIF steps per digit (default: ${DEFAULT-VALUE})")
        int timesteps;

        @Option(names = "--method", defaultValue = "all", description = "hlop, baseline, multitask or all (default: ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--train", paramLabel = "N", defaultValue = "3000", description = "training digits per task (default: ${DEFAULT-VALUE})")
        int train;

        @Option(names = "--test", paramLabel = "M", defaultValue = "1000", description = "test digits per task, after the training ones (default: ${DEFAULT-VALUE})")
        int test;

        @Option(names = "--seed", defaultValue = "2022", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "one JSON object per method")
        boolean json;

        @Override
        public Integer call() {
            List<Method> methods = methods(method);
            PermutedTasks setup = new PermutedTasks(tasks, hidden, epochs, timesteps, PermutedTasks.BATCH,
                    PermutedTasks.LEARNING_RATE, seed);
            Mnist digits = Mnist.bundled();
            if (train < 1 || test < 1 || (long) train + test > digits.count()) {
                throw new InvalidHlopException("hlop pmnist", "--train + --test", train + " + " + test,
                        "each at least 1 and together at most the " + digits.count() + " bundled digits");
            }
            double[][] trainX = pixels(digits, 0, train);
            int[] trainY = labels(digits, 0, train);
            double[][] testX = pixels(digits, train, test);
            int[] testY = labels(digits, train, test);
            for (Method m : methods) {
                long start = System.nanoTime();
                PermutedTasks.Result r = setup.run(m, trainX, trainY, testX, testY);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println(json ? json(r) : text(r, seconds));
            }
            return 0;
        }

        private static List<Method> methods(String name) {
            List<Method> out = new ArrayList<>();
            for (Method m : Method.values()) {
                if (name.equals("all") || name.equals(m.name().toLowerCase(Locale.ROOT))) {
                    out.add(m);
                }
            }
            if (out.isEmpty()) {
                throw new InvalidHlopException("hlop pmnist", "--method", name, "hlop, baseline, multitask or all");
            }
            return out;
        }

        private static double[][] pixels(Mnist digits, int from, int count) {
            double[][] out = new double[count][];
            for (int i = 0; i < count; i++) {
                int[] p = digits.pixels(from + i);
                out[i] = new double[p.length];
                for (int j = 0; j < p.length; j++) {
                    out[i][j] = p[j] / 255.0;
                }
            }
            return out;
        }

        private static int[] labels(Mnist digits, int from, int count) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = digits.label(from + i);
            }
            return out;
        }

        private static String text(PermutedTasks.Result r, double seconds) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s (%.1f s)%n", r.method().name().toLowerCase(Locale.ROOT), seconds));
            double[][] m = r.matrix();
            for (int j = 0; j < m.length; j++) {
                b.append(m.length == 1 ? "  after all tasks:" : "  after task " + j + ":");
                for (double v : m[j]) {
                    b.append(String.format(Locale.ROOT, " %6.2f", v));
                }
                b.append(System.lineSeparator());
            }
            b.append(String.format(Locale.ROOT, "  ACC %.2f  BWT %s", r.acc(),
                    Double.isNaN(r.bwt()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.bwt())));
            return b.toString();
        }

        private static String json(PermutedTasks.Result r) {
            StringBuilder b = new StringBuilder("{\"method\":\"" + r.method().name().toLowerCase(Locale.ROOT) + "\"");
            b.append(",\"acc\":").append(r.acc());
            b.append(",\"bwt\":").append(Double.isNaN(r.bwt()) ? "null" : Double.toString(r.bwt()));
            b.append(",\"matrix\":[");
            double[][] m = r.matrix();
            for (int j = 0; j < m.length; j++) {
                b.append(j > 0 ? "," : "").append('[');
                for (int i = 0; i < m[j].length; i++) {
                    b.append(i > 0 ? "," : "").append(m[j][i]);
                }
                b.append(']');
            }
            return b.append("]}").toString();
        }
    }
}
