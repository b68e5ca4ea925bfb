package org.engram.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans the simulator's main sources for references between its packages (imports, static imports
 * and fully qualified names) and fails on any package cycle, naming the packages of each cycle:
 * the public face ({@code engine}) imports the engines, the engines import {@code engine.core},
 * and never the other way; {@code error} is a leaf.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java");
    static final String ROOT = "org.engram.simulator";
    static final Pattern REFERENCE = Pattern.compile("\\b(org\\.engram\\.simulator(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.containsKey(ROOT + ".engine.core"), "the scan sees the packages: " + graph.keySet());
        assertEquals(List.of(), cycles(graph), "package cycles");
    }

    @Test
    void everyPackageHasAPackageInfo() {
        List<String> missing = dependencies().keySet().stream()
                .filter(p -> !Files.exists(MAIN.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void theErrorPackageIsALeaf() {
        assertEquals(Set.of(), dependencies().get(ROOT + ".error"));
    }

    @Test
    void theDetectorFindsACycle() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", new TreeSet<>(List.of("b")));
        g.put("b", new TreeSet<>(List.of("c")));
        g.put("c", new TreeSet<>(List.of("a")));
        g.put("d", new TreeSet<>(List.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(g));
    }

    /** Package to the other simulator packages its main sources reference. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            for (Path f : sources) {
                graph.putIfAbsent(packageOf(f), new TreeSet<>());
            }
            for (Path f : sources) {
                String pkg = packageOf(f);
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("package ") || t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
                        continue; // declarations and comments may name anything
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String target = longestPackage(m.group(1), graph.keySet());
                        if (target != null && !target.equals(pkg)) {
                            graph.get(pkg).add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    static String packageOf(Path source) {
        return MAIN.relativize(source.getParent()).toString().replace('/', '.');
    }

    static String longestPackage(String reference, Set<String> packages) {
        String best = null;
        for (String p : packages) {
            if ((reference.equals(p) || reference.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component.stream().sorted().toList());
            }
        }
    }
}
