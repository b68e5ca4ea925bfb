package org.engram.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The imports the package-info allows: of Engram, only {@code UserError}; otherwise the JDK. */
class ImportRulesTest {
    private static final String ALLOWED = "import org.engram.simulator.error.UserError;";

    @Test
    void importsOnlyUserErrorAndTheJdk() throws IOException {
        Path root = Path.of("src/main/java/org/engram/models/data");
        List<String> bad = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.list(root)) {
            for (Path f : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                for (String line : Files.readAllLines(f)) {
                    String l = line.trim();
                    if (l.startsWith("import ") && !l.equals(ALLOWED) && !l.startsWith("import java.")) {
                        bad.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        assertTrue(files >= 4, "the scan sees the package's files: " + files);
        assertEquals(List.of(), bad);
    }
}
