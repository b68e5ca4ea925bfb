package org.engram.spinnaker.emulator;

/**
 * Fault injection, applied to every datagram in both directions: each is dropped with
 * probability {@code drop}; a survivor is delivered twice with probability {@code duplicate};
 * with probability {@code reorder} it is held back and delivered after the next datagram in the
 * same direction (or after 0.2 ms if none follows). Seeded, so a run can be repeated.
 */
public record Faults(double drop, double duplicate, double reorder, long seed) {
    public static final Faults NONE = new Faults(0, 0, 0, 1);

    public Faults {
        check("drop", drop);
        check("duplicate", duplicate);
        check("reorder", reorder);
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("--" + name + " " + p + ": expected a probability in [0, 1)");
        }
    }

    public boolean any() {
        return drop > 0 || duplicate > 0 || reorder > 0;
    }
}
