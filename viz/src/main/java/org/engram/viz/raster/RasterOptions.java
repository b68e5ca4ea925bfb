package org.engram.viz.raster;

import java.util.List;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;

/**
 * What a raster shows.
 *
 * @param window the time span on the x axis
 * @param populations the populations to show, in order; empty for all recorded ones
 * @param binMs the width of the rate histogram's bins; NaN chooses about 100 bins of a round width
 * @param maxSpikeMarks above this many spikes in the window the raster is a density image
 */
public record RasterOptions(TimeWindow window, List<String> populations, double binMs, int maxSpikeMarks) {
    /** Beyond this the SVG would hold more shapes than a browser draws comfortably. */
    public static final int DEFAULT_MAX_SPIKE_MARKS = 20_000;

    public RasterOptions {
        populations = List.copyOf(populations);
        if (!Double.isNaN(binMs) && !(binMs > 0 && Double.isFinite(binMs))) {
            throw new PlotException("rate bin " + binMs + " ms; expected a positive width");
        }
        if (maxSpikeMarks < 0) {
            throw new PlotException("max spike marks " + maxSpikeMarks + "; expected >= 0");
        }
    }

    /** All populations over {@code window}, automatic bins, the default mark limit. */
    public static RasterOptions of(TimeWindow window) {
        return new RasterOptions(window, List.of(), Double.NaN, DEFAULT_MAX_SPIKE_MARKS);
    }

    public RasterOptions withPopulations(List<String> labels) {
        return new RasterOptions(window, labels, binMs, maxSpikeMarks);
    }

    public RasterOptions withBinMs(double ms) {
        return new RasterOptions(window, populations, ms, maxSpikeMarks);
    }

    public RasterOptions withMaxSpikeMarks(int n) {
        return new RasterOptions(window, populations, binMs, n);
    }

    /** The bin width: as given, or 1, 2 or 5 times a power of ten giving about 100 bins. */
    public double effectiveBinMs() {
        return Double.isNaN(binMs) ? roundWidth(window.lengthMs() / 100) : binMs;
    }

    static double roundWidth(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
