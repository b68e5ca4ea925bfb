package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The imports allowed by the package-info: the simulator's description and entry point only. */
class ImportRulesTest {
    private static final List<String> FORBIDDEN = List.of("org.engram.simulator.build", "org.engram.simulator.engine.grid",
            "org.engram.simulator.engine.event", "org.engram.simulator.engine.fixed", "org.engram.spinnaker",
            "org.engram.viz", "org.engram.examples");

    @Test
    void mainCodeImportsNeitherEngineInternalsNorSiblingModules() throws IOException {
        List<String> bad = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    for (String pkg : FORBIDDEN) {
                        if (line.contains(pkg + ".") || line.contains(pkg + ";")) {
                            bad.add(root.relativize(f) + ":" + (i + 1) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}
