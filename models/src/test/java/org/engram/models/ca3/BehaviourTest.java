package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.engram.simulator.engine.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour on random memories beyond the three benches. Expectations are computed here from the
 * definition of the memory (plain maps), never from the network. Operations are 14 ms apart, the
 * original stress test's spacing, unless a test says otherwise; recalls by content present one bit
 * unless a test says otherwise (see the README for what several bits do).
 */
class BehaviourTest {
    /** The smallest weight that fires a slow (CueCue, ContCue) neuron from rest in one step (ca3-cam.md §2). */
    private static final double SLOW_FIRING_WEIGHT_NA = 3.29;
    /** The same for a fast (CueCont) neuron. */
    private static final double FAST_FIRING_WEIGHT_NA = 3.36;

    /** A small harness: operations in order, every {@code spacingMs} (0: tightest), run once on the grid. */
    private static final class Trial {
        final int c;
        final int n;
        final List<Operation> ops = new ArrayList<>();
        final Map<Integer, List<Integer>> stored = new HashMap<>();

        Trial(int c, int n) {
            this.c = c;
            this.n = n;
        }

        void learn(int cue, List<Integer> bits) {
            ops.add(new Operation.Learn(cue, bits));
        }

        Ca3Run run(double spacingMs) {
            Schedule.Builder b = Schedule.builder(c, n);
            double t = 0;
            for (Operation op : ops) {
                b.at(t, op);
                t += spacingMs == 0 ? op.minGapMs() : spacingMs;
            }
            return Ca3Run.of(b.build(), Mode.grid, 1.0);
        }
    }

    private static List<Integer> randomBits(Random rng, int n, int k) {
        TreeSet<Integer> s = new TreeSet<>();
        while (s.size() < k) {
            s.add(rng.nextInt(n));
        }
        return List.copyOf(s);
    }

    private static List<Integer> cuesHolding(Map<Integer, List<Integer>> stored, int bit) {
        return stored.entrySet().stream().filter(e -> e.getValue().contains(bit)).map(Map.Entry::getKey).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void recallByCueReturnsExactlyTheStoredOrthogonalContent(int seed) {
        Random rng = new Random(seed);
        int c = 8;
        int n = 32;
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bits.add(i);
        }
        Collections.shuffle(bits, rng);
        Trial s = new Trial(c, n);
        for (int cue = 0; cue < c; cue++) {
            List<Integer> content = List.copyOf(new TreeSet<>(bits.subList(4 * cue, 4 * cue + 1 + rng.nextInt(4))));
            s.learn(cue, content);
            s.stored.put(cue, content);
        }
        for (int cue = c - 1; cue >= 0; cue--) {
            s.ops.add(new Operation.RecallByCue(cue));
        }
        for (double spacing : new double[] {14, 0}) {
            List<OperationResult> r = s.run(spacing).results();
            for (int k = c; k < 2 * c; k++) {
                Operation.RecallByCue op = (Operation.RecallByCue) r.get(k).operation().operation();
                assertEquals(s.stored.get(op.cue()), r.get(k).recalledContent(), "spacing " + spacing + ": " + op.describe());
                assertEquals(List.of(op.cue()), r.get(k).cues());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void recallByCueReturnsExactlyTheLastOverlappingContentStored(int seed) {
        Random rng = new Random(seed);
        int c = 10;
        int n = 12;
        Trial s = new Trial(c, n);
        for (int round = 0; round < 3; round++) {
            for (int cue = 0; cue < c; cue++) {
                if (round == 0 || rng.nextBoolean()) { // every cue once, then re-learn about half of them
                    List<Integer> content = randomBits(rng, n, 2 + rng.nextInt(4));
                    s.learn(cue, content);
                    s.stored.put(cue, content);
                }
            }
            // then recall every cue and every bit; expectations are taken after this round's learns
            for (int cue = 0; cue < c; cue++) {
                s.ops.add(new Operation.RecallByCue(cue));
            }
        }
        // overlap is real: some bit belongs to three memories or more at the end
        assertTrue(java.util.stream.IntStream.range(0, n).anyMatch(b -> cuesHolding(s.stored, b).size() >= 3));
        List<OperationResult> r = s.run(14).results();
        Map<Integer, List<Integer>> current = new HashMap<>();
        for (OperationResult res : r) {
            Operation op = res.operation().operation();
            if (op instanceof Operation.Learn l) {
                current.put(l.cue(), l.bits());
            } else {
                int cue = ((Operation.RecallByCue) op).cue();
                assertEquals(current.get(cue), res.recalledContent(), res.operation().describe());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void recallByContentReturnsEveryCueHoldingThePresentedBit(int seed) {
        Random rng = new Random(seed);
        int c = 12;
        int n = 10;
        Trial s = new Trial(c, n);
        for (int cue = 0; cue < c; cue++) {
            List<Integer> content = randomBits(rng, n, 1 + rng.nextInt(3));
            s.learn(cue, content);
            s.stored.put(cue, content);
        }
        for (int bit = 0; bit < n; bit++) {
            s.ops.add(new Operation.RecallByContent(List.of(bit)));
        }
        List<OperationResult> r = s.run(14).results();
        for (int bit = 0; bit < n; bit++) {
            OperationResult res = r.get(c + bit);
            assertEquals(cuesHolding(s.stored, bit), res.recalledCues(), res.operation().describe());
            assertEquals(List.of(bit), res.bits(), "the fragment is echoed, not the full contents");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aFirstRecallBySeveralBitsReturnsEveryCueHoldingAnyOfThem(int seed) {
        Random rng = new Random(seed);
        int c = 8;
        int n = 16;
        Trial s = new Trial(c, n);
        for (int cue = 0; cue < c; cue++) {
            List<Integer> content = randomBits(rng, n, 1 + rng.nextInt(4));
            s.learn(cue, content);
            s.stored.put(cue, content);
        }
        List<Integer> probe = randomBits(rng, n, 3);
        s.ops.add(new Operation.RecallByContent(probe));
        OperationResult res = s.run(14).results().get(c);
        TreeSet<Integer> expected = new TreeSet<>();
        probe.forEach(b -> expected.addAll(cuesHolding(s.stored, b)));
        assertEquals(List.copyOf(expected), res.recalledCues(), res.operation().describe());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void relearningACueErasesTheOldAssociationInBothDirections(int seed) {
        Random rng = new Random(seed);
        int c = 6;
        int n = 12;
        Trial s = new Trial(c, n);
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bits.add(i);
        }
        Collections.shuffle(bits, rng);
        List<Integer> oldContent = List.copyOf(new TreeSet<>(bits.subList(0, 3)));
        List<Integer> newContent = List.copyOf(new TreeSet<>(bits.subList(3, 6)));
        int target = rng.nextInt(c);
        for (int cue = 0; cue < c; cue++) {
            List<Integer> content = cue == target ? oldContent : randomBits(rng, n, 1 + rng.nextInt(3));
            s.learn(cue, content);
            s.stored.put(cue, content);
        }
        s.learn(target, newContent);
        s.stored.put(target, newContent);
        s.ops.add(new Operation.RecallByCue(target));
        for (int bit = 0; bit < n; bit++) {
            s.ops.add(new Operation.RecallByContent(List.of(bit)));
        }
        Ca3Run run = s.run(14);
        List<OperationResult> r = run.results();
        OperationResult relearn = r.get(c);
        assertEquals(oldContent, relearn.forgottenBits(), "the old bits leak once as they are erased");
        assertEquals(newContent, r.get(c + 1).recalledContent(), "cue -> content: only the new content");
        for (int bit = 0; bit < n; bit++) {
            OperationResult res = r.get(c + 2 + bit);
            assertEquals(cuesHolding(s.stored, bit), res.recalledCues(), res.operation().describe());
            if (oldContent.contains(bit)) {
                assertFalse(res.recalledCues().contains(target), "content -> cue: old bit " + bit + " still gives cue "
                        + target);
            }
        }
        // and in the weights: no old association is strong enough to fire its target alone
        double[][] cueToContent = run.cueToContent();
        double[][] contentToCue = run.contentToCue();
        for (int bit : oldContent) {
            assertTrue(cueToContent[target][bit] < SLOW_FIRING_WEIGHT_NA, "w(cue " + target + " -> bit " + bit + ") = "
                    + cueToContent[target][bit]);
            assertTrue(contentToCue[bit][target] < FAST_FIRING_WEIGHT_NA, "w(bit " + bit + " -> cue " + target + ") = "
                    + contentToCue[bit][target]);
        }
        for (int bit : newContent) {
            assertTrue(cueToContent[target][bit] > SLOW_FIRING_WEIGHT_NA, "new association learnt: w = "
                    + cueToContent[target][bit]);
        }
    }
}
