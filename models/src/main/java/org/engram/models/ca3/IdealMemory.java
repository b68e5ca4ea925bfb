package org.engram.models.ca3;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a perfect content-addressable memory of this kind answers, written from the model's
 * definition (not from the network): a cue stores the content last learnt under it; recall by cue
 * gives that content; recall by content gives every cue whose content holds at least one
 * presented bit. Used to judge the network's outputs in the story and the capacity study.
 */
public final class IdealMemory {
    private final Map<Integer, List<Integer>> contents = new TreeMap<>();

    /** Stores {@code bits} under {@code cue}, replacing what was there. */
    public void learn(int cue, Collection<Integer> bits) {
        contents.put(cue, List.copyOf(new TreeSet<>(bits)));
    }

    /** The content stored under {@code cue}, or an empty list. */
    public List<Integer> recallByCue(int cue) {
        return contents.getOrDefault(cue, List.of());
    }

    /** Every cue whose content holds at least one of {@code bits}, sorted. */
    public List<Integer> recallByContent(Collection<Integer> bits) {
        List<Integer> out = new ArrayList<>();
        contents.forEach((cue, content) -> {
            if (content.stream().anyMatch(bits::contains)) {
                out.add(cue);
            }
        });
        return out;
    }

    /** Applies an operation: a learn stores, a recall changes nothing. */
    public void apply(Operation op) {
        if (op instanceof Operation.Learn l) {
            learn(l.cue(), l.bits());
        }
    }

    /**
     * Whether the network's output for an operation is what a perfect memory answers, judged
     * before the operation is applied: a recall by cue must give exactly that cue and its stored
     * content; a recall by content exactly the presented bits and every matching cue; a learn the
     * cue and the new content plus the erased old bits. Call before {@link #apply}.
     */
    public boolean isCorrect(OperationResult r) {
        Operation op = r.operation().operation();
        if (op instanceof Operation.RecallByCue c) {
            return r.cues().equals(List.of(c.cue())) && r.bits().equals(recallByCue(c.cue()));
        }
        if (op instanceof Operation.RecallByContent c) {
            return r.bits().equals(c.bits()) && r.cues().equals(recallByContent(c.bits()));
        }
        if (op instanceof Operation.Learn l) {
            TreeSet<Integer> bits = new TreeSet<>(l.bits());
            bits.addAll(recallByCue(l.cue()));
            return r.cues().equals(List.of(l.cue())) && r.bits().equals(List.copyOf(bits));
        }
        return false;
    }

    /** What a perfect memory would answer, in words, e.g. {@code content {0, 1}}. */
    public String expected(Operation op) {
        if (op instanceof Operation.RecallByCue c) {
            return "content " + Operation.format(recallByCue(c.cue()));
        }
        if (op instanceof Operation.RecallByContent c) {
            return "cues " + Operation.format(recallByContent(c.bits()));
        }
        if (op instanceof Operation.Learn l) {
            TreeSet<Integer> bits = new TreeSet<>(l.bits());
            bits.addAll(recallByCue(l.cue()));
            return "cue " + l.cue() + ", bits " + Operation.format(bits);
        }
        return "(no expectation for unrecognised input)";
    }
}
