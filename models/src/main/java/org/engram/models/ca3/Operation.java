package org.engram.models.ca3;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * One operation on the memory, as the input spikes encode it. Cues are one-hot (one memory per
 * cue neuron); contents are sets of bit indices, sorted and distinct.
 *
 * <ul>
 *   <li>{@link Learn}: the cue and the content bits spike for {@value #LEARN_HOLD_MS} consecutive
 *       ms; learning again on a used cue replaces (forgets) its old content.</li>
 *   <li>{@link RecallByCue}: one spike on the cue; the output gives the cue at +5 ms and its stored
 *       content at +6 ms.</li>
 *   <li>{@link RecallByContent}: one spike on some content bits; the output echoes the bits at +5
 *       ms and gives every memory holding at least one of them at +6 ms.</li>
 *   <li>{@link Unrecognised}: an input pattern of a bench that is none of the three.</li>
 * </ul>
 */
public sealed interface Operation permits Operation.Learn, Operation.RecallByCue, Operation.RecallByContent,
        Operation.Unrecognised {

    /** How long a learn holds its input. */
    int LEARN_HOLD_MS = 3;
    /** The earliest the next operation may start after a learn. */
    int GAP_AFTER_LEARN_MS = 7;
    /** The earliest the next operation may start after a recall. */
    int GAP_AFTER_RECALL_MS = 6;

    /** The earliest the next operation may start after this one, in ms. */
    int minGapMs();

    /** The offsets (ms from the start) at which the input spikes. */
    int[] inputOffsetsMs();

    /** The cue neurons that spike. */
    List<Integer> inputCues();

    /** The content neurons that spike. */
    List<Integer> inputBits();

    /** A short description, e.g. {@code learn cue 0 = {0, 1, 8, 9}}. */
    String describe();

    /** Learns (or re-learns) memory {@code cue} with content {@code bits}. */
    record Learn(int cue, List<Integer> bits) implements Operation {
        public Learn {
            requireIndex("cue", cue);
            bits = sortedBits("learn", bits);
        }

        @Override
        public int minGapMs() {
            return GAP_AFTER_LEARN_MS;
        }

        @Override
        public int[] inputOffsetsMs() {
            return new int[] {0, 1, 2};
        }

        @Override
        public List<Integer> inputCues() {
            return List.of(cue);
        }

        @Override
        public List<Integer> inputBits() {
            return bits;
        }

        @Override
        public String describe() {
            return "learn cue " + cue + " = " + format(bits);
        }
    }

    /** Recalls the content stored under {@code cue}. */
    record RecallByCue(int cue) implements Operation {
        public RecallByCue {
            requireIndex("cue", cue);
        }

        @Override
        public int minGapMs() {
            return GAP_AFTER_RECALL_MS;
        }

        @Override
        public int[] inputOffsetsMs() {
            return new int[] {0};
        }

        @Override
        public List<Integer> inputCues() {
            return List.of(cue);
        }

        @Override
        public List<Integer> inputBits() {
            return List.of();
        }

        @Override
        public String describe() {
            return "recall by cue " + cue;
        }
    }

    /** Recalls every memory whose content holds at least one of {@code bits}. */
    record RecallByContent(List<Integer> bits) implements Operation {
        public RecallByContent {
            bits = sortedBits("recall by content", bits);
        }

        @Override
        public int minGapMs() {
            return GAP_AFTER_RECALL_MS;
        }

        @Override
        public int[] inputOffsetsMs() {
            return new int[] {0};
        }

        @Override
        public List<Integer> inputCues() {
            return List.of();
        }

        @Override
        public List<Integer> inputBits() {
            return bits;
        }

        @Override
        public String describe() {
            return "recall by content " + format(bits);
        }
    }

    /** Input of a bench that is no operation above: these cues and bits, held for {@code holdMs}. */
    record Unrecognised(List<Integer> cues, List<Integer> bits, int holdMs) implements Operation {
        public Unrecognised {
            cues = List.copyOf(new TreeSet<>(cues));
            bits = List.copyOf(new TreeSet<>(bits));
        }

        @Override
        public int minGapMs() {
            return GAP_AFTER_LEARN_MS;
        }

        @Override
        public int[] inputOffsetsMs() {
            int[] o = new int[holdMs];
            java.util.Arrays.setAll(o, k -> k);
            return o;
        }

        @Override
        public List<Integer> inputCues() {
            return cues;
        }

        @Override
        public List<Integer> inputBits() {
            return bits;
        }

        @Override
        public String describe() {
            return "unrecognised input: cues " + format(cues) + ", bits " + format(bits) + " for " + holdMs + " ms";
        }
    }

    /** Writes a set of indices as {@code {0, 1, 8}}. */
    static String format(Collection<Integer> indices) {
        return indices.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static void requireIndex(String what, int i) {
        if (i < 0) {
            throw new InvalidNetworkException(what + " " + i + " is negative; expected an index >= 0");
        }
    }

    private static List<Integer> sortedBits(String op, Collection<Integer> bits) {
        if (bits == null || bits.isEmpty()) {
            throw new InvalidNetworkException(op + ": needs at least one content bit");
        }
        TreeSet<Integer> s = new TreeSet<>();
        for (Integer b : bits) {
            if (b == null || b < 0) {
                throw new InvalidNetworkException(op + ": content bit " + b + " is not an index >= 0");
            }
            s.add(b);
        }
        return List.copyOf(s);
    }
}
