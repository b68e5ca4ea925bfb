package org.engram.models.ca3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * A sequence of operations on a memory of C cues and N content bits, with the time each starts,
 * and the run length. Converts to input spikes ({@link #toTestBench}) with the original timing:
 * a learn holds its input {@value Operation#LEARN_HOLD_MS} ms, a recall is one spike; the next
 * operation starts no earlier than {@value Operation#GAP_AFTER_LEARN_MS} ms after a learn and
 * {@value Operation#GAP_AFTER_RECALL_MS} ms after a recall. {@link #of(TestBench)} recognises the
 * operations in a bench's input spikes.
 *
 * <p>Each operation owns an output window: from {@value #MIN_LATENCY_MS} ms after its start (the
 * shortest path from input to output is 5 synaptic delays of at least 1 ms, so nothing earlier can
 * be its output; a learn's last output spike, at +7 ms, falls at the start of the next operation)
 * until {@value #RESPONSE_MS} ms after its start, or until {@value #MIN_LATENCY_MS} ms after the
 * next operation starts, whichever is first, and never past the run's end. Windows never overlap.
 */
public record Schedule(int cueSize, int contSize, List<TimedOperation> operations, double simTimeMs) {
    /** How long after its start an operation's output is read. */
    public static final int RESPONSE_MS = 10;
    /** The shortest input-to-output latency of the circuit (5 delays of at least 1 ms). */
    public static final int MIN_LATENCY_MS = 5;

    public Schedule {
        if (cueSize < 1 || contSize < 1) {
            throw new InvalidNetworkException("schedule: cueSize " + cueSize + ", contSize " + contSize
                    + "; expected at least 1 each");
        }
        operations = List.copyOf(operations);
        double previous = Double.NEGATIVE_INFINITY;
        for (TimedOperation t : operations) {
            if (!(t.startMs() > previous)) {
                throw new InvalidNetworkException("schedule: operations are not in time order at " + t.describe());
            }
            previous = t.startMs();
            for (int c : t.operation().inputCues()) {
                if (c >= cueSize) {
                    throw new InvalidNetworkException("schedule: " + t.describe() + ": cue " + c
                            + " is out of range; expected 0 <= cue < " + cueSize);
                }
            }
            for (int b : t.operation().inputBits()) {
                if (b >= contSize) {
                    throw new InvalidNetworkException("schedule: " + t.describe() + ": bit " + b
                            + " is out of range; expected 0 <= bit < " + contSize);
                }
            }
        }
        if (!operations.isEmpty()) {
            TimedOperation last = operations.get(operations.size() - 1);
            int[] offsets = last.operation().inputOffsetsMs();
            if (!(last.startMs() + offsets[offsets.length - 1] < simTimeMs)) {
                throw new InvalidNetworkException("schedule: run of " + formatMs(simTimeMs)
                        + " ms ends before the input of " + last.describe());
            }
        }
        if (!(simTimeMs > 0) || Double.isInfinite(simTimeMs)) {
            throw new InvalidNetworkException("schedule: run length " + simTimeMs + " ms; expected > 0");
        }
    }

    /** A builder that places each operation at the earliest allowed time. */
    public static Builder builder(int cueSize, int contSize) {
        return new Builder(cueSize, contSize);
    }

    /** Where the output window of operation {@code k} starts (inclusive). */
    public double windowStartMs(int k) {
        return operations.get(k).startMs() + MIN_LATENCY_MS;
    }

    /** Where the output window of operation {@code k} ends (exclusive). */
    public double windowEndMs(int k) {
        double end = Math.min(operations.get(k).startMs() + RESPONSE_MS, simTimeMs);
        if (k + 1 < operations.size()) {
            end = Math.min(end, operations.get(k + 1).startMs() + MIN_LATENCY_MS);
        }
        return end;
    }

    /** The input spikes of this schedule as a test bench. */
    public TestBench toTestBench() {
        List<List<Double>> cue = new ArrayList<>();
        List<List<Double>> cont = new ArrayList<>();
        for (int i = 0; i < cueSize; i++) {
            cue.add(new ArrayList<>());
        }
        for (int i = 0; i < contSize; i++) {
            cont.add(new ArrayList<>());
        }
        for (TimedOperation t : operations) {
            for (int off : t.operation().inputOffsetsMs()) {
                t.operation().inputCues().forEach(c -> cue.get(c).add(t.startMs() + off));
                t.operation().inputBits().forEach(b -> cont.get(b).add(t.startMs() + off));
            }
        }
        return new TestBench(simTimeMs, toArrays(cue), toArrays(cont));
    }

    private static List<double[]> toArrays(List<List<Double>> lists) {
        return lists.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    }

    /**
     * Recognises the operations in a bench's input: at each time where input starts, the cues and
     * bits spiking together form a pattern; held for {@value Operation#LEARN_HOLD_MS} consecutive ms
     * with one cue and some bits it is a learn, a single spike of one cue a recall by cue, a single
     * spike of bits only a recall by content; anything else is {@link Operation.Unrecognised}.
     */
    public static Schedule of(TestBench bench) {
        TreeMap<Double, Pattern> byTime = new TreeMap<>();
        double[][] cue = bench.cueTimes();
        double[][] cont = bench.contTimes();
        for (int i = 0; i < cue.length; i++) {
            for (double t : cue[i]) {
                byTime.computeIfAbsent(t, k -> new Pattern()).cues.add(i);
            }
        }
        for (int i = 0; i < cont.length; i++) {
            for (double t : cont[i]) {
                byTime.computeIfAbsent(t, k -> new Pattern()).bits.add(i);
            }
        }
        List<TimedOperation> ops = new ArrayList<>();
        while (!byTime.isEmpty()) {
            Map.Entry<Double, Pattern> first = byTime.firstEntry();
            double t = first.getKey();
            Pattern p = first.getValue();
            int hold = 1;
            while (hold < Operation.LEARN_HOLD_MS && p.equals(byTime.get(t + hold))) {
                hold++;
            }
            for (int k = 0; k < hold; k++) {
                byTime.remove(t + k);
            }
            Operation op;
            if (hold == Operation.LEARN_HOLD_MS && p.cues.size() == 1 && !p.bits.isEmpty()) {
                op = new Operation.Learn(p.cues.first(), List.copyOf(p.bits));
            } else if (hold == 1 && p.cues.size() == 1 && p.bits.isEmpty()) {
                op = new Operation.RecallByCue(p.cues.first());
            } else if (hold == 1 && p.cues.isEmpty()) {
                op = new Operation.RecallByContent(List.copyOf(p.bits));
            } else {
                op = new Operation.Unrecognised(List.copyOf(p.cues), List.copyOf(p.bits), hold);
            }
            ops.add(new TimedOperation(t, op));
        }
        return new Schedule(bench.cueSize(), bench.contSize(), ops, bench.simTimeMs());
    }

    /** The cues and bits spiking at one time. */
    private static final class Pattern {
        final TreeSet<Integer> cues = new TreeSet<>();
        final TreeSet<Integer> bits = new TreeSet<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern p && p.cues.equals(cues) && p.bits.equals(bits);
        }

        @Override
        public int hashCode() {
            return cues.hashCode() * 31 + bits.hashCode();
        }
    }

    static String formatMs(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }

    /** Places operations one after another, each at the earliest time the original timing allows. */
    public static final class Builder {
        private final int cueSize;
        private final int contSize;
        private final List<TimedOperation> ops = new ArrayList<>();
        private double next = 0;
        private double tailMs = RESPONSE_MS;

        private Builder(int cueSize, int contSize) {
            this.cueSize = cueSize;
            this.contSize = contSize;
        }

        /** Adds an operation at the earliest allowed time. */
        public Builder add(Operation op) {
            return at(next, op);
        }

        /** Adds an operation at {@code startMs}, which must respect the gap after the previous one. */
        public Builder at(double startMs, Operation op) {
            if (startMs < next) {
                throw new InvalidNetworkException("schedule: " + op.describe() + " at " + formatMs(startMs)
                        + " ms is too early; expected >= " + formatMs(next) + " ms ("
                        + Operation.GAP_AFTER_LEARN_MS + " ms after a learn, " + Operation.GAP_AFTER_RECALL_MS
                        + " ms after a recall)");
            }
            ops.add(new TimedOperation(startMs, op));
            next = startMs + op.minGapMs();
            return this;
        }

        /** Adds {@code ms} of idle time before the next operation. */
        public Builder pause(double ms) {
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new InvalidNetworkException("schedule: pause of " + ms + " ms; expected a finite time >= 0");
            }
            next += ms;
            return this;
        }

        public Builder learn(int cue, Collection<Integer> bits) {
            return add(new Operation.Learn(cue, List.copyOf(bits)));
        }

        public Builder learn(int cue, int... bits) {
            return learn(cue, Arrays.stream(bits).boxed().toList());
        }

        public Builder recallByCue(int cue) {
            return add(new Operation.RecallByCue(cue));
        }

        public Builder recallByContent(Collection<Integer> bits) {
            return add(new Operation.RecallByContent(List.copyOf(bits)));
        }

        public Builder recallByContent(int... bits) {
            return recallByContent(Arrays.stream(bits).boxed().toList());
        }

        /** How long the run goes on after the last operation starts (default {@value #RESPONSE_MS} ms). */
        public Builder tailMs(double ms) {
            tailMs = ms;
            return this;
        }

        /** The start of the latest operation added, or 0 before the first. */
        public double lastStartMs() {
            return ops.isEmpty() ? 0 : ops.get(ops.size() - 1).startMs();
        }

        /** The time the next operation would start at. */
        public double nextStartMs() {
            return next;
        }

        public Schedule build() {
            double end = ops.isEmpty() ? tailMs : ops.get(ops.size() - 1).startMs() + tailMs;
            return new Schedule(cueSize, contSize, ops, end);
        }
    }
}
