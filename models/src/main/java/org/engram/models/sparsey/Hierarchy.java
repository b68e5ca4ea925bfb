package org.engram.models.sparsey;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two levels of Sparsey macs over a binary image ({@link HierarchyParameters}): a grid of level-1
 * macs on pixel windows and one level-2 mac on the concatenation of their codes (mac m's cells at
 * offset m·Q1·K1; a mac whose window is blank adds nothing). {@link #learn} stores an image in a
 * single trial, level by level, with the CSA's draw, except in macs that have frozen: a mac whose
 * saturation (the fraction of its weights that are 1) has reached its level's threshold learns no
 * more and codes by recognition from then on. {@link #recognise} takes the most active cell per
 * module at both levels and learns nothing. Each mac's generator is split in order from one seeded
 * generator, so the same seed and calls give the same codes. Not thread-safe.
 */
public final class Hierarchy {
    private final HierarchyParameters params;
    private final int[] rowStarts;
    private final int[] colStarts;
    private final Macrocolumn[] level1;
    private final Macrocolumn level2;

    public Hierarchy(HierarchyParameters params, long seed) {
        this.params = params;
        this.rowStarts = params.windowStarts(params.rows());
        this.colStarts = params.windowStarts(params.cols());
        SplittableRandom seeds = new SplittableRandom(seed);
        MacParameters first = params.level1();
        this.level1 = new Macrocolumn[rowStarts.length * colStarts.length];
        for (int m = 0; m < level1.length; m++) {
            level1[m] = new Macrocolumn(first, seeds.nextLong());
        }
        this.level2 = new Macrocolumn(params.level2(), seeds.nextLong());
    }

    public HierarchyParameters params() {
        return params;
    }

    /** Stores the image (rows·cols bits, row-major) and returns its codes; empty for a blank image. */
    public Optional<HierarchyCode> learn(Sdr image) {
        return code(image, true);
    }

    /** The codes the image reinstates, learning nothing; empty for a blank image. */
    public Optional<HierarchyCode> recognise(Sdr image) {
        return code(image, false);
    }

    /** The level-1 macs that have stopped learning. */
    public int frozenLevel1Macs() {
        int frozen = 0;
        for (Macrocolumn mac : level1) {
            frozen += frozen(mac, params.saturation1()) ? 1 : 0;
        }
        return frozen;
    }

    /** Whether the level-2 mac has stopped learning. */
    public boolean level2Frozen() {
        return frozen(level2, params.saturation2());
    }

    /** The pixels (row-major indices into the image) that level-1 mac {@code mac}'s window covers. */
    public int[] window(int mac) {
        if (mac < 0 || mac >= level1.length) {
            throw new SdrException("Sparsey hierarchy", "level-1 mac " + mac + "; expected 0 <= mac < " + level1.length);
        }
        int patch = params.patch();
        int row = rowStarts[mac / colStarts.length];
        int col = colStarts[mac % colStarts.length];
        int[] pixels = new int[patch * patch];
        for (int r = 0; r < patch; r++) {
            for (int c = 0; c < patch; c++) {
                pixels[r * patch + c] = (row + r) * params.cols() + col + c;
            }
        }
        return pixels;
    }

    private static boolean frozen(Macrocolumn mac, double saturation) {
        return mac.saturation() >= saturation;
    }

    private Optional<HierarchyCode> code(Sdr image, boolean learn) {
        if (image.size() != params.rows() * params.cols()) {
            throw new SdrException("Sparsey hierarchy", "image of size " + image.size() + "; expected rows x cols = "
                    + params.rows() * params.cols());
        }
        boolean[] pixels = image.dense();
        int cellsPerMac = params.Q1() * params.K1();
        int[] level1Cells = new int[level1.length * params.Q1()];
        int count = 0;
        for (int m = 0; m < level1.length; m++) {
            Sdr window = window(pixels, m);
            if (window.activeCount() == 0) {
                continue;
            }
            Sdr code = select(level1[m], window, learn && !frozen(level1[m], params.saturation1()));
            for (int cell : code.sparse()) {
                level1Cells[count++] = m * cellsPerMac + cell;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        Sdr input = Sdr.ofSparse(params.level1Cells(), Arrays.copyOf(level1Cells, count));
        Sdr top = select(level2, input, learn && !frozen(level2, params.saturation2()));
        return Optional.of(new HierarchyCode(input, top));
    }

    /** The mac's code for an input its (open) gate takes: learnt by the draw, or recognised. */
    private static Sdr select(Macrocolumn mac, Sdr input, boolean learn) {
        return (learn ? mac.learn(input) : mac.recognise(input)).orElseThrow().code();
    }

    private Sdr window(boolean[] pixels, int mac) {
        int[] covered = window(mac);
        int[] active = new int[covered.length];
        int count = 0;
        for (int i = 0; i < covered.length; i++) {
            if (pixels[covered[i]]) {
                active[count++] = i;
            }
        }
        return Sdr.ofSparse(covered.length, Arrays.copyOf(active, count));
    }
}
