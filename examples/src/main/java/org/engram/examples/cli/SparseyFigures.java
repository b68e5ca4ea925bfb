package org.engram.examples.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.engram.models.sparsey.Hierarchy;
import org.engram.models.sparsey.HierarchyCode;
import org.engram.models.sparsey.HierarchyParameters;
import org.engram.models.sparsey.Sdr;
import org.engram.viz.codes.OverlapPlot;
import org.engram.viz.codes.ReceptiveFieldPlot;

/**
 * The figures of {@code engram sparsey mnist --out DIR}, each as PNG and SVG:
 * <ul>
 *   <li>{@code fields-level1}: receptive fields of the level-1 mac nearest the image's middle, the
 *       {@value #FIELDS} cells of its first module that the most training digits used, each the
 *       mean window (7 x 7 pixels of Sparsey's input) of the digits whose code used it, labelled
 *       "cell: digits, share of the commonest label, that label";</li>
 *   <li>{@code fields-level2}: the same for the top mac's first module, over whole digits;</li>
 *   <li>{@code overlap}: code overlap against input overlap (active pixels shared) for
 *       {@value #PAIRS} random pairs of training digits, level 1 and level 2.</li>
 * </ul>
 * A figure without data (no digit used the module; fewer than two digits coded) is left out.
 * A module's cells partition the digits it coded (one winner per module), so its fields are the
 * centroids of that partition. The files are written into a staging directory inside DIR and moved
 * in only when all are written, so a failure leaves DIR as it was.
 */
final class SparseyFigures {
    static final int FIELDS = 16;
    static final int PAIRS = 1000;
    private static final int COLUMNS = 8;
    static final List<String> NAMES = List.of("fields-level1", "fields-level2", "overlap");

    private SparseyFigures() {}

    /**
     * Writes the figures of a trained hierarchy into {@code out}: {@code input} holds Sparsey's
     * input of every digit, {@code stored} the codes learnt for the training digits (null for a
     * blank one), {@code labels} every digit's label. Returns the files written.
     */
    static List<Path> write(Path out, Hierarchy hierarchy, Sdr[] input, HierarchyCode[] stored, int[] labels,
            SplittableRandom rng) throws IOException {
        HierarchyParameters p = hierarchy.params();
        int middle = middleMac(hierarchy);
        int[] window = hierarchy.window(middle);
        int level1From = middle * p.Q1() * p.K1();
        List<ReceptiveFieldPlot.Field> level1 = fields(stored, labels, p.K1(),
                code -> cellIn(code.level1(), level1From, level1From + p.K1()),
                digit -> windowOf(input[digit], window), p.patch(), p.patch());
        List<ReceptiveFieldPlot.Field> level2 = fields(stored, labels, p.K2(),
                code -> cellIn(code.level2(), 0, p.K2()), digit -> dense(input[digit]), p.rows(), p.cols());
        List<OverlapPlot.Panel> overlap = overlaps(input, stored, rng);
        boolean made = !Files.isDirectory(out);
        Files.createDirectories(out);
        Path staging = Files.createTempDirectory(out, RunOutput.STAGING_PREFIX + ProcessHandle.current().pid() + "-");
        boolean moved = false;
        try {
            for (String format : List.of("png", "svg")) {
                if (!level1.isEmpty()) {
                    ReceptiveFieldPlot.write(level1, COLUMNS, String.format(Locale.ROOT, "Level 1, mac %d, module 0: "
                            + "mean window of the digits each cell coded", middle), staging.resolve(NAMES.get(0) + "."
                            + format));
                }
                if (!level2.isEmpty()) {
                    ReceptiveFieldPlot.write(level2, COLUMNS, "Level 2, module 0: mean digit each cell coded",
                            staging.resolve(NAMES.get(1) + "." + format));
                }
                if (!overlap.isEmpty()) {
                    OverlapPlot.write(overlap, "input overlap (active pixels shared)", "Code overlap against input "
                            + "overlap, " + PAIRS + " random pairs of training digits", staging.resolve(NAMES.get(2)
                            + "." + format));
                }
            }
            List<Path> targets;
            try (Stream<Path> files = Files.list(staging)) {
                targets = files.map(f -> out.resolve(f.getFileName().toString())).sorted().toList();
            }
            for (Path target : targets) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new RunOutputException(target + " is a directory, where this run writes a figure; move it "
                            + "away or choose another --out");
                }
            }
            for (Path target : targets) {
                Files.move(staging.resolve(target.getFileName().toString()), target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return targets;
        } catch (FileSystemException e) {
            throw new RunOutputException(out + ": the figures cannot be written: " + e.getMessage());
        } finally {
            removeFlat(staging);
            if (made && !moved) {
                Files.deleteIfExists(out);
            }
        }
    }

    /** The level-1 mac whose window's middle pixel is nearest the image's middle (the first of equals). */
    private static int middleMac(Hierarchy hierarchy) {
        HierarchyParameters p = hierarchy.params();
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int m = 0; m < p.level1Macs(); m++) {
            int centre = hierarchy.window(m)[p.patch() * p.patch() / 2];
            double distance = Math.hypot(centre / p.cols() - (p.rows() - 1) / 2.0, centre % p.cols() - (p.cols() - 1) / 2.0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = m;
            }
        }
        return best;
    }

    /** Which cell of a code a module used, or -1: the code's first active cell in [from, to), less from. */
    private static int cellIn(Sdr code, int from, int to) {
        for (int cell : code.sparse()) {
            if (cell >= from && cell < to) {
                return cell - from;
            }
        }
        return -1;
    }

    @FunctionalInterface
    private interface CellOf {
        int of(HierarchyCode code);
    }

    @FunctionalInterface
    private interface ImageOf {
        boolean[] of(int digit);
    }

    /**
     * The {@value #FIELDS} cells of one module (of {@code K} cells) that most training digits used,
     * most used first, each the mean image of those digits, labelled with their count and most
     * common label.
     */
    private static List<ReceptiveFieldPlot.Field> fields(HierarchyCode[] stored, int[] labels, int K, CellOf cellOf,
            ImageOf imageOf, int rows, int cols) {
        List<List<Integer>> digits = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            digits.add(new ArrayList<>());
        }
        for (int d = 0; d < stored.length; d++) {
            int cell = stored[d] == null ? -1 : cellOf.of(stored[d]);
            if (cell >= 0) {
                digits.get(cell).add(d);
            }
        }
        List<Integer> cells = IntStream.range(0, K).filter(k -> !digits.get(k).isEmpty()).boxed()
                .sorted(Comparator.comparingInt((Integer k) -> -digits.get(k).size()).thenComparingInt(k -> k))
                .limit(FIELDS).toList();
        List<ReceptiveFieldPlot.Field> fields = new ArrayList<>();
        for (int cell : cells) {
            double[] mean = new double[rows * cols];
            int[] byLabel = new int[10];
            for (int d : digits.get(cell)) {
                boolean[] image = imageOf.of(d);
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += image[i] ? 1 : 0;
                }
                byLabel[labels[d]]++;
            }
            int n = digits.get(cell).size();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= n;
            }
            int common = 0;
            for (int l = 1; l < byLabel.length; l++) {
                common = byLabel[l] > byLabel[common] ? l : common;
            }
            fields.add(new ReceptiveFieldPlot.Field(String.format(Locale.ROOT, "%d: %d, %.0f%% %d", cell, n,
                    100.0 * byLabel[common] / n, common), mean, rows, cols));
        }
        return fields;
    }

    private static boolean[] dense(Sdr image) {
        return image.dense();
    }

    private static boolean[] windowOf(Sdr image, int[] window) {
        boolean[] pixels = new boolean[window.length];
        for (int i = 0; i < window.length; i++) {
            pixels[i] = image.isActive(window[i]);
        }
        return pixels;
    }

    /** {@value #PAIRS} random pairs of distinct coded training digits; none when fewer than two were coded. */
    private static List<OverlapPlot.Panel> overlaps(Sdr[] input, HierarchyCode[] stored, SplittableRandom rng) {
        int[] coded = IntStream.range(0, stored.length).filter(d -> stored[d] != null).toArray();
        if (coded.length < 2) {
            return List.of();
        }
        double[] inputOverlap = new double[PAIRS];
        double[] level1 = new double[PAIRS];
        double[] level2 = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            int first = rng.nextInt(coded.length);
            int second = rng.nextInt(coded.length - 1);
            int a = coded[first];
            int b = coded[second >= first ? second + 1 : second];
            inputOverlap[k] = input[a].overlap(input[b]);
            level1[k] = stored[a].level1().overlap(stored[b].level1());
            level2[k] = stored[a].level2().overlap(stored[b].level2());
        }
        return List.of(new OverlapPlot.Panel("level-1 cells shared", inputOverlap, level1),
                new OverlapPlot.Panel("level-2 cells shared", inputOverlap, level2));
    }

    private static void removeFlat(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
