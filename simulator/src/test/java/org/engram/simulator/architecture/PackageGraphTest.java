package org.engram.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageGraphTest {
    @TempDir
    Path tmp;

    private void source(String pkg, String name, String body) throws Exception {
        Path dir = tmp.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), "package " + pkg + ";\n\n" + body);
    }

    @Test
    void theDetectorFindsACycle() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", new TreeSet<>(List.of("b")));
        g.put("b", new TreeSet<>(List.of("c")));
        g.put("c", new TreeSet<>(List.of("a")));
        g.put("d", new TreeSet<>(List.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), PackageGraph.cycles(g));
    }

    @Test
    void importsAndQualifiedNamesAreEdgesAndCommentsAreNot() throws Exception {
        source("x.app", "A", "import x.app.core.B;\nimport static x.app.util.C.twice;\n\nclass A {}\n");
        source("x.app.core", "B", "/** Used by {@link x.app.A}. */\nclass B {\n    // x.app.util.C would be a cycle\n"
                + "    int n = x.app.util.C.twice(1);\n}\n");
        source("x.app.util", "C", "/*\n * x.app.core.B\n */\nclass C {\n    static int twice(int n) {\n"
                + "        return 2 * n;\n    }\n}\n");
        PackageGraph g = PackageGraph.scan(tmp, "x.app");
        assertEquals(Map.of("x.app", Set.of("x.app.core", "x.app.util"), "x.app.core", Set.of("x.app.util"),
                "x.app.util", Set.of()), g.dependencies());
        assertEquals(List.of(), g.cycles());
    }

    @Test
    void aReferenceBackIsACycle() throws Exception {
        source("x.app", "A", "import x.app.core.B;\n\nclass A {}\n");
        source("x.app.core", "B", "class B {\n    x.app.A a;\n}\n");
        source("x.app.util", "C", "class C {\n    x.app.core.B b;\n}\n");
        assertEquals(List.of(List.of("x.app", "x.app.core")), PackageGraph.scan(tmp, "x.app").cycles());
    }
}
