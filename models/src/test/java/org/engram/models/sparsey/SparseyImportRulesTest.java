package org.engram.models.sparsey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package-info's rule: the package imports the JDK, the simulator's UserError and Commons Math's Spearman only. */
class SparseyImportRulesTest {
    private static final List<String> ALLOWED = List.of("import java.", "import org.engram.simulator.error.UserError;",
            "import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;");

    @Test
    void importsOnlyTheJdkAndUserError() throws IOException {
        List<String> bad = new ArrayList<>();
        Path root = Path.of("src/main/java/org/engram/models/sparsey");
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("import ") && ALLOWED.stream().noneMatch(line::startsWith)) {
                        bad.add(f.getFileName() + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}
