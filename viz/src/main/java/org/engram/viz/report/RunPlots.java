package org.engram.viz.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engram.simulator.record.MembraneSelection;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.record.RecordingFiles.RunDirectory;
import org.engram.simulator.record.WeightTrace;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.engram.viz.raster.RasterOptions;
import org.engram.viz.raster.RasterPlot;
import org.engram.viz.trace.MembranePlot;
import org.engram.viz.weights.WeightCurves;
import org.engram.viz.weights.WeightMap;

/**
 * The entry point the command line calls after a run, and {@code engram plot}: reads a run
 * directory and writes every figure its data allows, then {@code report.html}.
 *
 * <ul>
 *   <li>{@code raster.png} (or {@code options.out()}): spike raster over the rate histogram,
 *       when any population recorded spikes;</li>
 *   <li>{@code v.png}: membrane traces, when v.csv is there;</li>
 *   <li>{@code weights-PRE-to-POST.png} per recorded projection (its label, with {@code ->} written
 *       {@code -to-} and other characters outside {@code [A-Za-z0-9_.-]} as {@code _}): the weight map
 *       at the last sample inside the window, and {@code weights-PRE-to-POST-time.png}, the weight
 *       curves, when there are two samples or more;</li>
 *   <li>{@code report.html}: summary, the same figures as inline SVG, populations and projections.</li>
 * </ul>
 * Every figure takes the raster's format (its extension). The run directory's files are those its
 * summary lists, when it has the list (an earlier run's leftovers are not this run's), and the
 * figures written into it join the list. Of v only what is drawn is read: the window, the neurons
 * chosen, and at most {@value #MAX_TRACE_SAMPLES} samples a trace, each stretch's extremes kept
 * where there are more. Bad input fails with a
 * {@link org.engram.simulator.error.UserError} naming the file: {@code RecordingFormatException} from
 * the run directory, {@link PlotException} for network.json, options and output files. Nothing
 * here calls {@code System.exit}.
 */
public final class RunPlots {
    public static final String RASTER = "raster.png";
    public static final String MEMBRANES = "v";
    public static final String REPORT = "report.html";
    /** Written by {@code engram run} beside the recording; optional. */
    public static final String NETWORK = "network.json";
    /** The most samples of v read for a trace: a few per pixel of the widest figure. */
    static final int MAX_TRACE_SAMPLES = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // figures are drawn off-screen: never ask for a display, unless the caller decided otherwise
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private RunPlots() {}

    /** {@link #writeAll(Path, PlotOptions)} with {@link PlotOptions#DEFAULT}. */
    public static List<Path> writeAll(Path dir) {
        return writeAll(dir, PlotOptions.DEFAULT);
    }

    /**
     * Writes the figures and, unless turned off, report.html; returns the files written, in order.
     * {@code options.out()} moves only the raster; the other figures and the report go into {@code dir}.
     */
    public static List<Path> writeAll(Path dir, PlotOptions options) {
        return writeAll(dir, options, dir);
    }

    /**
     * {@link #writeAll(Path, PlotOptions)} of a run directory that the report names
     * {@code shownAs}: where its files go once complete.
     */
    public static List<Path> writeAll(Path dir, PlotOptions options, Path shownAs) {
        double from = Double.isNaN(options.fromMs()) ? Double.NEGATIVE_INFINITY : options.fromMs();
        double to = Double.isNaN(options.toMs()) ? Double.POSITIVE_INFINITY : Math.max(from, options.toMs());
        RunDirectory run = RecordingFiles.read(dir, new MembraneSelection(from, to, options.populations(),
                options.neurons(), MembranePlot.DEFAULT_MAX_TRACES, MAX_TRACE_SAMPLES));
        JsonNode network = run.has(NETWORK) ? readNetwork(dir.resolve(NETWORK)) : null;
        List<MembraneTrace> traces = run.recording().membranes();
        if (!traces.isEmpty() && traces.stream().allMatch(m -> m.neurons().length == 0)) {
            throw new PlotException("none of the neurons " + options.neurons() + " had v recorded; recorded: "
                    + recordedNeurons(run.summary()));
        }
        Path raster = options.out() != null ? options.out() : dir.resolve(RASTER);
        String ext = "." + Figures.Format.of(raster).name();
        TimeWindow window = window(run.recording(), options);
        Map<String, Integer> sizes = new HashMap<>();
        run.populations().forEach(p -> sizes.put(p.label(), p.size()));
        List<Panel> panels = panels(run.recording(), sizes, options, window, dir, raster, ext);
        List<Path> written = new ArrayList<>();
        for (Panel p : panels) {
            written.add(Figures.write(p.chart(), p.file(), p.size()));
        }
        if (options.report()) {
            RunDirectory shown = new RunDirectory(shownAs, run.recording(), run.populations(), run.summary());
            written.add(HtmlReport.write(dir.resolve(REPORT), shown, network, panels, window));
        }
        if (run.files() != null) {
            List<String> inside = written.stream().filter(p -> dir.toAbsolutePath().normalize()
                    .equals(p.toAbsolutePath().normalize().getParent())).map(p -> p.getFileName().toString()).toList();
            try {
                RecordingFiles.listFiles(dir, inside);
            } catch (IOException e) {
                throw new PlotException(dir.resolve(RecordingFiles.SUMMARY) + ": cannot list the figures ("
                        + e.getMessage() + ")", e);
            }
        }
        return written;
    }

    /** The window the options ask for, defaulting to the whole run. */
    static TimeWindow window(Recording rec, PlotOptions o) {
        double end = rec.stats().simulatedMs();
        if (!(end > 0)) {
            end = lastTime(rec);
        }
        double from = Double.isNaN(o.fromMs()) ? 0 : o.fromMs();
        double to = Double.isNaN(o.toMs()) ? Math.max(end, from + 1) : o.toMs();
        return new TimeWindow(from, to);
    }

    private static double lastTime(Recording rec) {
        double t = 1;
        for (PopulationSpikes s : rec.spikes()) {
            t = s.count() == 0 ? t : Math.max(t, s.timeMs(s.count() - 1));
        }
        for (MembraneTrace m : rec.membranes()) {
            double[] ts = m.timesMs();
            t = ts.length == 0 ? t : Math.max(t, ts[ts.length - 1]);
        }
        for (WeightTrace w : rec.weights()) {
            double[] ts = w.timesMs();
            t = ts.length == 0 ? t : Math.max(t, ts[ts.length - 1]);
        }
        return t;
    }

    static List<Panel> panels(Recording rec, Map<String, Integer> sizes, PlotOptions o, TimeWindow window,
            Path dir, Path raster, String ext) {
        List<Panel> panels = new ArrayList<>();
        List<String> subset = o.populations();
        if (!rec.spikes().isEmpty()) {
            RasterOptions ro = RasterOptions.of(window).withPopulations(subset).withMaxSpikeMarks(o.maxSpikeMarks());
            RasterPlot r = RasterPlot.of(rec.spikes(), ro);
            String heading = "Spike raster" + (r.isDensity() ? " (density image: " + r.spikesShown()
                    + " spikes)" : "");
            panels.add(new Panel(heading, raster, r.chart(), o.size()));
        } else if (!subset.isEmpty()) {
            throw new PlotException("populations " + subset + " asked for, but no population recorded spikes");
        }
        List<MembraneTrace> traces = rec.membranes().stream()
                .filter(m -> subset.isEmpty() || subset.contains(m.population())).toList();
        if (!traces.isEmpty()) {
            int h = Math.min(FigureSize.MAX_PX, 140 + 260 * traces.size());
            panels.add(new Panel("Membrane potential", dir.resolve(MEMBRANES + ext),
                    MembranePlot.chart(traces, window, o.neurons(), MembranePlot.DEFAULT_MAX_TRACES),
                    o.size().withSize(o.size().widthPx(), h)));
        }
        for (WeightTrace w : rec.weights()) {
            if (!subset.isEmpty() && !subset.contains(w.prePopulation()) && !subset.contains(w.postPopulation())) {
                continue;
            }
            double[] t = w.timesMs();
            if (t.length == 0) {
                continue;
            }
            int sample = 0;
            for (int s = 0; s < t.length; s++) {
                if (t[s] <= window.toMs()) {
                    sample = s;
                }
            }
            String base = "weights-" + fileSafe(w.projection());
            int preSize = sizes.getOrDefault(w.prePopulation(), 1 + max(w.pre()));
            int postSize = sizes.getOrDefault(w.postPopulation(), 1 + max(w.post()));
            panels.add(new Panel("Weights of " + w.projection(), dir.resolve(base + ext),
                    WeightMap.chart(w, preSize, postSize, sample),
                    o.size().withSize(Math.min(o.size().widthPx(), 860), 640)));
            if (t.length >= 2) {
                panels.add(new Panel("Weights of " + w.projection() + " over time",
                        dir.resolve(base + "-time" + ext),
                        WeightCurves.chart(w, window, o.synapses(), WeightCurves.DEFAULT_MAX_CURVES),
                        o.size().withSize(o.size().widthPx(), 520)));
            }
        }
        return panels;
    }

    /** The neurons whose v the summary lists, per population: the first ten of each and their count. */
    private static List<String> recordedNeurons(JsonNode summary) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : summary == null ? List.<JsonNode>of() : summary.path("membranes")) {
            JsonNode n = m.path("neurons");
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < Math.min(10, n.size()); k++) {
                ids.add(n.get(k).asText());
            }
            out.add(m.path("population").asText() + " " + ids + (n.size() > 10 ? " of " + n.size() : ""));
        }
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int i : a) {
            m = Math.max(m, i);
        }
        return m;
    }

    static String fileSafe(String label) {
        return label.replace("->", "-to-").replaceAll("[^A-Za-z0-9_.\\-]", "_").toLowerCase(Locale.ROOT);
    }

    /** network.json as a JSON tree, or null when absent; malformed files fail naming the file. */
    static JsonNode readNetwork(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new PlotException(file + ": expected a JSON object describing the network");
            }
            for (String key : List.of("populations", "projections")) {
                if (n.has(key) && !n.get(key).isArray()) {
                    throw new PlotException(file + ": $." + key + ": expected an array");
                }
            }
            return n;
        } catch (IOException e) {
            throw new PlotException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
    }
}
