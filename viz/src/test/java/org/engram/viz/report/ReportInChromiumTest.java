package org.engram.viz.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.engram.viz.Pixels;
import org.engram.viz.figure.Palette;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium (Debian's {@code chromium} package) and checks the
 * screenshot: the inline SVG figures must be displayed, which shows as pixels in the
 * populations' colours (nothing else on the page uses them) on a page that is not blank.
 * Where {@code /usr/bin/chromium} (or {@code -Dengram.chromium=PATH}) is not installed it is
 * skipped, saying why, except under {@code CI=true}, where it fails: CI installs Chromium
 * ({@code .ci/run}), so a missing browser there is a broken CI machine, not a reason to skip.
 */
class ReportInChromiumTest {
    static final long TIMEOUT_S = 60;

    @TempDir
    Path dir;

    @Test
    void reportDisplaysItsFiguresInHeadlessChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("engram.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String missing = chromium + " is not installed (apt-get install chromium, or -Dengram.chromium=PATH)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + missing + "; .ci/run installs it");
            }
            Assumptions.abort("skipped: " + missing + ", so report.html is not checked in a browser");
        }
        Path run = Files.createDirectories(dir.resolve("run"));
        RunPlotsTest.run(run);
        RunPlots.writeAll(run);
        Path shot = dir.resolve("screenshot.png");
        Path log = dir.resolve("chromium.log");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        ProcessBuilder pb = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + shot, "--window-size=1200,1600",
                run.resolve(RunPlots.REPORT).toUri().toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                fail("chromium did not finish within " + TIMEOUT_S + " s; log:\n" + tail(log));
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(shot), "chromium wrote no screenshot (exit " + p.exitValue() + "); log:\n" + tail(log));
        BufferedImage img = Pixels.read(shot);
        int exc = 0;
        int inh = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(img.getRGB(x, y));
                colours.add(c.getRGB());
                exc += Pixels.near(c, Palette.color(0), 12) ? 1 : 0;
                inh += Pixels.near(c, Palette.color(1), 12) ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 50, "the screenshot is blank: " + colours.size() + " colours");
        // six exc and three inh spike marks, their rate lines and legend squares, and the v traces
        assertTrue(exc > 200, exc + " pixels in exc's colour: the figures are not displayed");
        assertTrue(inh > 100, inh + " pixels in inh's colour: the figures are not displayed");
        System.out.printf("report.html in %s: %d colours, %d pixels in exc's colour, %d in inh's%n", chromium,
                colours.size(), exc, inh);
    }

    private static String tail(Path log) throws java.io.IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
