/**
 * The Sparsey model of Rinkus, starting with its vocabulary: sparse distributed representations
 * and the mathematics of Ahmad and Hawkins (2016, arXiv 1601.00720) that says how reliably they
 * can be told apart.
 *
 * <ul>
 *   <li>{@link org.engram.models.sparsey.Sdr} is an immutable SDR modelled on htm.core's
 *       {@code SDR}: size, sparse and dense views, sparsity, overlap, union, intersection, random
 *       SDRs with an exact number of active bits and noise that keeps that number.</li>
 *   <li>{@link org.engram.models.sparsey.SdrMath} holds the formulas with exact binomials: the
 *       number of SDRs, overlap set sizes, the false-match probability of a (subsampled) segment
 *       and the false-positive probability of a union.</li>
 *   <li>{@link org.engram.models.sparsey.SdrException} reports bad input (an index out of range,
 *       a repeated index, a sparsity above 1, ...).</li>
 * </ul>
 *
 * <p>May import: the JDK and {@code org.engram.simulator.error.UserError}; nothing else of the
 * simulator, and no other model ({@code SparseyImportRulesTest} enforces this).
 *
 * <p>Invariants: an SDR's active indices are sorted, unique and within {@code [0, size)}; every
 * random choice comes from a {@link java.util.SplittableRandom} the caller seeds.
 */
package org.engram.models.sparsey;
