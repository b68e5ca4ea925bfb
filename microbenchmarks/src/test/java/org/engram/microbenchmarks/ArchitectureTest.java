package org.engram.microbenchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.engram.simulator.architecture.PackageGraph;
import org.junit.jupiter.api.Test;

/** The microbenchmarks' packages reference each other without cycles. */
class ArchitectureTest {
    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(Path.of("src/main/java"), "org.engram.microbenchmarks");
        assertEquals(List.of("org.engram.microbenchmarks"), List.copyOf(graph.dependencies().keySet()),
                "the scan sees every package");
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }
}
