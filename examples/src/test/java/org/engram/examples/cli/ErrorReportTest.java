package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.engram.simulator.error.InvalidNetworkException;
import org.junit.jupiter.api.Test;

/** What the command line prints and returns for each kind of failure that reaches its top. */
class ErrorReportTest {
    private record Report(int code, String text) {}

    private static Report report(Throwable e, boolean debug) {
        StringWriter s = new StringWriter();
        int code = ErrorReport.failure(e, new PrintWriter(s), debug);
        return new Report(code, s.toString());
    }

    @Test
    void userErrorsAreTheirMessageAndExitCode2() {
        assertEquals(new Report(2, "engram: net.json: $.size: size is 0\n"),
                report(new InvalidNetworkException("net.json: $.size: size is 0"), false));
        assertEquals(new Report(2, "engram: out/x: no such file\n"),
                report(new UncheckedIOException(new NoSuchFileException("out/x")), false));
        assertEquals(new Report(2, "engram: /root/a.png: permission denied\n"),
                report(new AccessDeniedException("/root/a.png"), false));
    }

    @Test
    void runningOutOfMemorySaysHowToGiveJavaMore() {
        assertEquals("out of memory (Java heap space) with a heap of at most 2,048 MB; give Java more, e.g. "
                + "ENGRAM_JAVA_OPTS=-Xmx4g", ErrorReport.outOfMemory(new OutOfMemoryError("Java heap space"), 2L << 30));
        assertEquals("out of memory with a heap of at most 1,500 MB; give Java more, e.g. ENGRAM_JAVA_OPTS=-Xmx4g",
                ErrorReport.outOfMemory(new OutOfMemoryError(), 1500L << 20));
        Report r = report(new OutOfMemoryError("Java heap space"), false);
        assertEquals(2, r.code());
        assertEquals(1, r.text().lines().count(), r.text());
    }

    @Test
    void aBugIsAnInternalErrorWithExitCode1AndATraceOnlyWhenDebugging() {
        Report r = report(new IllegalStateException("read-back differs\nfrom what was written"), false);
        assertEquals(1, r.code());
        assertEquals("engram: internal error: IllegalStateException: read-back differs; from what was written (a bug "
                + "in Engram: please report it with the command line that caused it; ENGRAM_DEBUG=1 shows where it "
                + "happened)\n", r.text());
        Report debug = report(new IllegalStateException("x"), true);
        assertEquals(1, debug.code());
        assertTrue(debug.text().lines().count() > 2, debug.text());
        assertTrue(debug.text().lines().skip(1).anyMatch(l -> l.contains("at org.engram.examples.cli.ErrorReportTest")),
                debug.text());
        assertFalse(report(new InvalidNetworkException("bad"), false).text().contains("\tat "));
    }
}
