/**
 * Figures of what a sparse-code memory (Sparsey's hierarchy) learned: receptive fields as a grid
 * of small grey images, one per code cell ({@link org.engram.viz.codes.ReceptiveFieldPlot}), and
 * how much codes overlap against how much their inputs overlap, over pairs of stored items
 * ({@link org.engram.viz.codes.OverlapPlot}). The data arrive as plain arrays, so this package
 * knows no model.
 *
 * <p>May import {@code org.engram.viz.figure}, JFreeChart and the JDK's AWT; nothing else of
 * Engram. Drawing never runs anything.
 */
package org.engram.viz.codes;
