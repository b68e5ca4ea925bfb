package org.engram.models.ca3;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the output population did during one operation's window: the spikes of {@code OUT_cue} and
 * {@code OUT_cont} (neuron, time), and their reading for the operation.
 *
 * <ul>
 *   <li>recall by cue: {@link #recalledContent()} is the set of content bits that fired (the
 *       stored content, at +6 ms on the 1 ms grid);</li>
 *   <li>recall by content: {@link #recalledCues()} is the set of cues that fired (at +6 ms);</li>
 *   <li>learn: the cue and new content fire at +5 and +7 ms; on a re-learn, the bits of the old
 *       content that are not in the new one fire once more at +6 ms as they are erased:
 *       {@link #forgottenBits()}.</li>
 * </ul>
 *
 * @param operation the operation and its start
 * @param windowStartMs start of the output window (inclusive)
 * @param windowEndMs end of the output window (exclusive)
 * @param cueSpikes spikes of OUT_cue in the window, by time then neuron
 * @param contSpikes spikes of OUT_cont in the window, by time then neuron
 */
public record OperationResult(TimedOperation operation, double windowStartMs, double windowEndMs,
        List<OutputSpike> cueSpikes, List<OutputSpike> contSpikes) {

    /** One output spike: the neuron (within its half) and the time in ms. */
    public record OutputSpike(int neuron, double timeMs) {}

    public OperationResult {
        cueSpikes = List.copyOf(cueSpikes);
        contSpikes = List.copyOf(contSpikes);
    }

    /** Every cue neuron that fired at the output, sorted. */
    public List<Integer> cues() {
        return distinct(cueSpikes);
    }

    /** Every content neuron that fired at the output, sorted. */
    public List<Integer> bits() {
        return distinct(contSpikes);
    }

    private static List<Integer> distinct(List<OutputSpike> spikes) {
        return List.copyOf(spikes.stream().map(OutputSpike::neuron).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** For a recall by cue: the content returned (the content bits that fired). */
    public List<Integer> recalledContent() {
        return bits();
    }

    /** For a recall by content: the memories returned (the cue neurons that fired). */
    public List<Integer> recalledCues() {
        return cues();
    }

    /**
     * For a learn: the output bits that are not part of the new content, i.e. the old content
     * being erased (empty for a first learn). For other operations, empty.
     */
    public List<Integer> forgottenBits() {
        if (!(operation.operation() instanceof Operation.Learn l)) {
            return List.of();
        }
        Set<Integer> s = new TreeSet<>(bits());
        s.removeAll(l.bits());
        return List.copyOf(s);
    }

    /** The output spikes with times relative to the start: {@code cue 0 @+5, bit 1 @+6}. */
    public String describeSpikes() {
        double t0 = operation.startMs();
        String cue = cueSpikes.stream().map(s -> "cue " + s.neuron() + " @+" + Schedule.formatMs(s.timeMs() - t0))
                .collect(Collectors.joining(", "));
        String cont = contSpikes.stream().map(s -> "bit " + s.neuron() + " @+" + Schedule.formatMs(s.timeMs() - t0))
                .collect(Collectors.joining(", "));
        return cue.isEmpty() && cont.isEmpty() ? "(no output)" : cue.isEmpty() ? cont : cont.isEmpty() ? cue
                : cue + "; " + cont;
    }

    /** One line: the operation and what the output returned. */
    public String describe() {
        Operation op = operation.operation();
        String what;
        if (op instanceof Operation.Learn) {
            what = "output cues " + Operation.format(cues()) + ", bits " + Operation.format(bits())
                    + (forgottenBits().isEmpty() ? "" : ", forgotten " + Operation.format(forgottenBits()));
        } else if (op instanceof Operation.RecallByCue) {
            what = "-> content " + Operation.format(recalledContent());
        } else if (op instanceof Operation.RecallByContent) {
            what = "-> cues " + Operation.format(recalledCues());
        } else {
            what = "output cues " + Operation.format(cues()) + ", bits " + Operation.format(bits());
        }
        return operation.describe() + " " + what;
    }
}
