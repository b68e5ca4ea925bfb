package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.engram.models.ca3.Experiments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command, given bad arguments, fails the same way: exit code 2, one line on standard error
 * starting {@code engram: }, no exception class, no Java package, no usage text, nothing on
 * standard output, and nothing written.
 *
 * <p>The commands are discovered from picocli's command tree, so a new command is covered by the
 * cases every command gets (an unknown option, its required arguments missing, a word for each
 * numeric option); the cases after those are the known hard ones (out-of-range values,
 * nonexistent files, inconsistent options). All run in one JVM whose working directory is an
 * empty directory ({@link CliCases}), so that a file written under a relative name is seen too;
 * a case that gives {@code --out} gives {@code out}, which must not appear.
 */
class CommandErrorsTest {
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final Set<Class<?>> NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class);

    @TempDir
    static Path inputs;

    @TempDir
    static Path work;

    private static Path net;
    private static Path bench;
    private static Path runDir;

    /** One bad command line and a word its message must hold (empty: any message). */
    private record Case(String name, List<String> args, String expected) {}

    @BeforeAll
    static void inputs() throws Exception {
        net = inputs.resolve("net.json");
        Files.writeString(net, CommandLineTest.ONE_SYNAPSE);
        bench = inputs.resolve("bench.json");
        Files.writeString(bench, Experiments.functional().toTestBench().toJson());
        runDir = inputs.resolve("run");
        CliRun r = engram("run", net.toString(), "--out", runDir.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
    }

    /** Every command of the tree, each once (picocli lists a command under each of its names). */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(new CommandLine(new Engram()), all, seen);
        return all;
    }

    private static void walk(CommandLine c, List<CommandLine> all, Set<CommandLine> seen) {
        if (seen.add(c)) {
            all.add(c);
            c.getSubcommands().values().forEach(s -> walk(s, all, seen));
        }
    }

    /** The words that invoke {@code c}: "spinnaker", "version" for {@code engram spinnaker version}. */
    private static List<String> path(CommandLine c) {
        List<String> words = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName(" ").split(" ")));
        return words.subList(1, words.size());
    }

    private static List<String> line(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all;
    }

    static List<Case> everyCommandCases() {
        List<Case> cases = new ArrayList<>();
        for (CommandLine c : commands()) {
            CommandSpec spec = c.getCommandSpec();
            List<String> path = path(c);
            String name = String.join(" ", line(List.of("engram"), path.toArray(String[]::new)));
            List<String> out = spec.findOption("--out") != null ? List.of("--out", "out") : List.of();
            List<String> base = line(path, out.toArray(String[]::new));
            cases.add(new Case(name + ": unknown option", line(base, "--no-such-option"), "--no-such-option"));
            boolean required = spec.options().stream().anyMatch(o -> o.required() && !o.longestName().equals("--out"))
                    || spec.positionalParameters().stream().anyMatch(p -> p.required())
                    || spec.argGroups().stream().anyMatch(g -> g.multiplicity().min() > 0);
            if (required) {
                cases.add(new Case(name + ": required arguments missing", base, "missing"));
            }
            for (OptionSpec o : spec.options()) {
                Class<?> t = o.type().isArray() ? o.type().getComponentType() : o.type();
                if (NUMBERS.contains(t)) {
                    cases.add(new Case(name + " " + o.longestName() + " abc", line(base, o.longestName(), "abc"),
                            o.longestName()));
                }
            }
        }
        return cases;
    }

    static List<Case> knownCases() {
        String n = net.toString();
        String b = bench.toString();
        String d = runDir.toString();
        List<Case> cases = new ArrayList<>();
        // the commands' own rules, out of range
        cases.add(new Case("core 40", List.of("spinnaker", "version", "--host", "127.0.0.1", "--core", "40"), "--core"));
        cases.add(new Case("core -1", List.of("spinnaker", "version", "--host", "127.0.0.1", "--core", "-1"), "--core"));
        cases.add(new Case("chip 300,1", List.of("spinnaker", "version", "--host", "127.0.0.1", "--chip", "300,1"),
                "--chip"));
        cases.add(new Case("timeout 0", List.of("spinnaker", "version", "--host", "127.0.0.1", "--timeout-ms", "0"),
                "--timeout-ms"));
        cases.add(new Case("retries -1", List.of("spinnaker", "info", "--host", "127.0.0.1", "--retries", "-1"),
                "--retries"));
        cases.add(new Case("port 0", List.of("spinnaker", "info", "--host", "127.0.0.1", "--port", "0"), "--port"));
        cases.add(new Case("mib 0", List.of("spinnaker", "bench", "--host", "127.0.0.1", "--mib", "0"), "--mib"));
        cases.add(new Case("iptag --set without --target", List.of("spinnaker", "iptag", "--host", "127.0.0.1", "--set",
                "1"), "--target"));
        cases.add(new Case("iptag --set and --clear", List.of("spinnaker", "iptag", "--host", "127.0.0.1", "--set",
                "1", "--target", "127.0.0.1:9", "--clear", "2"), "--clear"));
        cases.add(new Case("data abc", List.of("spinnaker", "write", "--host", "127.0.0.1", "--address", "0x60000000",
                "--data", "abc"), "odd number of hex digits"));
        cases.add(new Case("data zz", List.of("spinnaker", "write", "--host", "127.0.0.1", "--address", "0x60000000",
                "--data", "zz"), "'zz' is not hexadecimal"));
        cases.add(new Case("address -1", List.of("spinnaker", "read", "--host", "127.0.0.1", "--address", "-1",
                "--length", "4"), "--address"));
        cases.add(new Case("boards 2", List.of("board-emulator", "--boards", "2"), "--boards"));
        cases.add(new Case("deploy: spalloc without owner", List.of("deploy", n, "--out", "out", "--spalloc",
                "127.0.0.1"), "--owner"));
        cases.add(new Case("deploy: owner without spalloc", List.of("deploy", n, "--out", "out", "--owner", "me"),
                "--owner belongs to --spalloc"));
        cases.add(new Case("deploy: emulator of 2 boards", List.of("deploy", n, "--out", "out", "--boards", "2"),
                "--boards 2"));
        cases.add(new Case("deploy: boards of one host", List.of("deploy", n, "--out", "out", "--host", "127.0.0.1",
                "--boards", "3"), "--boards 3"));
        cases.add(new Case("deploy: host and spalloc", List.of("deploy", n, "--out", "out", "--host", "127.0.0.1",
                "--spalloc", "127.0.0.1", "--owner", "me"), "--spalloc"));
        cases.add(new Case("deploy: triads 2by1", List.of("deploy", n, "--out", "out", "--spalloc", "127.0.0.1",
                "--owner", "me", "--triads", "2by1"), "--triads 2by1"));
        cases.add(new Case("deploy: boards and triads", List.of("deploy", n, "--out", "out", "--spalloc", "127.0.0.1",
                "--owner", "me", "--boards", "3", "--triads", "1x1"), "--triads"));
        cases.add(new Case("deploy: keepalive 0", List.of("deploy", n, "--out", "out", "--spalloc", "127.0.0.1",
                "--owner", "me", "--keepalive", "0"), "--keepalive"));
        cases.add(new Case("deploy: unknown spalloc host", List.of("deploy", n, "--out", "out", "--spalloc",
                "no-such-host.invalid", "--owner", "me"), "unknown spalloc host 'no-such-host.invalid'"));
        cases.add(new Case("drop 1.5", List.of("board-emulator", "--drop", "1.5"), "--drop"));
        cases.add(new Case("mode fast", List.of("run", n, "--out", "out", "--mode", "fast"), "'fast' is not a mode"));
        cases.add(new Case("dt in event mode", List.of("run", n, "--out", "out", "--dt", "0.1"), "--dt"));
        cases.add(new Case("dt 0", List.of("run", n, "--out", "out", "--mode", "grid", "--dt", "0"), "--dt"));
        cases.add(new Case("time -1", List.of("run", n, "--out", "out", "--time", "-1"), "--time"));
        cases.add(new Case("threads 0", List.of("run", n, "--out", "out", "--threads", "0"), "'0' is not a number of threads"));
        cases.add(new Case("threads x", List.of("run", n, "--out", "out", "--threads", "x"), "'x' is not a number of threads"));
        cases.add(new Case("demo: threads -2", List.of("demo", "--threads", "-2"), "--threads"));
        cases.add(new Case("bench: threads 1.5", List.of("bench", "cuba", "--threads", "1.5"), "'1.5' is not a number"));
        cases.add(new Case("run: two networks", List.of("run", n, n, "--out", "out"), n));
        cases.add(new Case("demo: dt in event mode", List.of("demo", "--out", "out", "--dt", "0.1"), "--dt"));
        cases.add(new Case("demo: default out", List.of("demo", "--mode", "nosuch"), "--mode"));
        cases.add(new Case("ca3 alone", List.of("ca3"), "subcommand"));
        cases.add(new Case("ca3 demo: dt in event mode", List.of("ca3", "demo", "--mode", "event", "--dt", "1", "--out",
                "out"), "--dt"));
        cases.add(new Case("ca3 study: size 0", List.of("ca3", "study", "--cue-sizes", "0"), "--cue-sizes"));
        cases.add(new Case("ca3 study: figure format", List.of("ca3", "study", "--cue-sizes", "3", "--cont-sizes", "4",
                "--csv", "rows.csv", "--plot", "study.txt"), "study.txt"));
        cases.add(new Case("ca3: two old actions", List.of("ca3", "--demo", "--study"), "--demo"));
        cases.add(new Case("ca3: old spelling, unknown option", List.of("ca3", "--testbench", b, "--out", "out",
                "--nope"), "--nope"));
        cases.add(new Case("ca3: old spelling, both, bad mode", List.of("ca3", "--testbench", b, "--save-network",
                "net.json", "--out", "out", "--mode", "fast"), "--mode"));
        cases.add(new Case("bench: unknown", List.of("bench", "vogels"), "vogels"));
        cases.add(new Case("bench: 5 neurons", List.of("bench", "cuba", "--neurons", "5"), "--neurons"));
        cases.add(new Case("bench: time 0", List.of("bench", "cuba", "--time", "0"), "--time"));
        cases.add(new Case("bench: boards 2", List.of("bench", "cuba", "--deploy", "--boards", "2"), "--boards 2"));
        cases.add(new Case("bench: boards without deploy", List.of("bench", "cuba", "--boards", "3"),
                "belong to --deploy"));
        cases.add(new Case("compare: tolerance -1", List.of("compare", d, d, "--tolerance", "-1"), "--tolerance"));
        cases.add(new Case("plot: width 0", List.of("plot", d, "--out", "out/r.png", "--width", "0"), "0"));
        cases.add(new Case("plot: unknown population", List.of("plot", d, "--out", "out/r.png", "--populations",
                "nope"), "nope"));
        cases.add(new Case("plot: empty window", List.of("plot", d, "--out", "out/r.png", "--from", "10", "--to", "5"),
                "10"));
        cases.add(new Case("plot: format", List.of("plot", d, "--out", "r.txt"), "r.txt"));
        cases.add(new Case("plot: a file where a directory should be", List.of("plot", d, "--out",
                net.resolve("r.png").toString()), "a file is in the way"));
        cases.add(new Case("unknown command", List.of("rnu"), "unknown command 'rnu'"));
        cases.add(new Case("help for an unknown command", List.of("help", "nosuch"), "nosuch"));
        // nonexistent files
        cases.add(new Case("run: no network", List.of("run", "missing.json", "--out", "out"), "missing.json"));
        cases.add(new Case("ca3 run: no bench", List.of("ca3", "run", "--testbench", "missing.json", "--out", "out"),
                "missing.json"));
        cases.add(new Case("ca3: old spelling, no bench", List.of("ca3", "--testbench", "missing.json", "--out", "out"),
                "missing.json"));
        cases.add(new Case("ca3 save: no bench", List.of("ca3", "save", "--testbench", "missing.json", "--out",
                "net.json"), "missing.json"));
        cases.add(new Case("plot: no directory", List.of("plot", "missing-dir"), "missing-dir"));
        cases.add(new Case("compare: no directory", List.of("compare", "missing-a", d), "missing-a"));
        cases.add(new Case("write: no input", List.of("spinnaker", "write", "--host", "127.0.0.1", "--address",
                "0x60000000", "--input", "missing.bin"), "missing.bin"));
        cases.add(new Case("boot: no image", List.of("spinnaker", "boot", "--host", "127.0.0.1", "--image",
                "missing.boot"), "missing.boot"));
        return cases;
    }

    @Test
    void theTreeHoldsEveryCommand() {
        List<String> names = commands().stream().map(c -> c.getCommandSpec().qualifiedName(" ")).toList();
        for (String c : List.of("engram", "engram run", "engram ca3 run", "engram ca3 save", "engram spinnaker version",
                "engram spinnaker iptag", "engram board-emulator", "engram compare")) {
            assertTrue(names.contains(c), c + " in " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadCommandLineIsOneLineExitTwoAndWritesNothing() throws Exception {
        List<Case> cases = new ArrayList<>(everyCommandCases());
        cases.addAll(knownCases());
        List<CliCases.Result> results = runInEmptyDirectory(cases);
        assertEquals(cases.size(), results.size());
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).name(),
                () -> check(cases.get(i), results.get(i))));
    }

    private static void check(Case c, CliCases.Result r) {
        String what = String.join(" ", c.args()) + "\nstdout: " + r.out() + "\nstderr: " + r.err();
        assertEquals(2, r.code(), what);
        assertEquals(1, r.err().lines().count(), "one line: " + what);
        assertTrue(r.err().startsWith(ErrorReport.PREFIX) && r.err().endsWith("\n"), what);
        assertTrue(r.err().contains(c.expected()), "names " + c.expected() + ": " + what);
        assertFalse(EXCEPTION_CLASS.matcher(r.err()).find(), "no exception class: " + what);
        assertFalse(JAVA_NAME.matcher(r.err()).find(), "no Java name: " + what);
        assertFalse(r.err().contains("Usage:") || r.err().contains("--help]"), "no usage: " + what);
        assertEquals("", r.out(), "nothing on standard output: " + what);
        assertEquals(List.of(), r.written(), "nothing written: " + what);
    }

    /** Runs the cases through {@link CliCases} in a fresh JVM whose working directory is {@link #work}. */
    private static List<CliCases.Result> runInEmptyDirectory(List<Case> cases) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path in = inputs.resolve("cases.json");
        Path out = inputs.resolve("results.json");
        json.writeValue(in.toFile(), cases.stream().map(Case::args).toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), CliCases.class.getName(), in.toString(), out.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(inputs.resolve("jvm.log").toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the cases did not finish within 5 minutes: " + Files.readString(
                    inputs.resolve("jvm.log")));
        }
        assertEquals(0, p.exitValue(), Files.readString(inputs.resolve("jvm.log")));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the working directory is empty at the end");
        }
        return List.of(json.readValue(out.toFile(), CliCases.Result[].class));
    }
}
