package org.engram.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.engram.simulator.error.UserError;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.record.RecordingFiles.PopulationInfo;
import org.engram.simulator.record.RecordingFormatException;
import org.engram.viz.Fixtures;
import org.engram.viz.Pixels;
import org.engram.viz.Svg;
import org.engram.viz.figure.FigureSize;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.Palette;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;
import org.engram.viz.raster.RasterOptions;
import org.engram.viz.raster.RasterPlot;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class RunPlotsTest {
    static final List<PopulationInfo> POPS = List.of(new PopulationInfo("exc", 8, "IF_curr_exp"),
            new PopulationInfo("inh", 2, "IF_curr_exp"));

    @TempDir
    Path dir;

    /** The fixture run written as a run directory. */
    static Path run(Path dir) throws Exception {
        RecordingFiles.write(dir, Fixtures.recording(), POPS);
        return dir;
    }

    @Test
    void writesEveryFigureTheDataAllowsAndTheReport() throws Exception {
        List<Path> written = RunPlots.writeAll(run(dir));
        assertEquals(List.of(dir.resolve("raster.png"), dir.resolve("v.png"), dir.resolve("weights-inh-to-exc.png"),
                dir.resolve("weights-inh-to-exc-time.png"), dir.resolve("report.html")), written);
        for (Path p : written) {
            assertTrue(Files.size(p) > 1000, p + " has " + Files.size(p) + " bytes");
        }
    }

    @Test
    void theRasterFileShowsTheSpikesReadBackFromSpikesCsv() throws Exception {
        RunPlots.writeAll(run(dir), PlotOptions.DEFAULT.withReport(false));
        BufferedImage png = Pixels.read(dir.resolve("raster.png"));
        assertEquals(FigureSize.DEFAULT.widthPx(), png.getWidth());
        assertEquals(FigureSize.DEFAULT.heightPx(), png.getHeight());
        // lay out the same raster from the known spikes to learn where the data area is
        ChartRenderingInfo info = new ChartRenderingInfo();
        RasterPlot expected = RasterPlot.of(List.of(Fixtures.exc(), Fixtures.inh()),
                RasterOptions.of(new TimeWindow(0, 100)));
        Figures.render(expected.chart(), FigureSize.DEFAULT, info);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        double[][] spikes = {{0, 10}, {7, 20}, {3, 35.5}, {5, 50}, {1, 70}, {6, 90}, {9, 25}, {8, 60}, {9, 80}};
        for (double[] s : spikes) {
            assertEquals(Palette.color(s[0] < 8 ? 0 : 1), Pixels.at(png, Pixels.x(area, 0, 100, s[1]),
                    Pixels.yDown(area, 0, 10, s[0] + 0.5)), "row " + s[0] + " at " + s[1] + " ms");
        }
        assertEquals(6, Pixels.blobs(png, area, Palette.color(0)));
        assertEquals(3, Pixels.blobs(png, area, Palette.color(1)));
        assertEquals(Palette.BACKGROUND, Pixels.at(png, Pixels.x(area, 0, 100, 40), Pixels.yDown(area, 0, 10, 2.5)));
    }

    @Test
    void windowSubsetAndSvgOutput() throws Exception {
        Path out = dir.resolve("figs").resolve("r.svg");
        List<Path> written = RunPlots.writeAll(run(dir), PlotOptions.DEFAULT.withWindow(30, 75)
                .withPopulations(List.of("inh")).withOut(out));
        // v.csv holds only exc, so there is no membrane figure for inh; the projection touches inh
        assertEquals(List.of(out, dir.resolve("weights-inh-to-exc.svg"), dir.resolve("weights-inh-to-exc-time.svg"),
                dir.resolve("report.html")), written);
        Document doc = Svg.parse(out);
        assertNull(Svg.byId(doc, "spikes-exc"));
        assertEquals(1, Svg.all(Svg.byId(doc, "spikes-inh"), "rect").size()); // 60 ms; 25 and 80 lie outside
    }

    @Test
    void reportHoldsSummaryTablesAndWellFormedInlineSvgs() throws Exception {
        RunPlots.writeAll(run(dir));
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        List<String> svgs = svgs(html);
        assertEquals(4, svgs.size());
        Document raster = Svg.parse(svgs.get(0));
        assertEquals(6, Svg.all(Svg.byId(raster, "spikes-exc"), "rect").size());
        assertEquals(3, Svg.all(Svg.byId(raster, "spikes-inh"), "rect").size());
        for (String svg : svgs) {
            Svg.parse(svg);
        }
        assertTrue(html.contains("<tr><th scope=\"row\">simulated_ms</th><td>100.0</td></tr>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">spikes</th><td>9</td></tr>"));
        assertTrue(html.contains("<tr><td>exc</td><td>8</td><td>IF_curr_exp</td><td>6</td><td>7.500</td></tr>"), html);
        assertTrue(html.contains("<tr><td>inh</td><td>2</td><td>IF_curr_exp</td><td>3</td><td>15</td></tr>"), html);
        assertTrue(html.contains("Unknown: network.json is absent"));
        // inline SVGs keep their definition ids apart
        assertTrue(svgs.get(0).contains("p0-") && svgs.get(1).contains("p1-"));
    }

    @Test
    void withNetworkJsonTheReportTablesItsPopulationsAndProjections() throws Exception {
        run(dir);
        Files.writeString(dir.resolve("network.json"), """
                {"seed": 7, "populations": [
                   {"label": "exc", "size": 8, "cell_type": "IF_curr_exp", "params": {"tau_m": 20.0}},
                   {"label": "inh", "size": 2, "cell_type": "IF_curr_exp"}],
                 "projections": [{"label": "inh->exc", "pre": "inh", "post": "exc",
                   "connector": {"type": "AllToAllConnector"}, "receptor": "inhibitory"}]}
                """);
        RecordingFiles.listFiles(dir, List.of("network.json"));
        RunPlots.writeAll(dir);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<tr><td>exc</td><td>8</td><td>IF_curr_exp</td><td>tau_m=20.0</td>"
                + "<td>6</td><td>7.500</td></tr>"), html);
        assertTrue(html.contains("<tr><td>inh-&gt;exc</td><td>inh</td><td>exc</td>"
                + "<td>AllToAllConnector()</td><td>inhibitory</td></tr>"), html);
    }

    @Test
    void jsonCellsReadLikePyNN() throws Exception {
        JsonNode n = new ObjectMapper().readTree("{\"type\": \"FixedNumberPre\", \"n\": 64, "
                + "\"w\": {\"distribution\": \"uniform\", \"low\": 0.1, \"high\": 0.2}, \"x\": {\"a\": 1}, \"l\": [1, 2]}");
        assertEquals("FixedNumberPre(n=64, w=uniform(low=0.1, high=0.2), x={a=1}, l=[1, 2])", HtmlReport.pretty(n, true));
        assertEquals("a=1", HtmlReport.pretty(n.get("x"), true));
        assertEquals("spikes, v", HtmlReport.pretty(new ObjectMapper().readTree("[\"spikes\", \"v\"]"), true));
    }

    static List<String> svgs(String html) {
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** An earlier run's files in the directory are not this run's: the plots and report leave them out. */
    @Test
    void onlyTheFilesTheSummaryListsAreRead() throws Exception {
        run(dir);
        Files.writeString(dir.resolve("network.json"), "{\"populations\": [");
        Files.writeString(dir.resolve("weights.csv"), "projection,pre,post,time_ms,weight\nold,0,0,0.0,1.0\n");
        Files.delete(dir.resolve("v-exc.npy"));
        Files.writeString(dir.resolve("v.csv"), "population,neuron,time_ms,v\nexc,0,0.0,-65.0\n");
        com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        summary.putArray("files").add("spikes.csv").add("summary.json");
        Files.writeString(dir.resolve("summary.json"), summary.toString());
        List<Path> written = RunPlots.writeAll(dir);
        assertEquals(List.of(dir.resolve("raster.png"), dir.resolve("report.html")), written);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Unknown: network.json is absent"), "the unlisted network.json is not read");
        assertTrue(!html.contains("Weights of"), "nor weights.csv");
        JsonNode files = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("files");
        assertEquals("[\"spikes.csv\",\"summary.json\",\"raster.png\",\"report.html\"]", files.toString(),
                "the figures written join the list");
    }

    @Test
    void missingOrMalformedInputNamesTheFile() throws Exception {
        run(dir);
        Files.delete(dir.resolve("spikes.csv"));
        RecordingFormatException missing = assertThrows(RecordingFormatException.class, () -> RunPlots.writeAll(dir));
        assertTrue(missing.getMessage().contains(dir.resolve("spikes.csv").toString()), missing.getMessage());

        Files.writeString(dir.resolve("spikes.csv"), "population,neuron,time_ms\nexc,1,10.0\nexc,two,12.0\n");
        RecordingFormatException bad = assertThrows(RecordingFormatException.class, () -> RunPlots.writeAll(dir));
        assertTrue(bad.getMessage().startsWith(dir.resolve("spikes.csv") + ": line 3:"), bad.getMessage());

        Files.writeString(dir.resolve("spikes.csv"), "population,neuron,time_ms\nexc,1,10.0\n");
        Files.writeString(dir.resolve("network.json"), "{\"populations\": [");
        RecordingFiles.listFiles(dir, List.of("network.json"));
        PlotException net = assertThrows(PlotException.class, () -> RunPlots.writeAll(dir));
        assertTrue(net.getMessage().startsWith(dir.resolve("network.json") + ": not valid JSON"), net.getMessage());
        assertTrue(net instanceof UserError);

        Files.delete(dir.resolve("network.json"));
        PlotException ext = assertThrows(PlotException.class,
                () -> RunPlots.writeAll(dir, PlotOptions.DEFAULT.withOut(dir.resolve("r.jpg"))));
        assertEquals(dir.resolve("r.jpg") + ": unsupported figure format; expected a name ending in .png or .svg",
                ext.getMessage());

        RecordingFormatException none = assertThrows(RecordingFormatException.class,
                () -> RunPlots.writeAll(dir.resolve("nope")));
        assertTrue(none.getMessage().startsWith(dir.resolve("nope").toString()), none.getMessage());

        PlotException window = assertThrows(PlotException.class,
                () -> RunPlots.writeAll(dir, PlotOptions.DEFAULT.withWindow(80, 20)));
        assertEquals("time window [80.0, 20.0] ms; expected 0 <= from < to", window.getMessage());
        assertNotNull(RunPlots.writeAll(dir, PlotOptions.DEFAULT.withWindow(80, Double.NaN)));
    }

    @Test
    void projectionLabelsBecomeSafeFileNames() {
        assertEquals("inh-to-exc", RunPlots.fileSafe("inh->exc"));
        assertEquals("ca3_rec_a_b_", RunPlots.fileSafe("CA3 rec/a:b?"));
    }
}
