package org.engram.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.engram.models.data.Mnist;
import org.engram.models.hlop.Digits;
import org.engram.models.hlop.InvalidHlopException;
import org.engram.models.hlop.NetworkExport;
import org.engram.models.hlop.PermutedTasks;
import org.engram.models.hlop.PermutedTasks.Method;
import org.engram.models.hlop.SpikingMlp;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.Recording;
import org.engram.viz.study.TaskAccuracyPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram hlop pmnist}: permuted-digit continual learning with HLOP, sequential fine-tuning
 * and joint training; prints each method's accuracy matrix, ACC and BWT, and on request plots
 * every task's accuracy during training.
 */
@Command(name = "hlop", mixinStandardHelpOptions = true,
        description = "HLOP continual learning experiments.", subcommands = HlopCommand.Pmnist.class)
final class HlopCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The defaults are the configuration of the measured figures (models README): 10 tasks of the
     * 10,000 bundled digits, 8,000 to train and 2,000 to test.
     */
    @Command(name = "pmnist", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Permuted MNIST: tasks one after another, shared 10-way output; prints R, ACC and BWT.")
    static final class Pmnist implements Callable<Integer> {
        static final String PLOT = "accuracy";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR",
                description = "directory with MNIST IDX files (*images-idx3-ubyte[.gz] and *labels-idx1-ubyte[.gz]); "
                        + "default: the 10,000 bundled digits")
        Path data;

        @Option(names = "--tasks", paramLabel = "K", defaultValue = "10", description = "number of tasks (default: ${DEFAULT-VALUE})")
        int tasks;

        @Option(names = "--hidden", paramLabel = "H1,H2", split = ",", defaultValue = "256,256",
                description = "hidden layer widths (default: ${DEFAULT-VALUE})")
        int[] hidden;

        @Option(names = "--epochs", paramLabel = "E", defaultValue = "3", description = "epochs per task (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--timesteps", paramLabel = "T", defaultValue = "8", description = "LIF steps per digit (default: ${DEFAULT-VALUE})")
        int timesteps;

        @Option(names = "--method", defaultValue = "all", description = "hlop, baseline, multitask or all (default: ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--train", paramLabel = "N", defaultValue = "8000",
                description = "training digits, the first N of the data (default: ${DEFAULT-VALUE})")
        int train;

        @Option(names = "--test", paramLabel = "M", defaultValue = "2000",
                description = "test digits, the M after the training ones (default: ${DEFAULT-VALUE})")
        int test;

        @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.1", description = "SGD step size (default: ${DEFAULT-VALUE})")
        double learningRate;

        @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "digits per SGD step (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--subspace", paramLabel = "I0,I1,I2", split = ",", defaultValue = "78,64,32",
                description = "HLOP: subspace neurons of each layer's circuit (input layer first) during the first task; "
                        + "the last value stands for any further layers (default: ${DEFAULT-VALUE})")
        int[] initial;

        @Option(names = "--growth", paramLabel = "G0,G1,G2", split = ",", defaultValue = "50,20,20",
                description = "HLOP: neurons each circuit adds at every later task (default: ${DEFAULT-VALUE})")
        int[] growth;

        @Option(names = "--hebbian-lr", paramLabel = "R0,R1,R2", split = ",", defaultValue = "0.05,0.05,0.05",
                description = "HLOP: Hebbian learning rate of each circuit (default: ${DEFAULT-VALUE})")
        double[] hebbianRates;

        @Option(names = "--hebbian-iterations", paramLabel = "N0,N1,N2", split = ",", defaultValue = "5,5,5",
                description = "HLOP: Hebbian iterations per batch of each circuit (default: ${DEFAULT-VALUE})")
        int[] hebbianIterations;

        @Option(names = "--seed", defaultValue = "2022", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "print the results as JSON: one object per method (an array of them with all)")
        boolean json;

        @Option(names = "--out", paramLabel = "DIR",
                description = "write " + PLOT + ".png and " + PLOT + ".svg: every task's accuracy after each epoch "
                        + "(HLOP beside the baseline with all; scoring every epoch costs extra time)")
        Path out;

        @Option(names = "--save-network", paramLabel = "NET.json",
                description = "write the trained network (the first method's: HLOP with all) as a network file that "
                        + "shows it test digits one after another, run that file on the grid and report its accuracy "
                        + "beside the trained network's; run it yourself with: engram run NET.json --mode grid --dt 1")
        Path saveNetwork;

        @Option(names = "--save-digits", paramLabel = "N", defaultValue = "200",
                description = "test digits of each learnt task that the saved network shows (default: ${DEFAULT-VALUE})")
        int saveDigits;

        @Option(names = "--quiet", description = "no progress bar (it also stays off when the output is not a terminal)")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            List<Method> methods = methods(method);
            int layers = hidden.length + 1;
            PermutedTasks setup = new PermutedTasks(tasks, hidden, epochs, timesteps, batch, learningRate,
                    new PermutedTasks.Lateral(perLayer("--subspace", initial, layers), perLayer("--growth", growth, layers),
                            perLayer("--hebbian-lr", hebbianRates, layers),
                            perLayer("--hebbian-iterations", hebbianIterations, layers)), seed);
            if (out != null) {
                RunOutput.check(out);
                if (methods.stream().noneMatch(m -> m != Method.MULTITASK)) {
                    throw new ParameterException(spec.commandLine(), "--out with --method multitask: joint training has "
                            + "no curve over tasks; expected --method hlop, baseline or all");
                }
            }
            if (saveNetwork != null) {
                checkNetworkFile(saveNetwork);
                if (saveDigits < 1 || saveDigits > test) {
                    throw new ParameterException(spec.commandLine(), "--save-digits " + saveDigits
                            + ": expected 1 to the " + test + " test digits (--test)");
                }
            }
            if (train < 1 || test < 1) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " --test " + test
                        + ": expected at least 1 digit each");
            }
            Mnist digits = data == null ? Mnist.bundled() : Mnist.read(data);
            if ((long) train + test > digits.count()) {
                throw new ParameterException(spec.commandLine(), "--train " + train + " plus --test " + test
                        + " is more than the " + digits.count() + " digits in " + (data == null ? "the bundled set" : data));
            }
            Digits trainDigits = digits(digits, 0, train);
            Digits testDigits = digits(digits, train, test);
            List<PermutedTasks.Result> results = new ArrayList<>();
            SavedCheck savedCheck = null;
            for (Method m : methods) {
                long wall = System.nanoTime();
                long cpu = processCpuNanos();
                PermutedTasks.Trained trained;
                try (TaskBars bars = new TaskBars(tasks, quiet)) {
                    trained = setup.train(m, trainDigits, testDigits, out != null && m != Method.MULTITASK, bars);
                }
                PermutedTasks.Result r = trained.result();
                results.add(r);
                String text = text(r, (System.nanoTime() - wall) / 1e9, (processCpuNanos() - cpu) / 1e9);
                if (saveNetwork != null && m == methods.get(0)) {
                    savedCheck = SavedCheck.of(trained, testDigits, saveDigits, m == Method.MULTITASK ? tasks
                            : r.matrix().length, saveNetwork);
                    text += System.lineSeparator() + savedCheck.text();
                }
                if (!json) {
                    System.out.println(text);
                }
            }
            if (json) {
                ArrayNode objects = JSON.createArrayNode();
                for (PermutedTasks.Result r : results) {
                    objects.add(json(r, r == results.get(0) ? savedCheck : null));
                }
                System.out.println(JSON.writeValueAsString(objects.size() == 1 ? objects.get(0) : objects));
            }
            if (out != null) {
                List<TaskAccuracyPlot.Curves> curves = results.stream().filter(r -> r.curves() != null)
                        .map(r -> new TaskAccuracyPlot.Curves(label(r.method()), r.curves().progress(), r.curves().accuracy()))
                        .toList();
                String title = "Permuted digits: " + tasks + " tasks, " + train + " training digits each";
                for (String ext : new String[] {"png", "svg"}) {
                    Path written = TaskAccuracyPlot.write(curves, title, out.resolve(PLOT + "." + ext));
                    if (!json) {
                        System.out.println("wrote " + written);
                    }
                }
            }
            return 0;
        }

        /** One value per weight layer: the last value given stands for the layers after it. */
        private int[] perLayer(String option, int[] values, int layers) {
            return java.util.Arrays.stream(perLayer(option, java.util.Arrays.stream(values).asDoubleStream().toArray(),
                    layers)).mapToInt(v -> (int) v).toArray();
        }

        private double[] perLayer(String option, double[] values, int layers) {
            if (values.length > layers) {
                throw new ParameterException(spec.commandLine(), option + ": " + values.length + " values for "
                        + layers + " weight layers (the input and " + (layers - 1) + " hidden); expected at most one per layer");
            }
            double[] out = java.util.Arrays.copyOf(values, layers);
            java.util.Arrays.fill(out, values.length, layers, values[values.length - 1]);
            return out;
        }

        /** A file that can be written: not a directory, in a directory that exists or can be made. */
        private void checkNetworkFile(Path file) {
            if (Files.isDirectory(file)) {
                throw new ParameterException(spec.commandLine(), "--save-network " + file + ": a directory is in the way; "
                        + "expected a file name");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                RunOutput.check(parent);
            }
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

        private static String label(Method m) {
            return m == Method.HLOP ? "HLOP" : m.name().toLowerCase(Locale.ROOT);
        }

        private static Digits digits(Mnist digits, int from, int count) {
            double[][] pixels = new double[count][];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int[] p = digits.pixels(from + i);
                pixels[i] = new double[p.length];
                for (int j = 0; j < p.length; j++) {
                    pixels[i][j] = p[j] / 255.0;
                }
                labels[i] = digits.label(from + i);
            }
            return new Digits(pixels, labels);
        }

        /** CPU time of the whole process (every thread, the JIT's and the collector's included). */
        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static String text(PermutedTasks.Result r, double seconds, double cpuSeconds) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s (%.1f s, %.1f s of CPU)%n",
                    r.method().name().toLowerCase(Locale.ROOT), seconds, cpuSeconds));
            double[][] m = r.matrix();
            for (int j = 0; j < m.length; j++) {
                b.append(m.length == 1 ? "  after all tasks:" : String.format(Locale.ROOT, "  after task %2d:", j));
                for (double v : m[j]) {
                    b.append(Double.isNaN(v) ? "      -" : String.format(Locale.ROOT, " %6.2f", v));
                }
                b.append(System.lineSeparator());
            }
            b.append(String.format(Locale.ROOT, "  ACC %.2f  BWT %s", r.acc(),
                    Double.isNaN(r.bwt()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.bwt())));
            return b.toString();
        }

        private static ObjectNode json(PermutedTasks.Result r, SavedCheck saved) {
            ObjectNode o = JSON.createObjectNode();
            o.put("method", r.method().name().toLowerCase(Locale.ROOT));
            o.put("acc", r.acc());
            number(o, "bwt", r.bwt());
            ArrayNode matrix = o.putArray("matrix");
            for (double[] row : r.matrix()) {
                ArrayNode a = matrix.addArray();
                for (double v : row) {
                    if (Double.isNaN(v)) {
                        a.addNull();   // a task not scored
                    } else {
                        a.add(v);
                    }
                }
            }
            if (saved != null) {
                ObjectNode n = o.putObject("saved_network");
                n.put("file", saved.file().toString());
                n.put("digits", saved.digits());
                n.put("trained_accuracy", saved.trainedPercent());
                n.put("simulated_accuracy", saved.simulatedPercent());
                n.put("same_class", saved.sameClass());
            }
            return o;
        }

        /** A JSON number, or null for NaN (a BWT with one row). */
        private static void number(ObjectNode o, String name, double v) {
            if (Double.isNaN(v)) {
                o.putNull(name);
            } else {
                o.put(name, v);
            }
        }
    }

    /**
     * The trained network saved as a network file that shows it the first test digits of each
     * learnt task, and that file, read back and run on the grid, scored beside the trained network.
     */
    record SavedCheck(Path file, int digits, int tasks, double trainedPercent, double simulatedPercent, int sameClass,
            double seconds) {

        static SavedCheck of(PermutedTasks.Trained trained, Digits test, int perTask, int tasks, Path file)
                throws IOException {
            SpikingMlp net = trained.network();
            List<double[]> rows = new ArrayList<>();
            int[] labels = new int[tasks * perTask];
            for (int k = 0; k < tasks; k++) {
                rows.addAll(List.of(trained.taskRows(test, k, perTask)));
                System.arraycopy(test.labels(), 0, labels, k * perTask, perTask);
            }
            double[][] shown = rows.toArray(new double[0][]);
            Ca3Command.writeAtomically(file, NetworkJson.write(NetworkExport.of(net, shown)));
            long start = System.nanoTime();
            Network saved = NetworkJson.read(file);
            Recording recording = Simulator.run(saved, Mode.grid, NetworkExport.STEP_MS, saved.runMs());
            int[] simulated = NetworkExport.decode(saved, recording);
            int[] predicted = net.predict(shown);
            int same = 0;
            int trainedRight = 0;
            int simulatedRight = 0;
            for (int i = 0; i < shown.length; i++) {
                same += simulated[i] == predicted[i] ? 1 : 0;
                trainedRight += predicted[i] == labels[i] ? 1 : 0;
                simulatedRight += simulated[i] == labels[i] ? 1 : 0;
            }
            return new SavedCheck(file, shown.length, tasks, 100.0 * trainedRight / shown.length,
                    100.0 * simulatedRight / shown.length, same, (System.nanoTime() - start) / 1e9);
        }

        String text() {
            return String.format(Locale.ROOT, "  saved %s: %d test digits (the first %d of each of %d tasks); run it with "
                    + "engram run %s --mode grid --dt %s --out DIR%n  read back and run on the grid (%.1f s): %.2f %% right, "
                    + "the trained network %.2f %% on the same digits; the same class for %d of %d", file, digits,
                    digits / tasks, tasks, file, java.math.BigDecimal.valueOf(NetworkExport.STEP_MS).stripTrailingZeros().toPlainString(), seconds, simulatedPercent, trainedPercent, sameClass,
                    digits);
        }
    }

    /** One progress bar per task, with the epoch's running loss and accuracy. */
    private static final class TaskBars implements PermutedTasks.Listener, AutoCloseable {
        private final int tasks;
        private final boolean quiet;
        private Progress bar;
        private int task = Integer.MIN_VALUE;

        TaskBars(int tasks, boolean quiet) {
            this.tasks = tasks;
            this.quiet = quiet;
        }

        @Override
        public void step(PermutedTasks.Step s) {
            if (bar == null || s.task() != task) {
                close();
                task = s.task();
                String name = s.method().name().toLowerCase(Locale.ROOT)
                        + (task < 0 ? ", all tasks" : " task " + (task + 1) + "/" + tasks);
                bar = Progress.start(name, s.total(), " digits", quiet);
            }
            bar.stepTo(s.done());
            bar.message(String.format(Locale.ROOT, "epoch %d loss %.3f acc %.1f%%", s.epoch() + 1, s.meanLoss(), s.accuracy()));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
