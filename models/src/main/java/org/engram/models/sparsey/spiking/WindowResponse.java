package org.engram.models.sparsey.spiking;

import java.util.Arrays;
import org.engram.models.sparsey.Sdr;

/**
 * What the cells of a spiking mac did in one item's window, per competitive module: the cells
 * whose spike came first (every cell that spiked at the module's earliest spike time, ascending;
 * none when the module stayed silent), that time from the window's start, and all the module's
 * spikes in the window (one per first cell when the lateral inhibition silences the rest).
 * Immutable: the arrays are copied in and out.
 *
 * @param K cells per module
 * @param firstCells per module, the cells (q·K + k) that spiked first
 * @param firstMs per module, the first spike's time from the window's start; NaN when silent
 * @param spikes per module, the spikes in the window
 */
public record WindowResponse(int K, int[][] firstCells, double[] firstMs, int[] spikes) {
    public WindowResponse {
        if (firstMs.length != firstCells.length || spikes.length != firstCells.length) {
            throw new IllegalArgumentException("modules differ in number: " + firstCells.length + " first-cell lists, "
                    + firstMs.length + " times, " + spikes.length + " spike counts");
        }
        firstCells = deepCopy(firstCells);
        firstMs = firstMs.clone();
        spikes = spikes.clone();
    }

    /** The number of competitive modules (Q). */
    public int modules() {
        return firstCells.length;
    }

    /** The cells of module q that spiked first, ascending; empty when it stayed silent. */
    public int[] firstCells(int q) {
        return firstCells[q].clone();
    }

    @Override
    public int[][] firstCells() {
        return deepCopy(firstCells);
    }

    @Override
    public double[] firstMs() {
        return firstMs.clone();
    }

    @Override
    public int[] spikes() {
        return spikes.clone();
    }

    /**
     * The code the window gives: in each module that spiked, its first cell (the lowest of
     * simultaneous ones); an SDR of Q·K bits with one active bit per module that spiked.
     */
    public Sdr code() {
        return Sdr.ofSparse(modules() * K, Arrays.stream(firstCells).filter(c -> c.length > 0).mapToInt(c -> c[0])
                .toArray());
    }

    private static int[][] deepCopy(int[][] a) {
        return Arrays.stream(a).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowResponse w && K == w.K && Arrays.deepEquals(firstCells, w.firstCells)
                && Arrays.equals(firstMs, w.firstMs) && Arrays.equals(spikes, w.spikes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * K + Arrays.deepHashCode(firstCells)) + Arrays.hashCode(firstMs)) + Arrays.hashCode(spikes);
    }

    @Override
    public String toString() {
        return "WindowResponse[K=" + K + ", firstCells=" + Arrays.deepToString(firstCells) + ", firstMs="
                + Arrays.toString(firstMs) + ", spikes=" + Arrays.toString(spikes) + "]";
    }
}
