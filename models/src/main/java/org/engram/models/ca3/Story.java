package org.engram.models.ca3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells what a run of the memory did, one line per operation, in words: what was learnt (and,
 * on a re-learn, forgotten), what each recall returned, and whether that is what a perfect memory
 * ({@link IdealMemory}) answers.
 */
public final class Story {
    private Story() {}

    /** The story of a run's operations, one line each, and a closing count. */
    public static List<String> tell(List<OperationResult> results) {
        IdealMemory ideal = new IdealMemory();
        List<String> lines = new ArrayList<>();
        int judged = 0;
        int correct = 0;
        for (OperationResult r : results) {
            Operation op = r.operation().operation();
            String at = String.format("%6s ms  ", Schedule.formatMs(r.operation().startMs()));
            boolean ok = ideal.isCorrect(r);
            String verdict = ok ? "" : "   [a perfect memory gives " + ideal.expected(op) + "]";
            if (!(op instanceof Operation.Unrecognised)) {
                judged++;
                correct += ok ? 1 : 0;
            }
            String line;
            if (op instanceof Operation.Learn l) {
                List<Integer> old = ideal.recallByCue(l.cue());
                if (old.isEmpty()) {
                    line = "learn   memory " + l.cue() + " = " + Operation.format(l.bits());
                } else {
                    Set<Integer> lost = new TreeSet<>(old);
                    lost.removeAll(l.bits());
                    line = "re-learn memory " + l.cue() + " = " + Operation.format(l.bits()) + " (was "
                            + Operation.format(old) + "): forgot " + Operation.format(r.forgottenBits())
                            + (lost.equals(new TreeSet<>(r.forgottenBits())) ? "" : ", expected to forget "
                                    + Operation.format(lost));
                }
            } else if (op instanceof Operation.RecallByCue c) {
                line = "recall  memory " + c.cue() + " by its cue -> content " + Operation.format(r.recalledContent());
            } else if (op instanceof Operation.RecallByContent c) {
                line = "recall  by content " + Operation.format(c.bits()) + " -> memories "
                        + Operation.format(r.recalledCues());
            } else {
                line = op.describe() + " -> output cues " + Operation.format(r.cues()) + ", bits "
                        + Operation.format(r.bits());
            }
            lines.add(at + line + verdict);
            ideal.apply(op);
        }
        lines.add(correct + " of " + judged + " operations gave what a perfect memory gives.");
        return lines;
    }
}
