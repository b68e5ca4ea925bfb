package org.engram.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.engram.simulator.architecture.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * The models' packages reference each other without cycles (one model may build on another's
 * description, never both ways); the imports each may use are {@code ca3.ImportRulesTest}'s.
 */
class ArchitectureTest {
    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(Path.of("src/main/java"), "org.engram.models");
        assertTrue(graph.dependencies().containsKey("org.engram.models.ca3"), "the scan sees the packages: "
                + graph.dependencies().keySet());
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }
}
