package org.engram.models.sparsey;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-out of labels from codes: it keeps every stored (code, label) pair and labels a code by
 * the stored code of largest overlap (1-nearest neighbour by intersection size, the similarity
 * Sparsey's codes carry; ties go to the earliest stored). Over the top codes of a {@link
 * Hierarchy} this is the "kNN on codes" read-out the Sparsey notes allow for MNIST.
 */
public final class CodeClassifier {
    private final List<Sdr> codes = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    public void store(Sdr code, int label) {
        if (!codes.isEmpty() && code.size() != codes.get(0).size()) {
            throw new SdrException("code classifier", "code of size " + code.size() + "; expected size "
                    + codes.get(0).size() + " as the stored codes");
        }
        codes.add(code);
        labels.add(label);
    }

    public int stored() {
        return codes.size();
    }

    /** The label of the stored code that overlaps {@code code} most. */
    public int classify(Sdr code) {
        if (codes.isEmpty()) {
            throw new IllegalStateException("no codes stored to classify against");
        }
        int best = 0;
        int bestOverlap = -1;
        for (int i = 0; i < codes.size(); i++) {
            int overlap = codes.get(i).overlap(code);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = i;
            }
        }
        return labels.get(best);
    }
}
