package org.engram.spinnaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.engram.simulator.architecture.PackageGraph;
import org.junit.jupiter.api.Test;

/**
 * Scans the main sources for references to other packages (imports and fully qualified names)
 * and fails on any a package's {@code package-info.java} does not allow: codecs see no sockets,
 * host code never sees the emulator, the emulator never sees the transceiver, the mapping sees
 * the machine model and the simulator's description and build, nothing that talks to a board;
 * core images see the mapping and the fixed engine; the core application the emulator's hook;
 * the spalloc client sees Netty, the machine model and the board addresses a transceiver opens.
 * And no package cycle, whatever the rules allow.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java/org/engram/spinnaker");
    static final String SP = "org.engram.spinnaker.";
    static final List<String> CODECS = List.of(SP + "machine", SP + "sdp", SP + "scp", SP + "boot", SP + "eieio");
    static final String SIM = "org.engram.simulator.";

    /** Allowed prefixes per package, besides java.* and the package itself. */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("machine", List.of()),
            Map.entry("sdp", with(CODECS, "io.netty.buffer.")),
            Map.entry("scp", with(CODECS, "io.netty.buffer.")),
            Map.entry("boot", with(CODECS, "io.netty.buffer.")),
            Map.entry("eieio", with(CODECS, "io.netty.buffer.")),
            Map.entry("transport", with(CODECS, "io.netty.", "org.engram.simulator.error.UserError")),
            Map.entry("transceiver", with(CODECS, SP + "transport", "org.engram.simulator.error.UserError")),
            Map.entry("emulator", with(CODECS, "io.netty.")),
            Map.entry("mapping", List.of(SP + "machine", SIM + "network", SIM + "neuron", SIM + "synapse",
                    SIM + "connector", SIM + "random", SIM + "build", SIM + "error.UserError")),
            Map.entry("image", with(CODECS, SP + "mapping.", SIM + "error.", SIM + "network.", SIM + "engine.fixed.")),
            Map.entry("coreapp", with(CODECS, SP + "emulator.", SP + "image.", SIM + "engine.fixed.")),
            Map.entry("spalloc", List.of("io.netty.", SP + "machine", SP + "transceiver.BoardAddress",
                    SIM + "error.UserError")),
            Map.entry("load", List.of(SP + "machine", SP + "scp", SP + "image", SP + "mapping", SP + "transceiver",
                    SIM + "error.", SIM + "network.", SIM + "build.", SIM + "record.", SIM + "engine.fixed.")));

    static List<String> with(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }

    static final Pattern REFERENCE = Pattern.compile("\\b((?:org\\.engram|io\\.netty)(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    @Test
    void everyPackageHasAPackageInfoAndKeepsToItsImports() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var e : ALLOWED.entrySet()) {
            Path dir = MAIN.resolve(e.getKey());
            assertTrue(Files.exists(dir.resolve("package-info.java")), e.getKey() + " lacks package-info.java");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("package ") || line.trim().startsWith("*") || line.trim().startsWith("/**")) {
                            continue; // declarations and javadoc may name anything
                        }
                        Matcher m = REFERENCE.matcher(line);
                        while (m.find()) {
                            String ref = m.group(1);
                            if (ref.startsWith(SP + e.getKey() + ".") || ref.equals(SP + e.getKey())) {
                                continue;
                            }
                            boolean ok = e.getValue().stream().anyMatch(ref::startsWith);
                            if (!ok) {
                                violations.add(f.getFileName() + " (" + e.getKey() + ") uses " + ref);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.scan(Path.of("src/main/java"), "org.engram.spinnaker");
        assertEquals(ALLOWED.keySet().stream().map(p -> SP + p).sorted().toList(),
                List.copyOf(graph.dependencies().keySet()), "the scan sees every package");
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }

    @Test
    void theScanSeesEveryPackage() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertEquals(ALLOWED.keySet().stream().sorted().toList(),
                    dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList(),
                    "a new package needs its rule here");
        }
    }

    @Test
    void theScanCatchesAForbiddenImport() {
        Matcher m = REFERENCE.matcher("import org.engram.spinnaker.emulator.BoardEmulator;");
        assertTrue(m.find());
        String ref = m.group(1);
        assertTrue(ALLOWED.get("transceiver").stream().noneMatch(ref::startsWith));
        Matcher n = REFERENCE.matcher("import io.netty.channel.Channel;");
        assertTrue(n.find());
        assertTrue(ALLOWED.get("scp").stream().noneMatch(n.group(1)::startsWith));
        for (String forbidden : List.of(SP + "transceiver.Transceiver", SP + "transport.ScpConnection",
                SP + "emulator.BoardEmulator", SIM + "engine.Simulator", SIM + "engine.event.EventEngine")) {
            assertTrue(ALLOWED.get("mapping").stream().noneMatch(forbidden::startsWith), forbidden);
        }
    }
}
