package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.engram.models.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram hlop pmnist} on a tiny configuration: its JSON, its metrics, its plot, its bad inputs. */
class HlopCommandTest {
    private static final String[] TINY = {"hlop", "pmnist", "--tasks", "2", "--hidden", "32,32", "--train", "500",
        "--test", "200", "--timesteps", "4", "--epochs", "8", "--subspace", "40,8", "--growth", "40,8", "--seed", "11"};

    @TempDir
    Path dir;

    @Test
    void printsAnArrayOfOneObjectPerMethodWithAccAndBwtTakenFromItsMatrixAndDrawsTheCurves() throws Exception {
        Path out = dir.resolve("plots");
        Path net = dir.resolve("saved/net.json");
        CliRun run = CliRun.engram(args(TINY, "--json", "--out", out.toString(), "--save-network", net.toString(),
                "--save-digits", "30"));
        assertEquals(0, run.code(), run.err());
        JsonNode all = new ObjectMapper().readTree(run.out());
        assertTrue(all.isArray(), run.out());
        assertEquals(List.of("hlop", "baseline", "multitask"), methods(all));
        double baselineBwt = Double.NaN;
        double hlopBwt = Double.NaN;
        for (JsonNode o : all) {
            String method = o.get("method").asText();
            JsonNode m = o.get("matrix");
            int rows = method.equals("multitask") ? 1 : 2;
            assertEquals(rows, m.size(), o.toString());
            JsonNode last = m.get(rows - 1);
            assertEquals(2, last.size(), o.toString());
            double acc = (last.get(0).asDouble() + last.get(1).asDouble()) / 2;
            assertEquals(acc, o.get("acc").asDouble(), 1e-9, o.toString());
            assertTrue(acc > 30, "above the 10% of chance: " + o);
            if (rows == 1) {
                assertTrue(o.get("bwt").isNull(), o.toString());
            } else {
                assertTrue(m.get(0).get(1).isNull(), "task 1 is not scored before it is learnt: " + o);
                double bwt = m.get(1).get(0).asDouble() - m.get(0).get(0).asDouble();
                assertEquals(bwt, o.get("bwt").asDouble(), 1e-9, o.toString());
                if (method.equals("hlop")) {
                    hlopBwt = bwt;
                } else {
                    baselineBwt = bwt;
                }
            }
        }
        assertTrue(hlopBwt > baselineBwt, "HLOP BWT " + hlopBwt + " vs baseline " + baselineBwt);
        JsonNode saved = all.get(0).get("saved_network");
        assertEquals(net.toString(), saved.get("file").asText());
        assertEquals(60, saved.get("digits").asInt(), "30 test digits of each task");
        assertEquals(saved.get("trained_accuracy").asDouble(), saved.get("simulated_accuracy").asDouble(), 2.0, saved.toString());
        assertEquals(60, saved.get("same_class").asInt(), saved.toString());
        assertTrue(all.get(1).get("saved_network") == null, "the first method's network only");
        // the saved file is an ordinary network: engram run takes it
        CliRun simulated = CliRun.engram("run", net.toString(), "--mode", "grid", "--dt", "1", "--out",
                dir.resolve("run").toString(), "--quiet", "--no-plot");
        assertEquals(0, simulated.code(), simulated.err());
        assertTrue(Files.exists(dir.resolve("run/v.csv")));
        try (var files = Files.list(out)) {
            assertEquals(List.of("accuracy.png", "accuracy.svg"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String svg = Files.readString(out.resolve("accuracy.svg"));
        assertTrue(svg.contains("HLOP: tasks learnt") && svg.contains("baseline: tasks learnt"), "HLOP beside the baseline");
    }

    @Test
    void oneMethodPrintsOneObjectAndReadsADataDirectory() throws Exception {
        Path data = Files.createDirectory(dir.resolve("mnist"));
        writeBundledPrefix(data, 700);
        CliRun run = CliRun.engram(args(TINY, "--method", "baseline", "--json", "--data", data.toString()));
        assertEquals(0, run.code(), run.err());
        JsonNode o = new ObjectMapper().readTree(run.out());
        assertEquals("baseline", o.get("method").asText());
        // the same digits as the bundled ones, so the same matrix
        CliRun bundled = CliRun.engram(args(TINY, "--method", "baseline", "--json"));
        assertEquals(run.out(), bundled.out());
    }

    @Test
    void textShowsTheMatrixWithUnlearntTasksAsDashes() {
        CliRun run = CliRun.engram(args(TINY, "--method", "hlop"));
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("hlop \\([0-9.]+ s, [0-9.]+ s of CPU\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("  after task  0: +[0-9.]+ +-"), lines.get(1));
        assertTrue(lines.get(3).matches("  ACC [0-9.]+  BWT -?[0-9.]+"), lines.get(3));
    }

    @Test
    void badInputsAreOneLineExitTwoAndWriteNothing() throws IOException {
        Path out = dir.resolve("out");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no digits here");
        assertBad(empty + ": no MNIST files", "--data", empty.toString(), "--out", out.toString());

        Path wrongMagic = Files.createDirectory(dir.resolve("magic"));
        byte[] labels = idxLabels(new int[700]);
        Files.write(wrongMagic.resolve("x-images-idx3-ubyte"), labels);   // a labels file under an images name
        Files.write(wrongMagic.resolve("x-labels-idx1-ubyte"), labels);
        assertBad(wrongMagic.resolve("x-images-idx3-ubyte") + ": magic number 0x00000801 (labels); expected 0x00000803"
                + " (images)", "--data", wrongMagic.toString(), "--out", out.toString());

        Path truncated = Files.createDirectory(dir.resolve("truncated"));
        writeBundledPrefix(truncated, 700);
        Path images = truncated.resolve("t-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 100));
        assertBad(images + ": truncated: the header (700 x 28 x 28) promises 548800 payload bytes; found 548700",
                "--data", truncated.toString(), "--out", out.toString());

        Path small = Files.createDirectory(dir.resolve("small"));
        writeBundledPrefix(small, 600);
        assertBad("--train 500 plus --test 200 is more than the 600 digits in " + small, "--data", small.toString(),
                "--out", out.toString());
        assertBad("--train 9000 plus --test 2000 is more than the 10000 digits in the bundled set", "--train", "9000",
                "--test", "2000", "--out", out.toString());
        assertBad("PermutedTasks: hidden size 0; expected at least 1", "--hidden", "32,0", "--out", out.toString());
        assertBad("PermutedTasks: tasks 0; expected at least 1", "--tasks", "0");
        assertBad("PermutedTasks: timesteps 0; expected at least 1", "--timesteps", "0");
        assertBad("hlop pmnist: --method sgd; expected hlop, baseline, multitask or all", "--method", "sgd");
        assertBad("--growth: 4 values for 3 weight layers (the input and 2 hidden); expected at most one per layer",
                "--growth", "1,2,3,4");
        assertBad("Lateral: initial neurons of layer 2 0; expected at least 1", "--subspace", "10,5,0");
        assertBad("--out with --method multitask", "--method", "multitask", "--out", out.toString());
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertBad("is a file, not a directory", "--out", file.toString());
        assertBad("--save-network " + empty + ": a directory is in the way; expected a file name", "--save-network",
                empty.toString());
        assertBad("is a file, not a directory", "--save-network", file.resolve("net.json").toString());
        assertBad("--save-digits 0: expected 1 to the 200 test digits (--test)", "--save-network",
                out.resolve("net.json").toString(), "--save-digits", "0");
        assertFalse(Files.exists(out), "nothing written");
    }

    private static List<String> methods(JsonNode all) {
        List<String> out = new ArrayList<>();
        all.forEach(o -> out.add(o.get("method").asText()));
        return out;
    }

    /** {@code base} (its options given again in {@code more} left out) followed by {@code more}. */
    private static String[] args(String[] base, String... more) {
        List<String> given = Arrays.asList(more);
        List<String> out = new ArrayList<>(List.of(base[0], base[1]));
        for (int i = 2; i < base.length; i += 2) {
            if (!given.contains(base[i])) {
                out.add(base[i]);
                out.add(base[i + 1]);
            }
        }
        out.addAll(given);
        return out.toArray(new String[0]);
    }

    private static void assertBad(String message, String... options) {
        List<String> all = new ArrayList<>(Arrays.asList(options));
        all.add("--quiet");
        CliRun run = CliRun.engram(args(TINY, all.toArray(new String[0])));
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("engram: ") && run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    /** The first {@code count} bundled digits as uncompressed IDX files named as MNIST's, in {@code dir}. */
    private static void writeBundledPrefix(Path dir, int count) throws IOException {
        Mnist mnist = Mnist.bundled();
        ByteBuffer images = ByteBuffer.allocate(16 + count * 784).putInt(0x803).putInt(count).putInt(28).putInt(28);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            for (int p : mnist.pixels(i)) {
                images.put((byte) p);
            }
            labels[i] = mnist.label(i);
        }
        Files.write(dir.resolve("t-images-idx3-ubyte"), images.array());
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(idxLabels(labels));
        }
        Files.write(dir.resolve("t-labels-idx1-ubyte.gz"), packed.toByteArray());
    }

    private static byte[] idxLabels(int[] labels) {
        ByteBuffer out = ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(labels.length);
        for (int d : labels) {
            out.put((byte) d);
        }
        return out.array();
    }
}
