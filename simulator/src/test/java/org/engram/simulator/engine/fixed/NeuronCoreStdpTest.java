package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pair rule on one plastic synapse of a core, against hand-worked words and against a small
 * reference of sPyNNaker's deferred rule written from its description (windows, placeholder,
 * 16-entry history, a clamp after each term, depression at a zero interval). The post neuron is
 * an IF_curr_delta made to fire at chosen steps by a strong static drive; the plastic weights
 * (at most 200 units of 2^-5 mV) cannot make it fire.
 */
class NeuronCoreStdpTest {
    static final int DRIVER = 0x100;
    static final int PRE = 0x200;
    static final double TAU = 20;
    static final int W_MAX = 200;
    static final int A_PLUS = 100;
    static final int A_MINUS = 120;
    /** floor(2048 e^(-k/20)): the tables for tau_plus = tau_minus = 20 steps. */
    static final int[] LUT = new int[160];

    static {
        for (int k = 0; k < LUT.length; k++) {
            LUT[k] = (int) Math.floor(2048 * Math.exp(-k / TAU));
        }
    }

    /** A core with the drive (row 0) and one plastic synapse of delay d and weight w0 (row 1). */
    static NeuronCore core(int d, int w0, boolean multiplicative, int aPlus, int aMinus) {
        LifParameters p = NeuronCoreTest.neuron(LifParameters.IF_CURR_DELTA, 0, 1);
        int[] staticWords = {SynapticMatrix.staticWord(1000, 1, 0, 0, 0)};
        int[] control = {SynapticMatrix.controlWord(d, 0, 0, 0)};
        SynapticMatrix m = new SynapticMatrix(1, 0, 4, new int[] {10, 10}, new int[] {DRIVER, PRE}, new int[] {-1, -1},
                new int[] {0, 1}, new int[] {1, 1}, new int[] {0, 1, 1}, staticWords, new int[] {0, 0, 1}, control,
                new int[] {w0}, new int[2], new int[2]);
        StdpParameters stdp = new StdpParameters(LUT, LUT, multiplicative);
        stdp.wMax[0] = W_MAX;
        stdp.aPlus[0] = aPlus;
        stdp.aMinus[0] = aMinus;
        return new NeuronCore(0, p, m, stdp);
    }

    /** Runs to {@code until}, the neuron firing at the post steps and the synapse receiving pre spikes; returns the weight. */
    static int run(NeuronCore core, int[] post, int[] pre, int until) {
        TreeSet<Integer> drives = new TreeSet<>();
        Arrays.stream(post).forEach(p -> drives.add(p - 1));
        TreeSet<Integer> pres = new TreeSet<>();
        Arrays.stream(pre).forEach(pres::add);
        List<Integer> fired = new ArrayList<>();
        for (int t = 0; t < until; t++) {
            if (core.step() > 0) {
                fired.add(t);
            }
            if (drives.contains(t)) {
                core.receive(DRIVER);
            }
            if (pres.contains(t)) {
                core.receive(PRE);
            }
        }
        assertEquals(Arrays.stream(post).boxed().toList(), fired, "the post neuron fires as driven");
        return core.matrix().plasticWeight[0];
    }

    static int additive(int d, int w0, int[] post, int[] pre, int until) {
        return run(core(d, w0, false, A_PLUS, A_MINUS), post, pre, until);
    }

    @Test
    void prePostPairPotentiatesAtTheNextPreSpikeThroughTheDendriticDelay() {
        // pre at 10, post at 12, pre at 20 (d = 1): at 20, potentiation by A+ r(10) decay+(12 + 1 - 10)
        // = (100 * 1762) >> 11 = 86, then depression by A- o(12) decay-(20 - 13) = (120 * 1443) >> 11 = 84
        assertEquals(50 + 86 - 84, additive(1, 50, new int[] {12}, new int[] {10, 20}, 22));
        assertEquals(52, reference(1, 50, new int[] {12}, new int[] {10, 20}, false));
    }

    @Test
    void depressionAppliesEvenAtAZeroInterval() {
        // post at 9 reaches the synapse at 10, with the pre spike: depression by (120 * 2048) >> 11
        assertEquals(150 - 120, additive(1, 150, new int[] {9}, new int[] {10}, 12));
    }

    @Test
    void eachTermIsClampedAsItIsApplied() {
        // three potentiations saturate at w_max, then one depression of 253 clamps at 0; clamping once
        // at the end would give 190 + 90 + 86 + 81 - 253 = 194
        assertEquals(0, additive(1, 190, new int[] {11, 13, 15}, new int[] {10, 20}, 22));
    }

    @Test
    void aLongerDendriticDelayMovesPostSpikesOutOfTheWindow() {
        int[] post = {11};
        int[] pre = {10, 12};
        // d = 1: the post spike reaches the synapse at 12, with the second pre spike: it potentiates by
        // (100 * 1853) >> 11 = 90 (interval 2 after the first) and depresses by 120 (interval 0)
        assertEquals(50 + 90 - 120, additive(1, 50, post, pre, 14));
        // d = 2: it reaches it at 13, after the pre spike, and changes nothing yet
        assertEquals(50, additive(2, 50, post, pre, 14));
    }

    @Test
    void onlyTheLastFifteenPostSpikesAreRemembered() {
        // twenty post spikes between two pre spikes, far enough from the first that their
        // potentiation stays below w_max; no depression, so that the sum is seen whole
        int[] post = new int[20];
        Arrays.setAll(post, k -> 60 + 2 * k);
        int[] pre = {5, 110};
        NeuronCore core = core(1, 0, false, A_PLUS, 0);
        int w = run(core, post, pre, 112);
        assertEquals(reference(1, 0, post, pre, false, A_PLUS, 0, 16), w);
        // the history holds the placeholder and the last fifteen spikes, 70 to 98
        assertEquals(NeuronCore.POST_HISTORY - 1, core.postCount()[0]);
        int[] kept = Arrays.copyOf(core.postTime(), NeuronCore.POST_HISTORY);
        assertArrayEquals(IntStream.concat(IntStream.of(0),
                Arrays.stream(post, 5, 20)).toArray(), kept);
        assertEquals(0, core.postTrace()[0]);
        // with all twenty remembered the weight would be larger
        assertNotEquals(reference(1, 0, post, pre, false, A_PLUS, 0, 64), w);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomTrainsMatchTheReference(long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(3);
        TreeSet<Integer> post = new TreeSet<>();
        TreeSet<Integer> pre = new TreeSet<>();
        for (int t = 2; t < 300; t++) {
            if (rng.nextDouble() < 0.08 && !post.contains(t - 1)) {
                post.add(t);
            }
            if (rng.nextDouble() < 0.06) {
                pre.add(t);
            }
        }
        int[] po = post.stream().mapToInt(Integer::intValue).toArray();
        int[] pr = pre.stream().mapToInt(Integer::intValue).toArray();
        boolean multiplicative = seed % 2 == 0;
        // multiplicative amplitudes are S16.15: 0.3 and 0.35
        int aPlus = multiplicative ? 9830 : A_PLUS;
        int aMinus = multiplicative ? 11469 : A_MINUS;
        int w = run(core(d, 100, multiplicative, aPlus, aMinus), po, pr, 305);
        assertEquals(reference(d, 100, po, pr, multiplicative), w, "seed " + seed + ", delay " + d);
    }

    static int reference(int d, int w0, int[] post, int[] pre, boolean multiplicative) {
        return multiplicative ? reference(d, w0, post, pre, true, 9830, 11469, 16)
                : reference(d, w0, post, pre, false, A_PLUS, A_MINUS, 16);
    }

    /**
     * sPyNNaker's deferred pair rule in the STDP format: at each pre spike t (previous t_l, trace
     * r_l, both 0 before the first), the remembered post spikes p in (t_l - d, t - d] (window ends
     * at 0 at least) potentiate by A+ (r_l decay+(p + d - t_l)), then the last remembered one at or
     * before t - d, if real, depresses by A- (o(p) decay-(t - p - d)); a clamp after each term.
     */
    static int reference(int d, int w0, int[] post, int[] pre, boolean mult, int aPlus, int aMinus, int history) {
        List<int[]> remembered = new ArrayList<>(); // {step, trace}, after a placeholder {0, 0}
        remembered.add(new int[] {0, 0});
        int w = w0;
        int lastPre = 0;
        int lastTrace = 0;
        int nextPost = 0;
        for (int t : pre) {
            while (nextPost < post.length && post[nextPost] <= t) {
                int[] last = remembered.get(remembered.size() - 1);
                int trace = (short) (mul(last[1], lut(post[nextPost] - last[0])) + 2048);
                remembered.add(new int[] {post[nextPost++], trace});
                if (remembered.size() > history) {
                    remembered.remove(1);
                }
            }
            int begin = Math.max(0, lastPre - d);
            int end = Math.max(0, t - d);
            int[] prev = null;
            for (int e = 1; e < remembered.size(); e++) {
                int[] p = remembered.get(e);
                if (p[0] <= begin) {
                    prev = p;
                } else if (p[0] <= end) {
                    int grow = mul(lastTrace, lut(p[0] + d - lastPre));
                    w = Math.min(W_MAX, w + (mult ? (int) ((long) (W_MAX - w) * aPlus * grow >> 26) : mul(aPlus, grow)));
                    prev = p;
                }
            }
            if (prev != null) {
                int shrink = mul(prev[1], lut(t - prev[0] - d));
                w = Math.max(0, w - (mult ? (int) ((long) w * aMinus * shrink >> 26) : mul(aMinus, shrink)));
            }
            lastTrace = (short) (mul(lastTrace, lut(t - lastPre)) + 2048);
            lastPre = t;
        }
        return w;
    }

    static int lut(int k) {
        return k >= 0 && k < LUT.length ? LUT[k] : 0;
    }

    static int mul(int a, int b) {
        return (a * b) >> 11;
    }
}
