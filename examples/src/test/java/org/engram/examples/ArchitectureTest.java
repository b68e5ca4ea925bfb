package org.engram.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.engram.simulator.architecture.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * The layering of the modules and of the simulator's packages, checked on the sources' imports
 * (style.md: data flows one way; only the engine's entry point is visible outside the simulator),
 * and no package cycle among the examples' own packages.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.engram\\.[\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package (org\\.engram\\.[\\w.]+);", Pattern.MULTILINE);
    private static final List<String> ENGINE_ENTRY = List.of("org.engram.simulator.engine.Simulator",
            "org.engram.simulator.engine.Simulation", "org.engram.simulator.engine.Mode",
            "org.engram.simulator.engine.Threads");

    /** The packages that carry and run the fixed engine's cores on SpiNNaker. */
    private static final List<String> CORE_IMAGES = List.of("org.engram.spinnaker.image", "org.engram.spinnaker.coreapp",
            "org.engram.spinnaker.load");

    /** One import of one source file. */
    private record Use(Path file, String pkg, String imported) {}

    private static List<Use> uses(String module) {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        List<Use> out = new ArrayList<>();
        if (!Files.isDirectory(src)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pm = PACKAGE.matcher(text);
                String pkg = pm.find() ? pm.group(1) : "";
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    out.add(new Use(ROOT.relativize(f), pkg, m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void forbid(List<Use> uses, java.util.function.Predicate<Use> bad, String rule) {
        List<String> broken = uses.stream().filter(bad).map(u -> u.file() + " imports " + u.imported()).toList();
        assertEquals(List.of(), broken, rule);
    }

    @Test
    void theScanSeesTheSources() {
        assertTrue(uses("simulator").size() > 50, "imports found under " + ROOT);
        assertTrue(uses("examples").stream().anyMatch(u -> u.imported().startsWith("org.engram.simulator.engine.Simulator")));
    }

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(Path.of("src/main/java"), "org.engram.examples");
        assertEquals(List.of("org.engram.examples.bench", "org.engram.examples.cli"),
                List.copyOf(graph.dependencies().keySet()), "the scan sees every package");
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }

    @Test
    void outsideTheSimulatorOnlyTheEngineEntryPointIsVisible() {
        for (String module : List.of("models", "spinnaker", "viz", "examples")) {
            forbid(uses(module), u -> (u.imported().startsWith("org.engram.simulator.build.")
                            && !List.of("org.engram.spinnaker.mapping", "org.engram.spinnaker.load").contains(u.pkg()))
                    || (u.imported().startsWith("org.engram.simulator.engine.")
                            && ENGINE_ENTRY.stream().noneMatch(e -> u.imported().equals(e) || u.imported().startsWith(e + "."))
                            && !(u.imported().startsWith("org.engram.simulator.engine.fixed.")
                                    && CORE_IMAGES.contains(u.pkg()))),
                    module + " may use only Simulator, Simulation, Mode and Threads of the engine, never build (but spinnaker's"
                            + " mapping and load, which map the built network) or engine internals (but the fixed-point cores, in spinnaker's core images and"
                            + " the core application that runs them)");
        }
    }

    @Test
    void modelsSpinnakerAndVizDependOnTheSimulatorOnly() {
        for (String module : List.of("models", "spinnaker", "viz")) {
            forbid(uses(module), u -> u.imported().startsWith("org.engram.")
                    && !u.imported().startsWith("org.engram.simulator.")
                    && !u.imported().startsWith("org.engram." + module + "."),
                    module + " must not import models, spinnaker, viz or examples");
        }
    }

    @Test
    void vizReadsOnlyRecordingsAndTheDescription() {
        forbid(uses("viz"), u -> u.imported().startsWith("org.engram.simulator.")
                && !u.imported().matches("org\\.engram\\.simulator\\.(record|network|json|neuron|connector|synapse|random)\\..*")
                && !u.imported().equals("org.engram.simulator.error.UserError"),
                "viz reads only record and the description");
    }

    @Test
    void theDescriptionKnowsNothingOfHowItRuns() {
        forbid(uses("simulator"), u -> u.pkg().matches("org\\.engram\\.simulator\\.(network|neuron|connector|synapse|random)")
                && u.imported().matches("org\\.engram\\.simulator\\.(build|engine|record|json)\\..*"),
                "the description packages never import build, engine, record or json");
        forbid(uses("simulator"), u -> u.pkg().equals("org.engram.simulator.record")
                && u.imported().matches("org\\.engram\\.simulator\\.(build|engine|json)\\..*"),
                "record holds no engine reference");
        forbid(uses("simulator"), u -> u.pkg().startsWith("org.engram.simulator.engine")
                && u.imported().startsWith("org.engram.simulator.json."),
                "the engines never read JSON");
    }
}
