package org.engram.models.ca3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.engram.simulator.engine.Mode;

/**
 * Capacity and speed study: for a memory of C cues and N content bits, a random operation
 * sequence is run on the simulator and every output is judged against {@link IdealMemory}.
 *
 * <p>The sequence: every cue is learnt once with a random content, then {@code 2C} (at least 20)
 * random operations: recall by cue of a random cue (40%), recall by content (35%), re-learn of a
 * random cue with a new random content (25%). A content has k distinct random bits, k uniform in
 * [1, max(1, N/5)], so memories overlap (non-orthogonal) as soon as C·k exceeds N. Seeded: equal
 * seeds give equal sequences. A {@link Workload} sets the spacing of the operations and how many
 * bits a recall by content presents.
 */
public final class CapacityStudy {
    private CapacityStudy() {}

    /**
     * How the operations are spaced and how many bits a recall by content presents.
     *
     * @param name a short name for tables (no comma: it is a CSV field)
     * @param spacingMs the time between operation starts; 0 for the tightest original timing (7 ms
     *        after a learn, 6 ms after a recall)
     * @param maxRecallBits a recall by content presents 1 to this many distinct bits
     */
    public record Workload(String name, double spacingMs, int maxRecallBits) {
        public Workload {
            if (name == null || name.contains(",") || name.contains("\"")) {
                throw new IllegalArgumentException("workload name '" + name + "': expected no comma or quote (a CSV field)");
            }
            if (spacingMs != 0 && !(spacingMs >= Operation.GAP_AFTER_LEARN_MS)) {
                throw new IllegalArgumentException("spacing " + spacingMs + " ms; expected 0 (tightest) or at least "
                        + Operation.GAP_AFTER_LEARN_MS + " ms");
            }
            if (maxRecallBits < 1) {
                throw new IllegalArgumentException("maxRecallBits " + maxRecallBits + "; expected >= 1");
            }
        }
    }

    /** The original stress test's protocol: 14 ms between operations, one bit per recall by content. */
    public static final Workload STRESS = new Workload("14 ms / 1 bit", 14, 1);
    /** As {@link #STRESS}, with recalls by content of one or two bits. */
    public static final Workload TWO_BITS = new Workload("14 ms / 1-2 bits", 14, 2);
    /** The tightest original timing (7 ms after a learn, 6 ms after a recall), one bit per recall. */
    public static final Workload TIGHT = new Workload("7/6 ms / 1 bit", 0, 1);
    /** The three workloads of the study. */
    public static final List<Workload> WORKLOADS = List.of(STRESS, TWO_BITS, TIGHT);

    /** One row of the study: one size under one workload. */
    public record Row(int cueSize, int contSize, Workload workload, int neurons, long synapses, int operations,
            double simulatedMs, int cueRecalls, int cueRecallsCorrect, int contentRecalls, int contentRecallsCorrect,
            int learns, int learnsCorrect, double wallSeconds) {

        /** Wall seconds per simulated second. */
        public double wallPerSimulatedSecond() {
            return wallSeconds / (simulatedMs / 1000.0);
        }
    }

    /** A random operation sequence for C cues and N bits, as described in the class comment. */
    public static Schedule randomSchedule(int cueSize, int contSize, long seed, Workload w) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Operation> ops = new ArrayList<>();
        for (int c = 0; c < cueSize; c++) {
            ops.add(new Operation.Learn(c, randomBits(rng, contSize, 1 + rng.nextInt(Math.max(1, contSize / 5)))));
        }
        int extra = Math.max(20, 2 * cueSize);
        for (int k = 0; k < extra; k++) {
            double u = rng.nextDouble();
            if (u < 0.40) {
                ops.add(new Operation.RecallByCue(rng.nextInt(cueSize)));
            } else if (u < 0.75) {
                int m = Math.min(contSize, 1 + rng.nextInt(w.maxRecallBits()));
                ops.add(new Operation.RecallByContent(randomBits(rng, contSize, m)));
            } else {
                ops.add(new Operation.Learn(rng.nextInt(cueSize),
                        randomBits(rng, contSize, 1 + rng.nextInt(Math.max(1, contSize / 5)))));
            }
        }
        Schedule.Builder b = Schedule.builder(cueSize, contSize);
        double t = 0;
        for (Operation op : ops) {
            b.at(t, op);
            t += w.spacingMs() == 0 ? op.minGapMs() : w.spacingMs();
        }
        return b.build();
    }

    private static List<Integer> randomBits(SplittableRandom rng, int contSize, int k) {
        TreeSet<Integer> s = new TreeSet<>();
        while (s.size() < k) {
            s.add(rng.nextInt(contSize));
        }
        return List.copyOf(s);
    }

    /** Runs one random sequence on a C x N memory and judges every output. */
    public static Row run(int cueSize, int contSize, long seed, Workload w, Mode mode, double dtMs) {
        Schedule s = randomSchedule(cueSize, contSize, seed, w);
        Ca3Run r = Ca3Run.of(s, mode, dtMs);
        IdealMemory ideal = new IdealMemory();
        int[] all = new int[3];
        int[] ok = new int[3];
        for (OperationResult res : r.results()) {
            Operation op = res.operation().operation();
            int kind = op instanceof Operation.RecallByCue ? 0 : op instanceof Operation.RecallByContent ? 1 : 2;
            all[kind]++;
            ok[kind] += ideal.isCorrect(res) ? 1 : 0;
            ideal.apply(op);
        }
        return new Row(cueSize, contSize, w, r.network().neuronCount(), r.recording().stats().synapses(),
                s.operations().size(), s.simTimeMs(), all[0], ok[0], all[1], ok[1], all[2], ok[2], r.wallSeconds());
    }

    /** The study: every pair of sizes under every workload, after one untimed warm-up run. */
    public static List<Row> run(int[] cueSizes, int[] contSizes, List<Workload> workloads, long seed, Mode mode,
            double dtMs) {
        run(cueSizes[cueSizes.length - 1], contSizes[contSizes.length - 1], seed, workloads.get(0), mode, dtMs);
        List<Row> rows = new ArrayList<>();
        for (int c : cueSizes) {
            for (int n : contSizes) {
                for (Workload w : workloads) {
                    rows.add(run(c, n, seed, w, mode, dtMs));
                }
            }
        }
        return rows;
    }

    /** The rows as a Markdown table, one line per row. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | C | N | neurons | synapses | ops | simulated ms | recall by cue ok | recall by content ok"
                + " | learn ok | wall ms | wall s / simulated s |\n");
        sb.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.0f | %s | %s | %s | %.1f | %.4f |%n",
                    r.workload().name(), r.cueSize(), r.contSize(), r.neurons(), r.synapses(), r.operations(),
                    r.simulatedMs(), r.cueRecallsCorrect() + "/" + r.cueRecalls(),
                    r.contentRecallsCorrect() + "/" + r.contentRecalls(), r.learnsCorrect() + "/" + r.learns(),
                    r.wallSeconds() * 1000, r.wallPerSimulatedSecond()));
        }
        return sb.toString();
    }

    /** The rows as CSV with a header; a spacing of 0 is the tightest timing (7/6 ms). */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("workload,spacing_ms,max_recall_bits,cue_size,cont_size,neurons,synapses,"
                + "operations,simulated_ms,recall_by_cue,recall_by_cue_correct,recall_by_content,"
                + "recall_by_content_correct,learns,learns_correct,wall_s,wall_s_per_simulated_s\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%.6f,%.6f%n",
                    r.workload().name(), Schedule.formatMs(r.workload().spacingMs()), r.workload().maxRecallBits(),
                    r.cueSize(), r.contSize(), r.neurons(), r.synapses(), r.operations(), r.simulatedMs(),
                    r.cueRecalls(), r.cueRecallsCorrect(), r.contentRecalls(), r.contentRecallsCorrect(), r.learns(),
                    r.learnsCorrect(), r.wallSeconds(), r.wallPerSimulatedSecond()));
        }
        return sb.toString();
    }
}
