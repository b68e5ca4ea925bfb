package org.engram.models.hlop;

/**
 * Labelled inputs: one row of intensities (0 to 1) per item and its class, 0 to 9. Checked when
 * made; holds its arrays without copying them (they are large), so callers must not change them.
 */
public record Digits(double[][] pixels, int[] labels) {
    public Digits {
        if (pixels.length == 0 || pixels.length != labels.length) {
            throw new InvalidHlopException("Digits", "count", pixels.length + " rows and " + labels.length + " labels",
                    "at least one row and one label per row");
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != pixels[0].length) {
                throw new InvalidHlopException("Digits", "row " + i + " length", pixels[i].length,
                        pixels[0].length + " (the first row's)");
            }
            if (labels[i] < 0 || labels[i] > 9) {
                throw new InvalidHlopException("Digits", "label " + i, labels[i], "a class from 0 to 9");
            }
        }
        RateCode.check("Digits", pixels);
    }

    public int count() {
        return labels.length;
    }

    /** Length of each row. */
    public int width() {
        return pixels[0].length;
    }
}
