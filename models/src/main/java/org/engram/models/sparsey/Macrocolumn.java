package org.engram.models.sparsey;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One Sparsey macrocolumn ("mac", Rinkus 2010, 2014): Q competitive modules (CMs) of K binary cells
 * with binary weights from n inputs, initially 0, that stores an input in a single trial as a
 * sparse distributed code of one winner per CM, chosen by the Code Selection Algorithm (CSA) in its
 * purely spatial form (bottom-up input only):
 *
 * <ol>
 *   <li>u_i = Σ_j x_j·w_ji over the active inputs j;</li>
 *   <li>V_i = U_i = u_i / (active inputs), in [0, 1] because weights are 0 or 1; or another
 *       {@link MacParameters.Match};</li>
 *   <li>G = (1/Q) Σ_q max_{i∈CM_q} V_i, the familiarity;</li>
 *   <li>η = {@link MacParameters#eta}(G), μ_i = {@link MacParameters#mu}(V_i, V_best, η) with
 *       V_best the highest V in the CM of i;</li>
 *   <li>ρ_i = μ_i / Σ_{k∈CM_q} μ_k, and one winner per CM drawn from ρ;</li>
 *   <li>learning: w_ji := 1 for every winner i and active input j; nothing else changes.</li>
 * </ol>
 *
 * <p>{@link #recognise} runs steps 1–3 and takes the cell of highest V in each CM (SparseyCore's
 * maximum-likelihood recognition); {@link #draw} runs steps 1–5; neither learns. An input whose
 * active count is outside the activation gate gets no code.
 *
 * <p>Weights are one bit per (cell, input), stored per cell as 64-bit words, so both operations
 * cost O(Q·K·active inputs) whatever the number of items stored. Ties in recognition and every
 * draw come from one generator seeded at construction, so the same seed and the same sequence of
 * calls give the same codes. Not thread-safe.
 */
public final class Macrocolumn {
    private final MacParameters params;
    private final int cells;
    private final int wordsPerCell;
    /** Bit j of words [cell·wordsPerCell, (cell+1)·wordsPerCell) is the weight from input j. */
    private final long[] weights;
    /**
     * The weights set per cell, for the {@link MacParameters.Match#SPECIFIC} and {@link
     * MacParameters.Match#ABOVE_CHANCE} matches and the saturation.
     */
    private final int[] weightsPerCell;
    private final SplittableRandom rng;
    /** Scratch for V and μ, one entry per cell, reused by every call. */
    private final double[] match;
    private final double[] likelihood;

    public Macrocolumn(MacParameters params, long seed) {
        this.params = params;
        this.cells = params.Q() * params.K();
        this.wordsPerCell = wordsPerCell(params.n());
        this.weights = new long[cells * wordsPerCell];
        this.weightsPerCell = new int[cells];
        this.rng = new SplittableRandom(seed);
        this.match = new double[cells];
        this.likelihood = new double[cells];
    }

    static int wordsPerCell(int n) {
        return (n + Long.SIZE - 1) / Long.SIZE;
    }

    public MacParameters params() {
        return params;
    }

    /**
     * Chooses a code for the input by the CSA's draw and stores it (sets the weights from the active
     * inputs to the winners); empty, with nothing learnt, when the gate is closed.
     */
    public Optional<CodeSelection> learn(Sdr input) {
        Optional<CodeSelection> selection = select(input, true);
        selection.ifPresent(s -> store(input.sparse(), s.code().sparse()));
        return selection;
    }

    /**
     * The code the CSA's draw chooses for the input, as in {@link #learn}, but storing nothing; empty
     * when the gate is closed.
     */
    public Optional<CodeSelection> draw(Sdr input) {
        return select(input, true);
    }

    /** The code of highest V in each CM (ties drawn at random), learning nothing; empty when the gate is closed. */
    public Optional<CodeSelection> recognise(Sdr input) {
        return select(input, false);
    }

    /** The inputs whose weight to {@code cell} (cell k of CM q is q·K + k) is 1, ascending. */
    public int[] inputsOf(int cell) {
        if (cell < 0 || cell >= cells) {
            throw new IndexOutOfBoundsException("cell " + cell + "; expected 0 <= cell < Q·K = " + cells);
        }
        int[] inputs = new int[weightsPerCell[cell]];
        int next = 0;
        for (int w = 0; w < wordsPerCell; w++) {
            for (long word = weights[cell * wordsPerCell + w]; word != 0; word &= word - 1) {
                inputs[next++] = w * Long.SIZE + Long.numberOfTrailingZeros(word);
            }
        }
        return inputs;
    }

    /** The number of weights that are 1, summed over the cells: O(Q·K), well below a step's O(Q·K·active inputs). */
    public long weightsSet() {
        long set = 0;
        for (int cellWeights : weightsPerCell) {
            set += cellWeights;
        }
        return set;
    }

    /** The fraction of the mac's Q·K·n weights that are 1: Sparsey's saturation. */
    public double saturation() {
        return (double) weightsSet() / ((long) cells * params.n());
    }

    private Optional<CodeSelection> select(Sdr input, boolean draw) {
        checkInput(input);
        if (!params.gateOpen(input.activeCount())) {
            return Optional.empty();
        }
        double G = computeMatch(input.sparse());
        double eta = params.eta(G);
        int[] winners = new int[params.Q()];
        for (int q = 0; q < params.Q(); q++) {
            winners[q] = draw ? drawWinner(q, eta) : mostActive(q);
        }
        return Optional.of(new CodeSelection(Sdr.ofSparse(cells, winners), G, eta));
    }

    /** Fills {@link #match} with V for every cell and returns G. */
    private double computeMatch(int[] activeInputs) {
        double sumOfMax = 0;
        for (int cell = 0; cell < cells; cell++) {
            int base = cell * wordsPerCell;
            int u = 0;
            for (int j : activeInputs) {
                u += (int) (weights[base + (j >>> 6)] >>> (j & 63)) & 1;
            }
            match[cell] = match(u, activeInputs.length, weightsPerCell[cell]);
        }
        for (int q = 0; q < params.Q(); q++) {
            double max = 0;
            for (int cell = q * params.K(); cell < (q + 1) * params.K(); cell++) {
                max = Math.max(max, match[cell]);
            }
            sumOfMax += max;
        }
        return sumOfMax / params.Q();
    }

    /** V of a cell with {@code weightsSet} weights that are 1, {@code u} of them from the {@code active} active inputs. */
    private double match(int u, int active, int weightsSet) {
        return switch (params.match()) {
            case U -> (double) u / active;
            case SPECIFIC -> (double) u / Math.max(active, weightsSet);
            case ABOVE_CHANCE -> {
                if (u == active) {
                    yield 1; // also when every weight is set (p = 1), where the formula is 0 / 0
                }
                double chance = (double) weightsSet / params.n();
                yield Math.max(0, ((double) u / active - chance) / (1 - chance));
            }
        };
    }

    /** Fills {@link #likelihood} for CM q with ρ (μ normalised to sum to 1 in the CM). */
    private void computeRho(int q, double eta) {
        int first = q * params.K();
        double best = 0;
        for (int cell = first; cell < first + params.K(); cell++) {
            best = Math.max(best, match[cell]);
        }
        double total = 0;
        for (int cell = first; cell < first + params.K(); cell++) {
            likelihood[cell] = params.mu(match[cell], best, eta);
            total += likelihood[cell];
        }
        for (int cell = first; cell < first + params.K(); cell++) {
            likelihood[cell] /= total;
        }
    }

    /** A cumulative-sum draw of one cell of CM q from ρ. */
    private int drawWinner(int q, double eta) {
        computeRho(q, eta);
        int first = q * params.K();
        int last = first + params.K() - 1;
        double r = rng.nextDouble();
        double cumulative = 0;
        for (int cell = first; cell < last; cell++) {
            cumulative += likelihood[cell];
            if (r < cumulative) {
                return cell;
            }
        }
        // Also catches a cumulative sum that rounding left just below 1.
        return last;
    }

    /** The cell of CM q with the highest V; among equal ones each is equally likely (reservoir choice). */
    private int mostActive(int q) {
        int first = q * params.K();
        int best = first;
        int ties = 1;
        for (int cell = first + 1; cell < first + params.K(); cell++) {
            if (match[cell] > match[best]) {
                best = cell;
                ties = 1;
            } else if (match[cell] == match[best] && rng.nextInt(++ties) == 0) {
                best = cell;
            }
        }
        return best;
    }

    private void store(int[] activeInputs, int[] winners) {
        for (int cell : winners) {
            int base = cell * wordsPerCell;
            for (int j : activeInputs) {
                long bit = 1L << (j & 63);
                if ((weights[base + (j >>> 6)] & bit) == 0) {
                    weights[base + (j >>> 6)] |= bit;
                    weightsPerCell[cell]++;
                }
            }
        }
    }

    /** V of every cell for an input the gate lets in, in cell order (cell q·K + k is cell k of CM q). */
    double[] matchOf(Sdr input) {
        computeMatch(gatedInput(input));
        return match.clone();
    }

    /** ρ of every cell for an input the gate lets in, in cell order; each CM's entries sum to 1. */
    double[] rhoOf(Sdr input) {
        double eta = params.eta(computeMatch(gatedInput(input)));
        for (int q = 0; q < params.Q(); q++) {
            computeRho(q, eta);
        }
        return likelihood.clone();
    }

    private void checkInput(Sdr input) {
        if (input.size() != params.n()) {
            throw new SdrException("Sparsey mac", "input of size " + input.size() + "; expected size n = " + params.n());
        }
    }

    private int[] gatedInput(Sdr input) {
        checkInput(input);
        if (!params.gateOpen(input.activeCount())) {
            throw new IllegalStateException("the gate is closed to " + input.activeCount() + " active inputs");
        }
        return input.sparse();
    }
}
