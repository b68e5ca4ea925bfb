package org.engram.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.engram.simulator.architecture.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * The module's import rules, read from the sources: viz sees only the simulator's recordings
 * ({@code record}), the description ({@code network}, {@code json}) and {@code UserError}, never
 * {@code build} or the engine; {@code figure} sees no other viz package; {@code raster},
 * {@code trace}, {@code weights}, {@code study} and {@code codes} see only {@code figure};
 * {@code report} sees {@code figure}, {@code raster}, {@code trace} and {@code weights}.
 * Imports and fully qualified names both count; no package cycle.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src", "main", "java");

    static final List<String> SIMULATOR_ALLOWED = List.of("org.engram.simulator.record.",
            "org.engram.simulator.network.", "org.engram.simulator.json.", "org.engram.simulator.error.UserError");

    /** Other viz packages each package may use. */
    static final Map<String, List<String>> VIZ_ALLOWED = Map.of(
            "figure", List.of(),
            "raster", List.of("figure"),
            "trace", List.of("figure"),
            "weights", List.of("figure"),
            "study", List.of("figure"),
            "codes", List.of("figure"),
            "report", List.of("figure", "raster", "trace", "weights"));

    /** Libraries each package may use (the JDK's java.* and javax.* always). */
    static final Map<String, List<String>> LIBRARIES = Map.of(
            "figure", List.of("org.jfree."),
            "raster", List.of("org.jfree."),
            "trace", List.of("org.jfree."),
            "weights", List.of("org.jfree."),
            "study", List.of("org.jfree."),
            "codes", List.of("org.jfree."),
            "report", List.of("org.jfree.", "com.fasterxml.jackson."));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.engram\\.[\\w.]+");

    /** The rule breaks in one source file of viz package {@code pkg} (the part after org.engram.viz). */
    static List<String> violations(String pkg, String source) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            if (!m.group(1).startsWith("org.engram.") && !m.group(1).startsWith("java.")
                    && !m.group(1).startsWith("javax.")
                    && LIBRARIES.getOrDefault(pkg, List.of()).stream().noneMatch(m.group(1)::startsWith)) {
                out.add(m.group(1) + " (library not allowed in " + pkg + ")");
            }
        }
        Matcher q = QUALIFIED.matcher(source);
        while (q.find()) {
            names.add(q.group());
        }
        for (String n : names) {
            if (!n.startsWith("org.engram.") || n.equals("org.engram.viz")) {
                continue;
            }
            if (n.startsWith("org.engram.viz.")) {
                String other = n.substring("org.engram.viz.".length()).split("\\.")[0];
                if (!other.equals(pkg) && VIZ_ALLOWED.containsKey(other)
                        && !VIZ_ALLOWED.getOrDefault(pkg, List.of()).contains(other)) {
                    out.add(n + " (viz." + pkg + " may not use viz." + other + ")");
                }
            } else if (SIMULATOR_ALLOWED.stream().noneMatch((n + ".")::startsWith)) {
                out.add(n + " (viz sees only " + SIMULATOR_ALLOWED + ")");
            }
        }
        return out;
    }

    @Test
    void everySourceKeepsTheImportRules() throws IOException {
        List<String> broken = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.resolve("org/engram/viz").relativize(f.getParent()).toString();
                assertTrue(VIZ_ALLOWED.containsKey(pkg), f + ": package viz." + pkg + " has no import rule here");
                for (String v : violations(pkg, Files.readString(f, StandardCharsets.UTF_8))) {
                    broken.add(f + ": " + v);
                }
                files++;
            }
        }
        assertTrue(files > 15, "scanned " + files + " files from " + MAIN.toAbsolutePath());
        assertEquals(List.of(), broken);
    }

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(MAIN, "org.engram.viz");
        assertEquals(VIZ_ALLOWED.keySet().stream().map(p -> "org.engram.viz." + p).sorted().toList(),
                List.copyOf(graph.dependencies().keySet()), "the scan sees every package");
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }

    @Test
    void everyPackageDocumentsWhatItMayImport() throws IOException {
        for (String pkg : VIZ_ALLOWED.keySet()) {
            Path info = MAIN.resolve("org/engram/viz").resolve(pkg).resolve("package-info.java");
            assertTrue(Files.exists(info), info + " is missing");
            assertTrue(Files.readString(info).contains("May import"), info + " does not say what it may import");
        }
    }

    @Test
    void theCheckCatchesForbiddenImports() {
        assertEquals(List.of("org.engram.simulator.engine.Simulator (viz sees only " + SIMULATOR_ALLOWED + ")"),
                violations("report", "package x;\nimport org.engram.simulator.engine.Simulator;\n"));
        assertEquals(1, violations("raster", "class A { org.engram.simulator.build.BuiltNetwork b; }").size());
        assertEquals(1, violations("raster", "import org.engram.viz.trace.MembranePlot;\n").size());
        assertEquals(1, violations("figure", "import org.engram.viz.raster.RasterPlot;\n").size());
        assertEquals(1, violations("trace", "import com.fasterxml.jackson.databind.JsonNode;\n").size());
        assertEquals(List.of(), violations("report", "import org.engram.viz.raster.RasterPlot;\n"
                + "import org.engram.simulator.record.Recording;\nimport org.engram.simulator.error.UserError;\n"
                + "import com.fasterxml.jackson.databind.JsonNode;\nimport java.util.List;\n"));
    }
}
