package org.engram.models.sparsey;

/**
 * What a {@link Hierarchy} made of one image: {@code level1}, the codes of every level-1 mac side by
 * side (mac m's Q1·K1 cells from m·Q1·K1; a mac whose window was blank has no active cell), and
 * {@code level2}, the top mac's code.
 */
public record HierarchyCode(Sdr level1, Sdr level2) {

    /** Both levels as one SDR: the level-1 cells, then the level-2 cells from {@code level1().size()}. */
    public Sdr cells() {
        int[] l1 = level1.sparse();
        int[] l2 = level2.sparse();
        int[] all = new int[l1.length + l2.length];
        System.arraycopy(l1, 0, all, 0, l1.length);
        for (int i = 0; i < l2.length; i++) {
            all[l1.length + i] = level1.size() + l2[i];
        }
        return Sdr.ofSparse(level1.size() + level2.size(), all);
    }
}
