package org.engram.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scans the simulator's main sources for references between its packages (imports, static imports
 * and fully qualified names; {@link PackageGraph}) and fails on any package cycle, naming the
 * packages of each cycle: the public face ({@code engine}) imports the engines, the engines import
 * {@code engine.core}, and never the other way; {@code error} is a leaf.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java");
    static final String ROOT = "org.engram.simulator";

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(MAIN, ROOT);
        assertTrue(graph.dependencies().containsKey(ROOT + ".engine.core"), "the scan sees the packages: "
                + graph.dependencies().keySet());
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }

    @Test
    void everyPackageHasAPackageInfo() {
        List<String> missing = PackageGraph.scan(MAIN, ROOT).dependencies().keySet().stream()
                .filter(p -> !Files.exists(MAIN.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void theErrorPackageIsALeaf() {
        assertEquals(Set.of(), PackageGraph.scan(MAIN, ROOT).dependencies().get(ROOT + ".error"));
    }
}
