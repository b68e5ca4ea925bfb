package org.engram.models.ca3;

import org.engram.simulator.error.InvalidNetworkException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.engram.simulator.engine.Mode;

/**
 * The CA3 memory as a user calls it: {@link #learn}, {@link #recallByCue}, {@link #recallByContent};
 * forgetting is re-learning a cue. Each call schedules the operation as input spikes with the
 * original timing (a learn holds its input 3 ms; by default the operation starts at the earliest
 * time allowed after the previous one: 7 ms after a learn, 6 ms after a recall), runs the memory
 * on the simulator and returns the decoded output.
 *
 * <p>Spacing matters when contents overlap: a learn depresses the content-to-cue synapses of every
 * memory that shares one of its bits and fired in the last few ms (pair rule, tau_minus 3 ms), so
 * at the tightest timing a memory learnt 7 ms before an overlapping one loses those bits' way back
 * to its cue (about 6 - 2.4 - 1.2 = 2.4 nA left, below the 3.36 nA that fires CueCont). With
 * {@code spacingMs} 14, the original stress test's spacing, the loss is below 0.1 nA.
 *
 * <pre>{@code
 * Ca3Memory m = new Ca3Memory(5, 10);
 * m.learn(0, 0, 1, 8, 9);
 * m.recallByCue(0).recalledContent();   // [0, 1, 8, 9]
 * m.recallByContent(8).recalledCues();  // [0]
 * }</pre>
 *
 * <p>A network of the simulator is an immutable description that holds its input spikes, so each
 * call rebuilds the memory with every operation so far and simulates it from 0 ms to the end of
 * the new operation's output window; earlier outputs are unaffected, since a later input reaches
 * the output no earlier than 5 ms after it starts, after the earlier windows close. A call costs
 * the whole history: for long sequences, build a {@link Schedule} and run it once with
 * {@link Ca3Run#of(Schedule, Mode, double)}, which gives the same outputs.
 */
public final class Ca3Memory {
    private final int cueSize;
    private final int contSize;
    private final Mode mode;
    private final double dtMs;
    private final double spacingMs;
    private Schedule schedule;
    private Ca3Run last;

    /** A memory of {@code cueSize} cues and {@code contSize} content bits, on the 1 ms grid, at the tightest timing. */
    public Ca3Memory(int cueSize, int contSize) {
        this(cueSize, contSize, Mode.grid, Ca3Run.HARDWARE_DT_MS);
    }

    /** A memory on the 1 ms grid whose operations start every {@code spacingMs} (0: the tightest timing). */
    public Ca3Memory(int cueSize, int contSize, double spacingMs) {
        this(cueSize, contSize, spacingMs, Mode.grid, Ca3Run.HARDWARE_DT_MS);
    }

    /** A memory on the 1 ms grid at the tightest original timing. */
    public Ca3Memory(int cueSize, int contSize, Mode mode, double dtMs) {
        this(cueSize, contSize, 0, mode, dtMs);
    }

    /**
     * A memory run in the given mode ({@code dtMs} is the grid step; ignored in event mode) whose
     * operations start every {@code spacingMs}, or at the tightest original timing when it is 0.
     */
    public Ca3Memory(int cueSize, int contSize, double spacingMs, Mode mode, double dtMs) {
        Ca3Network.builder(cueSize, contSize); // validates the sizes
        if (spacingMs != 0 && !(spacingMs >= Operation.GAP_AFTER_LEARN_MS && Double.isFinite(spacingMs))) {
            throw new InvalidNetworkException("CA3 memory: spacing " + spacingMs
                    + " ms; expected 0 (the tightest timing) or at least " + Operation.GAP_AFTER_LEARN_MS + " ms");
        }
        this.cueSize = cueSize;
        this.contSize = contSize;
        this.spacingMs = spacingMs;
        this.mode = mode;
        this.dtMs = dtMs;
        this.schedule = Schedule.builder(cueSize, contSize).build();
    }

    /** Learns {@code bits} under {@code cue}; on a used cue, the old content is forgotten. */
    public OperationResult learn(int cue, int... bits) {
        return learn(cue, Arrays.stream(bits).boxed().toList());
    }

    /** Learns {@code bits} under {@code cue}; on a used cue, the old content is forgotten. */
    public OperationResult learn(int cue, Collection<Integer> bits) {
        return perform(new Operation.Learn(cue, List.copyOf(bits)));
    }

    /** Recalls the content stored under {@code cue}: see {@link OperationResult#recalledContent()}. */
    public OperationResult recallByCue(int cue) {
        return perform(new Operation.RecallByCue(cue));
    }

    /** Recalls every memory holding one of {@code bits}: see {@link OperationResult#recalledCues()}. */
    public OperationResult recallByContent(int... bits) {
        return recallByContent(Arrays.stream(bits).boxed().toList());
    }

    /** Recalls every memory holding one of {@code bits}: see {@link OperationResult#recalledCues()}. */
    public OperationResult recallByContent(Collection<Integer> bits) {
        return perform(new Operation.RecallByContent(List.copyOf(bits)));
    }

    /** Schedules any operation at the earliest allowed time, runs, and returns its output. */
    public OperationResult perform(Operation op) {
        Schedule.Builder next = Schedule.builder(cueSize, contSize);
        schedule.operations().forEach(t -> next.at(t.startMs(), t.operation()));
        if (spacingMs > 0 && !schedule.operations().isEmpty()) {
            next.at(next.lastStartMs() + spacingMs, op);
        } else {
            next.add(op);
        }
        Schedule s = next.build(); // validates the operation before this memory changes
        last = Ca3Run.of(s, mode, dtMs);
        schedule = s;
        return last.results().get(last.results().size() - 1);
    }

    /** Every operation performed so far, with its output. */
    public List<OperationResult> history() {
        return last == null ? List.of() : last.results();
    }

    /** The latest run (network, recording, weights), or null before the first operation. */
    public Ca3Run lastRun() {
        return last;
    }

    public int cueSize() {
        return cueSize;
    }

    public int contSize() {
        return contSize;
    }
}
