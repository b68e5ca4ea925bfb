/**
 * The Sparsey model of Rinkus: its vocabulary, sparse distributed representations and the
 * mathematics of Ahmad and Hawkins (2016, arXiv 1601.00720) that says how reliably they can be
 * told apart, and its coding field, the macrocolumn with the Code Selection Algorithm.
 *
 * <ul>
 *   <li>{@link org.engram.models.sparsey.Sdr} is an immutable SDR modelled on htm.core's
 *       {@code SDR}: size, sparse and dense views, sparsity, overlap, union, intersection, random
 *       SDRs with an exact number of active bits and noise that keeps that number.</li>
 *   <li>{@link org.engram.models.sparsey.SdrMath} holds the formulas with exact binomials: the
 *       number of SDRs, overlap set sizes, the false-match probability of a (subsampled) segment
 *       and the false-positive probability of a union.</li>
 *   <li>{@link org.engram.models.sparsey.Macrocolumn} is one mac of Q competitive modules of K
 *       binary cells: single-trial learning of a code by the Code Selection Algorithm's draw,
 *       the same draw without learning, and recognition by the most active cell per module;
 *       {@link org.engram.models.sparsey.MacParameters} holds its validated parameters, the
 *       η and μ formulas and the choice of match ({@link
 *       org.engram.models.sparsey.MacParameters.Match}); {@link org.engram.models.sparsey.CodeSelection} is one code with the
 *       familiarity G and the expansivity η that chose it.</li>
 *   <li>{@link org.engram.models.sparsey.Hierarchy} stacks macs over a binary image: a grid of
 *       level-1 macs on pixel windows and one level-2 mac on their codes, each mac freezing when
 *       its weights saturate, shaped by {@link org.engram.models.sparsey.HierarchyParameters};
 *       {@link org.engram.models.sparsey.HierarchyCode} is an image's codes at both levels;
 *       {@link org.engram.models.sparsey.HebbianReadout} learns labels from codes in one pass
 *       and labels a code by naive Bayes over its cells; {@link org.engram.models.sparsey.Shear}
 *       straightens slanted grey images before they are binarised.</li>
 *   <li>{@link org.engram.models.sparsey.MacStudy} measures what one mac shows on seeded random
 *       inputs: the store size at which exact recall fails, the rank correlation of input and
 *       code overlap with the overlap of novel inputs' codes, and the codes of graded variants of
 *       stored items; its own mac is {@link org.engram.models.sparsey.MacStudy#studyMac}.</li>
 *   <li>{@link org.engram.models.sparsey.SdrException} reports bad input (an index out of range,
 *       a repeated index, a sparsity above 1, a module of one cell, ...).</li>
 * </ul>
 *
 * <p>May import: the JDK, {@code org.engram.simulator.error.UserError} and Commons Math's
 * {@code SpearmansCorrelation}; nothing else of the simulator, and no other model
 * ({@code SparseyImportRulesTest} enforces this).
 *
 * <p>Invariants: an SDR's active indices are sorted, unique and within {@code [0, size)}; every
 * random choice comes from a {@link java.util.SplittableRandom} the caller seeds (a macrocolumn's
 * from the seed it is built with); a code has exactly one active cell per competitive module.
 */
package org.engram.models.sparsey;
