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
        Result w = run("spinnaker", "write", "--host", "127.0.0.1", "--port", port, "--chip", "2,2",
                "--address", "0x60000004", "--data", "cafe");
        assertEquals(0, w.code(), w.err());
        assertEquals("wrote 2 bytes to chip (2,2) at 0x60000004", w.out().trim());
        Result r = run("spinnaker", "read", "--host", "127.0.0.1", "--port", port, "--chip", "2,2",
                "--address", "0x60000000", "--length", "8");
        assertEquals("60000000  00 00 00 00 ca fe 00 00", r.out().trim());
    }

    @Test
    void oneByteIsWrittenAsOneByte() {
        Result w = run("spinnaker", "write", "--host", "127.0.0.1", "--port", port, "--address", "0x60000010",
                "--data", "ab");
        assertEquals(0, w.code(), w.err());
        assertEquals("wrote 1 byte to chip (0,0) at 0x60000010", w.out().trim());
    }

    @Test
    void iptagSaysWhenNoTagIsSetAndListsATagOnceSet() {
        String[] board = {"--host", "127.0.0.1", "--port", port};
        Result empty = run(cat(new String[] {"spinnaker", "iptag"}, board));
        assertEquals(0, empty.code(), empty.err());
        assertEquals("no IP tags set", empty.out().trim());
        Result set = run(cat(new String[] {"spinnaker", "iptag", "--set", "3", "--target", "127.0.0.1:9999"}, board));
        assertEquals(0, set.code(), set.err());
        assertEquals("tag 3 -> 127.0.0.1:9999", set.out().trim());
        Result one = run(cat(new String[] {"spinnaker", "iptag"}, board));
        assertTrue(one.out().trim().matches("tag  3 +127\\.0\\.0\\.1:9999  sent 0 packets"), one.out());
        assertEquals(0, run(cat(new String[] {"spinnaker", "iptag", "--clear", "3"}, board)).code());
        assertEquals("no IP tags set", run(cat(new String[] {"spinnaker", "iptag"}, board)).out().trim());
    }

    private static String[] cat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A core or chip outside the machine's numbering is an option error; one the board lacks, the board's. */
    @Test
    void versionOfACoreOrChipThatIsNotThereIsOneLine() {
        for (String core : new String[] {"40", "-1"}) {
            Result r = run("spinnaker", "version", "--host", "127.0.0.1", "--port", port, "--core", core);
            assertEquals(2, r.code(), r.err());
            assertEquals("engram: invalid value for option '--core': '" + core + "' is not a core number; expected "
                    + "0..31 (0 is the monitor, SCAMP) (see 'engram spinnaker version --help')", r.err().trim());
        }
        Result chip = run("spinnaker", "version", "--host", "127.0.0.1", "--port", port, "--chip", "99,99");
        assertEquals(2, chip.code(), chip.err());
        assertEquals("engram: CMD_VER to core (99,99,0) of board 127.0.0.1:" + port + ": RC_ROUTE after 1 attempt (there is no chip (99,99) on the board)",
                chip.err().trim());
        Result absent = run("spinnaker", "version", "--host", "127.0.0.1", "--port", port, "--core", "20");
        assertEquals(2, absent.code(), absent.err());
        assertTrue(absent.err().startsWith("engram: CMD_VER to core (0,0,20) of board ") && absent.err().contains(
                "RC_CPU"), absent.err());
        assertEquals(1, absent.err().lines().count(), absent.err());
    }

    @Test
    void infoDiscoversTheBoard() {
        Result r = run("spinnaker", "info", "--host", "127.0.0.1", "--port", port);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("SC&MP 4.0.0; 8x8 machine, 48 chips, 856 cores"), r.out());
        Result one = run("spinnaker", "info", "--host", "127.0.0.1", "--port", port, "--chip", "1,1");
        assertTrue(one.out().startsWith("chip (1,1)   cores 17  links 0x3F"), one.out());
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
