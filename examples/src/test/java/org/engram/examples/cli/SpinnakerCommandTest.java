package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code engram spinnaker …} against an in-process emulator on an ephemeral loopback port. */
class SpinnakerCommandTest {
    static BoardEmulator emulator;
    static String port;

    @BeforeAll
    static void start() throws Exception {
        emulator = BoardEmulator.start(EmulatorOptions.ephemeral(), l -> { });
        port = Integer.toString(emulator.scpAddress().getPort());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Engram.execute(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void versionWriteAndRead() {
        Result v = run("spinnaker", "version", "--host", "127.0.0.1", "--port", port);
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("SC&MP 4.0.0 on SpiNNaker, chip (0,0) core 0"), v.out());
        assertEquals(0, run("spinnaker", "write", "--host", "127.0.0.1", "--port", port, "--chip", "2,2",
                "--address", "0x60000004", "--data", "cafe").code());
        Result r = run("spinnaker", "read", "--host", "127.0.0.1", "--port", port, "--chip", "2,2",
                "--address", "0x60000000", "--length", "8");
        assertEquals("60000000  00 00 00 00 ca fe 00 00", r.out().trim());
    }

    @Test
    void infoDiscoversTheBoard() {
        Result r = run("spinnaker", "info", "--host", "127.0.0.1", "--port", port);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("SC&MP 4.0.0; 8x8 machine, 48 chips, 856 cores"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Result a = run("spinnaker", "read", "--host", "127.0.0.1", "--port", port, "--address", "0x1000", "--length", "4");
        assertEquals(2, a.code());
        assertTrue(a.err().startsWith("engram: chip (0,0): address 0x1000 with length 4 is outside"), a.err());
        assertEquals(1, a.err().trim().lines().count());
        Result h = run("spinnaker", "version", "--host", "no-such-host.invalid");
        assertEquals(2, h.code());
        assertEquals("engram: unknown host 'no-such-host.invalid'", h.err().trim());
        Result b = run("spinnaker", "boot", "--host", "127.0.0.1", "--port", port, "--image", "/nonexistent/scamp.boot");
        assertEquals(2, b.code());
        assertEquals("engram: boot image /nonexistent/scamp.boot: no such file", b.err().trim());
        Result c = run("spinnaker", "read", "--host", "127.0.0.1", "--chip", "300,1", "--address", "0", "--length", "1");
        assertEquals(2, c.code());
    }
}
