package org.engram.viz.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.RecordingFiles.PopulationInfo;
import org.engram.simulator.record.RecordingFiles.RunDirectory;
import org.engram.simulator.record.RunStats;
import org.engram.viz.figure.Figures;
import org.engram.viz.figure.PlotException;
import org.engram.viz.figure.TimeWindow;

/**
 * {@code report.html}: one self-contained page (no scripts, no external files) with the run's
 * summary numbers, every figure as inline SVG, and the network as tables: populations (from
 * network.json when present, else from summary.json, with each one's spike count and mean rate)
 * and projections (from network.json; without it the page says the projections are unknown).
 * Every text from the files is HTML-escaped. Object-valued fields of network.json (cell
 * parameters, connectors, synapses) read as PyNN-like text: {@code FixedNumberPre(n=64, ...)}.
 */
final class HtmlReport {
    /** Longest JSON shown in a table cell before it is cut with an ellipsis. */
    static final int MAX_CELL_CHARS = 160;

    private HtmlReport() {}

    static Path write(Path file, RunDirectory run, JsonNode network, List<Panel> panels, TimeWindow window) {
        String html = html(run, network, panels, window);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PlotException(file + ": cannot write the report (" + e + ")", e);
        }
        return file;
    }

    static String html(RunDirectory run, JsonNode network, List<Panel> panels, TimeWindow window) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String name = run.dir().toAbsolutePath().normalize().getFileName() == null ? run.dir().toString()
                : run.dir().toAbsolutePath().normalize().getFileName().toString();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Engram run: ").append(esc(name)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>Engram run <code>").append(esc(name))
                .append("</code></h1>\n<p class=\"dir\">").append(esc(run.dir().toAbsolutePath().normalize()
                        .toString())).append("</p>\n");
        summary(h, run, window);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            h.append("<section class=\"figure\">\n<h2>").append(esc(p.heading())).append("</h2>\n<figure>\n")
                    .append(Figures.svgElement(p.chart(), p.size(), "p" + i + "-"))
                    .append("\n<figcaption>").append(esc(p.file().getFileName().toString()))
                    .append("</figcaption>\n</figure>\n</section>\n");
        }
        if (panels.isEmpty()) {
            h.append("<p>Nothing was recorded that can be drawn.</p>\n");
        }
        populations(h, run, network);
        projections(h, network);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, RunDirectory run, TimeWindow window) {
        Map<String, String> rows = new LinkedHashMap<>();
        if (run.summary() != null) {
            Iterator<Map.Entry<String, JsonNode>> it = run.summary().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode()) {
                    rows.put(e.getKey(), e.getValue().asText());
                }
            }
        } else {
            RunStats s = run.recording().stats();
            rows.put("simulated_ms", fmt(s.simulatedMs()));
            rows.put("neurons", Integer.toString(s.neurons()));
            rows.put("spikes", Long.toString(run.recording().spikeCount()));
            rows.put("note", "summary.json is absent; figures from spikes.csv only");
        }
        rows.put("window_ms", fmt(window.fromMs()) + " to " + fmt(window.toMs()));
        h.append("<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<tbody>\n");
        rows.forEach((k, v) -> h.append("<tr><th scope=\"row\">").append(esc(k)).append("</th><td>").append(esc(v))
                .append("</td></tr>\n"));
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void populations(StringBuilder h, RunDirectory run, JsonNode network) {
        Map<String, PopulationSpikes> spikes = new LinkedHashMap<>();
        run.recording().spikes().forEach(s -> spikes.put(s.population(), s));
        double duration = run.recording().stats().simulatedMs();
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        JsonNode pops = network == null ? null : network.get("populations");
        if (pops != null) {
            columns.addAll(keys(pops));
            for (JsonNode p : pops) {
                rows.add(cells(p, columns));
            }
        } else {
            columns.addAll(List.of("label", "size", "model"));
            for (PopulationInfo p : run.populations()) {
                rows.add(new LinkedHashMap<>(Map.of("label", p.label(), "size", Integer.toString(p.size()),
                        "model", p.model())));
            }
        }
        columns.add("spikes");
        columns.add("rate (Hz)");
        for (Map<String, String> r : rows) {
            PopulationSpikes s = spikes.get(r.getOrDefault("label", ""));
            r.put("spikes", s == null ? "not recorded" : Integer.toString(s.count()));
            r.put("rate (Hz)", s == null || !(duration > 0) ? "" : fmt(s.meanRateHz(duration)));
        }
        h.append("<section>\n<h2>Populations</h2>\n");
        if (pops == null) {
            h.append("<p class=\"note\">From summary.json (network.json is absent).</p>\n");
        }
        table(h, "populations", columns, rows);
        h.append("</section>\n");
    }

    private static void projections(StringBuilder h, JsonNode network) {
        h.append("<section>\n<h2>Projections</h2>\n");
        JsonNode prs = network == null ? null : network.get("projections");
        if (prs == null) {
            h.append("<p class=\"note\">Unknown: network.json is absent from the run directory.</p>\n");
        } else if (prs.isEmpty()) {
            h.append("<p class=\"note\">The network has no projections.</p>\n");
        } else {
            List<String> columns = new ArrayList<>(keys(prs));
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode p : prs) {
                rows.add(cells(p, columns));
            }
            table(h, "projections", columns, rows);
        }
        h.append("</section>\n");
    }

    /** The union of the entries' field names, in order of first appearance. */
    private static Set<String> keys(JsonNode array) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode e : array) {
            e.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static Map<String, String> cells(JsonNode entry, List<String> columns) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String c : columns) {
            JsonNode v = entry.get(c);
            String text = v == null || v.isNull() ? "" : pretty(v, true);
            row.put(c, text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS - 1) + "\u2026" : text);
        }
        return row;
    }

    /**
     * A JSON value as PyNN-like text: an object with a {@code type} or {@code distribution} name
     * reads {@code Name(k=v, ...)}, other objects {@code k=v, ...} (in braces when nested), arrays
     * their items joined with commas.
     */
    static String pretty(JsonNode v, boolean top) {
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(pretty(x, false)));
            return top ? String.join(", ", items) : "[" + String.join(", ", items) + "]";
        }
        String name = null;
        List<String> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (name == null && (e.getKey().equals("type") || e.getKey().equals("distribution"))
                    && e.getValue().isTextual()) {
                name = e.getValue().asText();
            } else {
                fields.add(e.getKey() + "=" + pretty(e.getValue(), false));
            }
        }
        String body = String.join(", ", fields);
        return name != null ? name + "(" + body + ")" : top ? body : "{" + body + "}";
    }

    private static void table(StringBuilder h, String cls, List<String> columns, List<Map<String, String>> rows) {
        h.append("<table class=\"").append(cls).append("\">\n<thead><tr>");
        for (String c : columns) {
            h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map<String, String> r : rows) {
            h.append("<tr>");
            for (String c : columns) {
                h.append("<td>").append(esc(r.getOrDefault(c, ""))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0;
                   background: #fafafa; }
            main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; background: #fff; }
            h1 { font-size: 1.5em; margin: 0.4em 0 0.1em; }
            h2 { font-size: 1.15em; margin: 1.4em 0 0.5em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            .dir, .note, figcaption { color: #666; font-size: 0.85em; }
            figure { margin: 0; }
            figure svg { width: 100%; height: auto; display: block; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
            thead th { background: #f0f0f0; }
            table.summary th { background: #f7f7f7; font-weight: normal; color: #555; }
            td { font-variant-numeric: tabular-nums; word-break: break-word; }
            """;
}
