package org.engram.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.raster.RasterOptions;
import org.engram.viz.report.PlotOptions;
import org.engram.viz.report.RunPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code engram plot DIR}: draws a run directory's figures (raster.png and whatever else the
 * data allows) and report.html, through {@link RunPlots#writeAll(Path, PlotOptions)}.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a run directory: raster.png (spike raster over firing rates), v.png (membrane "
                + "traces), weights-*.png (weight maps and curves) as the data allows, and report.html.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "run directory (spikes.csv, summary.json, ...)")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "the raster's file, .png or .svg (default DIR/raster.png); other figures take its format")
    Path out;

    @Option(names = "--from", paramLabel = "MS", description = "start of the time window (default 0)")
    Double fromMs;

    @Option(names = "--to", paramLabel = "MS", description = "end of the time window (default: end of the run)")
    Double toMs;

    @Option(names = "--populations", split = ",", paramLabel = "a,b",
            description = "populations to show, in this order (default: all recorded)")
    List<String> populations = new ArrayList<>();

    @Option(names = "--neurons", split = ",", paramLabel = "i,j",
            description = "neurons whose v to draw (default: the first 5 recorded per population)")
    List<Integer> neurons = new ArrayList<>();

    @Option(names = "--synapses", split = ",", paramLabel = "c,d",
            description = "connections (row order in weights.csv) whose weight curves to draw (default: most changed)")
    List<Integer> synapses = new ArrayList<>();

    @Option(names = "--width", paramLabel = "PX", description = "raster width in CSS pixels (default ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int width;

    @Option(names = "--height", paramLabel = "PX", description = "raster height in CSS pixels (default ${DEFAULT-VALUE})",
            defaultValue = "640")
    int height;

    @Option(names = "--dpi", paramLabel = "N",
            description = "PNG resolution; 96 gives one pixel per CSS pixel (default ${DEFAULT-VALUE})", defaultValue = "96")
    int dpi;

    @Option(names = "--max-marks", paramLabel = "N",
            description = "above this many spikes the raster is a density image (default ${DEFAULT-VALUE})",
            defaultValue = "" + RasterOptions.DEFAULT_MAX_SPIKE_MARKS)
    int maxMarks;

    @Option(names = "--no-report", description = "do not write report.html")
    boolean noReport;

    @Override
    public Integer call() {
        PlotOptions o = PlotOptions.DEFAULT
                .withWindow(fromMs == null ? Double.NaN : fromMs, toMs == null ? Double.NaN : toMs)
                .withPopulations(populations).withOut(out).withSize(new FigureSize(width, height, dpi))
                .withNeurons(neurons).withSynapses(synapses).withMaxSpikeMarks(maxMarks).withReport(!noReport);
        for (Path p : RunPlots.writeAll(dir, o)) {
            System.out.println("wrote " + p);
        }
        return 0;
    }
}
