package org.engram.viz.report;

import java.nio.file.Path;
import java.util.List;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.PlotException;
import org.engram.viz.raster.RasterOptions;

/**
 * What {@link RunPlots} draws.
 *
 * @param fromMs start of the time window; NaN for 0
 * @param toMs end of the time window; NaN for the end of the run
 * @param populations the populations to show, in order; empty for all
 * @param out the raster's file (its extension, .png or .svg, sets the format of every figure);
 *        null for {@code DIR/raster.png}
 * @param size the raster's size and the DPI of every PNG
 * @param neurons the neurons whose v to draw (indices in their population); empty for the first few
 * @param synapses the connections whose weight curves to draw (positions in weights.csv's
 *        order per projection); empty for the most changed
 * @param maxSpikeMarks above this many spikes the raster is a density image
 * @param report whether to write report.html
 */
public record PlotOptions(double fromMs, double toMs, List<String> populations, Path out, FigureSize size,
        List<Integer> neurons, List<Integer> synapses, int maxSpikeMarks, boolean report) {

    /** Whole run, all populations, raster.png at the default size, report.html. */
    public static final PlotOptions DEFAULT = new PlotOptions(Double.NaN, Double.NaN, List.of(), null,
            FigureSize.DEFAULT, List.of(), List.of(), RasterOptions.DEFAULT_MAX_SPIKE_MARKS, true);

    public PlotOptions {
        populations = List.copyOf(populations);
        neurons = List.copyOf(neurons);
        synapses = List.copyOf(synapses);
        if (size == null) {
            throw new PlotException("a figure size is required");
        }
        if (maxSpikeMarks < 0) {
            throw new PlotException("max spike marks " + maxSpikeMarks + "; expected >= 0");
        }
    }

    public PlotOptions withWindow(double from, double to) {
        return new PlotOptions(from, to, populations, out, size, neurons, synapses, maxSpikeMarks, report);
    }

    public PlotOptions withPopulations(List<String> labels) {
        return new PlotOptions(fromMs, toMs, labels, out, size, neurons, synapses, maxSpikeMarks, report);
    }

    public PlotOptions withOut(Path file) {
        return new PlotOptions(fromMs, toMs, populations, file, size, neurons, synapses, maxSpikeMarks, report);
    }

    public PlotOptions withSize(FigureSize s) {
        return new PlotOptions(fromMs, toMs, populations, out, s, neurons, synapses, maxSpikeMarks, report);
    }

    public PlotOptions withNeurons(List<Integer> n) {
        return new PlotOptions(fromMs, toMs, populations, out, size, n, synapses, maxSpikeMarks, report);
    }

    public PlotOptions withSynapses(List<Integer> s) {
        return new PlotOptions(fromMs, toMs, populations, out, size, neurons, s, maxSpikeMarks, report);
    }

    public PlotOptions withMaxSpikeMarks(int n) {
        return new PlotOptions(fromMs, toMs, populations, out, size, neurons, synapses, n, report);
    }

    public PlotOptions withReport(boolean r) {
        return new PlotOptions(fromMs, toMs, populations, out, size, neurons, synapses, maxSpikeMarks, r);
    }
}
