package org.engram.simulator.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * The packages of one module's main sources and the references between them: imports, static
 * imports and fully qualified names, outside package declarations and comments. Every module's
 * {@code ArchitectureTest} checks its own sources for package cycles with it (the simulator's
 * test jar carries it to the other modules).
 */
public final class PackageGraph {
    private final Map<String, Set<String>> edges;

    private PackageGraph(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /**
     * Scans the sources under {@code sources} (a module's {@code src/main/java}) for references
     * between the packages named {@code root} or below it.
     */
    public static PackageGraph scan(Path sources, String root) {
        Pattern reference = Pattern.compile("\\b(" + Pattern.quote(root) + "(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            for (Path f : java) {
                graph.putIfAbsent(packageOf(sources, f), new TreeSet<>());
            }
            for (Path f : java) {
                String pkg = packageOf(sources, f);
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("package ") || t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
                        continue; // declarations and comments may name anything
                    }
                    Matcher m = reference.matcher(line);
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
        return new PackageGraph(graph);
    }

    /** Package to the other packages of the scan that its sources reference, both sorted. */
    public Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> copy = new TreeMap<>();
        edges.forEach((p, to) -> copy.put(p, Collections.unmodifiableSet(new TreeSet<>(to))));
        return Collections.unmodifiableMap(copy);
    }

    /** The package cycles of the scan; see {@link #cycles(Map)}. */
    public List<List<String>> cycles() {
        return cycles(edges);
    }

    /**
     * The strongly connected components of more than one package (Tarjan's algorithm), each
     * sorted: every package of one can reach every other through references.
     */
    public static List<List<String>> cycles(Map<String, Set<String>> graph) {
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

    private static String packageOf(Path sources, Path source) {
        List<String> names = new ArrayList<>();
        sources.relativize(source.getParent()).forEach(n -> names.add(n.toString()));
        return String.join(".", names);
    }

    /** The longest of {@code packages} that {@code reference} names or lies in, or null. */
    private static String longestPackage(String reference, Set<String> packages) {
        String best = null;
        for (String p : packages) {
            if ((reference.equals(p) || reference.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }
}
