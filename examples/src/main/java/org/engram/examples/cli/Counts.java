package org.engram.examples.cli;

/** Counts in the command line's output, in the right number: "1 neuron", "2 neurons". */
final class Counts {
    private Counts() {}

    /** {@code n} and the noun, plural by adding "s" unless {@code n} is 1. */
    static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the noun, for nouns whose plural is not the singular with "s". */
    static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The noun alone, in the number {@code n} asks (for tables, where the count is a column of its own). */
    static String noun(long n, String singular) {
        return n == 1 ? singular : singular + "s";
    }
}
