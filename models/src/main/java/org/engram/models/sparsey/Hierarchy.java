package org.engram.models.sparsey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two levels of Sparsey macs over a binary image ({@link HierarchyParameters}): a grid of level-1
 * macs on pixel windows and one level-2 mac on the concatenation of their codes (mac m's cells at
 * offset m·Q1·K1; a mac whose window is blank adds nothing). {@link #learn} stores an image in a
 * single trial, level by level, with the CSA's draw; {@link #recognise} takes the most active
 * cell per module at both levels and learns nothing. Each mac's generator is split in order from
 * one seeded generator, so the same seed and calls give the same codes. Not thread-safe.
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

    /** Stores the image (rows·cols bits, row-major) and returns its top code; empty for a blank image. */
    public Optional<Sdr> learn(Sdr image) {
        return code(image, true);
    }

    /** The top code the image reinstates, learning nothing; empty for a blank image. */
    public Optional<Sdr> recognise(Sdr image) {
        return code(image, false);
    }

    private Optional<Sdr> code(Sdr image, boolean learn) {
        if (image.size() != params.rows() * params.cols()) {
            throw new SdrException("Sparsey hierarchy", "image of size " + image.size() + "; expected rows x cols = "
                    + params.rows() * params.cols());
        }
        boolean[] pixels = image.dense();
        int cellsPerMac = params.Q1() * params.K1();
        List<Integer> level1Cells = new ArrayList<>();
        for (int m = 0; m < level1.length; m++) {
            Sdr window = window(pixels, rowStarts[m / colStarts.length], colStarts[m % colStarts.length]);
            if (window.activeCount() == 0) {
                continue;
            }
            Sdr code = (learn ? level1[m].learn(window) : level1[m].recognise(window)).orElseThrow().code();
            for (int cell : code.sparse()) {
                level1Cells.add(m * cellsPerMac + cell);
            }
        }
        if (level1Cells.isEmpty()) {
            return Optional.empty();
        }
        Sdr input = Sdr.ofSparse(level1.length * cellsPerMac, level1Cells.stream().mapToInt(Integer::intValue).toArray());
        return (learn ? level2.learn(input) : level2.recognise(input)).map(CodeSelection::code);
    }

    private Sdr window(boolean[] pixels, int row, int col) {
        int patch = params.patch();
        int[] active = new int[patch * patch];
        int count = 0;
        for (int r = 0; r < patch; r++) {
            for (int c = 0; c < patch; c++) {
                if (pixels[(row + r) * params.cols() + col + c]) {
                    active[count++] = r * patch + c;
                }
            }
        }
        return Sdr.ofSparse(patch * patch, Arrays.copyOf(active, count));
    }
}
