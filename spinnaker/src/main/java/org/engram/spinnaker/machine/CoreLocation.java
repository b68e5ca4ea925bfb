package org.engram.spinnaker.machine;

/**
 * A (virtual) core on a chip; core 0 is the monitor running SCAMP.
 *
 * @param x chip column, 0–255
 * @param y chip row, 0–255
 * @param p virtual core number, 0–17 on SpiNNaker 1 (the SDP header has 5 bits, so 0–31 encode)
 */
public record CoreLocation(int x, int y, int p) {
    /** Largest core number an SDP header can carry (5 bits). */
    public static final int MAX_CORE = 31;

    public CoreLocation {
        new ChipLocation(x, y); // validates the coordinates
        if (p < 0 || p > MAX_CORE) {
            throw new IllegalArgumentException(
                    "core (" + x + "," + y + "," + p + "): core number must be in 0..31");
        }
    }

    public CoreLocation(ChipLocation chip, int p) {
        this(chip.x(), chip.y(), p);
    }

    public ChipLocation chip() {
        return new ChipLocation(x, y);
    }

    @Override
    public String toString() {
        return "(" + x + "," + y + "," + p + ")";
    }
}
