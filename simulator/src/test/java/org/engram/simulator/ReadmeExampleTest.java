package org.engram.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of the project's README.md, taken from the file as it is, compiled against
 * this module and run: it must compile, and print the spike times of a neuron that each of its
 * two inputs (arriving at 11 and 21 ms) drives past threshold.
 */
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    @Test
    void readmeExampleCompilesAndPrintsSpikesAfterEachInput() throws Exception {
        String source = javaBlockOf("## Simulating from Java", Files.readString(README));
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "the README's example is a whole class:\n" + source);
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", testClassPath(), "-d", dir.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();
        assertTrue(compiled, "README.md's example does not compile:\n" + diagnostics);

        String printed = runMain(name.group(1)).strip();
        assertTrue(printed.matches("\\[[0-9.]+(, [0-9.]+)*]"), "prints a spike list: " + printed);
        double[] spikes = Arrays.stream(printed.substring(1, printed.length() - 1).split(", "))
                .mapToDouble(Double::parseDouble).toArray();
        assertTrue(Arrays.stream(spikes).allMatch(t -> t > 11.0), "no spike before the first input: " + printed);
        assertEquals(1, Arrays.stream(spikes).filter(t -> t < 21.0).count(), "the first input fires it: " + printed);
        assertTrue(spikes[spikes.length - 1] > 21.0, "the second input fires it: " + printed);
    }

    /** The first ```java block after the given heading. */
    private static String javaBlockOf(String heading, String markdown) {
        int at = markdown.indexOf(heading);
        assertTrue(at >= 0, "README.md has no section " + heading);
        int start = markdown.indexOf("```java\n", at);
        int end = markdown.indexOf("\n```", start + 1);
        assertTrue(start >= 0 && end > start, "no java block under " + heading);
        return markdown.substring(start + "```java\n".length(), end + 1);
    }

    /** The classpath the tests run with (surefire puts it in a property; its own is one jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Runs the compiled class's main and returns what it printed. */
    private String runMain(String className) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
