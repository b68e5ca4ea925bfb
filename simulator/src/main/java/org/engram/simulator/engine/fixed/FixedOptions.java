package org.engram.simulator.engine.fixed;

import java.util.Arrays;
import java.util.List;

/**
 * How a network is cut into cores: at most {@code neuronsPerCore} neurons of one population per
 * core (255 by default, as the SpiNNaker mapping's default, so that a desktop run and a deployment
 * cut a network alike), or, where a mapping chose per population,
 * {@code perPopulation}; and the key of each slice.
 *
 * @param perPopulation empty, or the most neurons per core of every population, by its index in
 *        the network (a deployment's slicing); it then overrides {@code neuronsPerCore}
 */
public record FixedOptions(int neuronsPerCore, KeyAssignment keys, List<Integer> perPopulation) {
    /** The most neurons a core can index with a 16-bit synapse word (14 index bits, the receptor and one delay bit). */
    public static final int MAX_NEURONS_PER_CORE = 1 << 14;
    public static final FixedOptions DEFAULT = new FixedOptions(255, KeyAssignment.DEFAULT);

    public FixedOptions {
        checkSize("neurons per core", neuronsPerCore);
        if (keys == null) {
            throw new IllegalArgumentException("a key assignment is needed");
        }
        perPopulation = List.copyOf(perPopulation);
        for (int p = 0; p < perPopulation.size(); p++) {
            checkSize("neurons per core of population " + p, perPopulation.get(p));
        }
    }

    /** The same cut for every population. */
    public FixedOptions(int neuronsPerCore, KeyAssignment keys) {
        this(neuronsPerCore, keys, List.of());
    }

    /** A cut chosen per population ({@code sizes[p]} neurons per core of population {@code p}), with its keys. */
    public static FixedOptions perPopulation(int[] sizes, KeyAssignment keys) {
        int most = 1;
        for (int s : sizes) {
            most = Math.max(most, s);
        }
        return new FixedOptions(Math.min(most, MAX_NEURONS_PER_CORE), keys,
                Arrays.stream(sizes).boxed().toList());
    }

    /** The most neurons per core of population {@code population}. */
    public int neuronsPerCore(int population) {
        return perPopulation.isEmpty() ? neuronsPerCore : perPopulation.get(population);
    }

    private static void checkSize(String what, int n) {
        if (n < 1 || n > MAX_NEURONS_PER_CORE) {
            throw new IllegalArgumentException(what + " " + n + "; expected 1 to " + MAX_NEURONS_PER_CORE);
        }
    }
}
