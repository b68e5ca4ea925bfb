package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.engram.spinnaker.scp.ApplicationImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngramBinaryTest {
    @Test
    void theStandInStartsWithTheMagicAndTheIdentifier() {
        byte[] b = EngramBinary.standIn();
        // "ENGR", "engram.core", NUL to byte 32
        assertEquals("454e4752" + "656e6772616d2e636f7265" + "00".repeat(17), HexFormat.of().formatHex(b, 0, 32));
        assertTrue(new String(b, 32, b.length - 32, StandardCharsets.US_ASCII).startsWith("Engram core application"));
        assertEquals(0, b.length % 4);
        assertTrue(EngramBinary.isEngram(b));
    }

    @Test
    void otherBinariesAreNotEngrams() {
        assertFalse(EngramBinary.isEngram(new ApplicationImage("engram.other", new byte[8]).encode()));
        assertFalse(EngramBinary.isEngram(Arrays.copyOf(EngramBinary.standIn(), 20)), "too short for the header");
        byte[] aplx = EngramBinary.standIn();
        aplx[0] = 1; // an APLX table starts with an op code
        assertFalse(EngramBinary.isEngram(aplx));
    }

    /** A small APLX file as mkaplx lays one out: code to ITCM 0, data to DTCM, zeroed bss, start. */
    static byte[] plainAplx() {
        ByteBuffer b = ByteBuffer.allocate(5 * 16 + 96).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2).putInt(0x0000_0000).putInt(5 * 16).putInt(64);            // RCOPY code: 80 bytes on
        b.putInt(2).putInt(0x0040_0000).putInt(4 * 16 + 64 - 16).putInt(32);   // RCOPY data
        b.putInt(3).putInt(0x0040_0020).putInt(32).putInt(0);                // FILL bss
        b.putInt(4).putInt(0x0000_0080).putInt(0).putInt(0);                 // EXEC
        b.putInt(0xFF).putInt(0).putInt(0).putInt(0);                        // END
        for (int k = 0; k < 96; k++) {
            b.put((byte) (k * 7 + 1));
        }
        return b.array();
    }

    /**
     * What SARK's APLX loader does with a file: the bytes it writes (address to value) and where
     * it starts the code. Copies and fills move whole 32-byte blocks; an unknown opcode ends it.
     */
    static Map<Long, Byte> load(byte[] aplx, long[] start) {
        ByteBuffer b = ByteBuffer.wrap(aplx).order(ByteOrder.LITTLE_ENDIAN);
        Map<Long, Byte> memory = new TreeMap<>();
        for (int entry = 0; ; entry += 16) {
            int op = b.getInt(entry);
            long to = Integer.toUnsignedLong(b.getInt(entry + 4));
            int from = b.getInt(entry + 8);
            int n = b.getInt(entry + 12);
            switch (op) {
                case 1, 2 -> {
                    int source = op == 2 ? entry + from : from;
                    for (int k = 0; k < (n + 31) / 32 * 32; k++) {
                        memory.put(to + k, aplx[source + k]);
                    }
                }
                case 3 -> {
                    for (int k = 0; k < (from + 31) / 32 * 32; k++) {
                        memory.put(to + k, (byte) (n >>> (8 * (k % 4))));
                    }
                }
                case 4 -> start[0] = to;
                default -> {
                    return memory;
                }
            }
        }
    }

    @Test
    void theArmBuildCarriesTheIdentifierAndLoadsAsBefore() {
        byte[] plain = plainAplx();
        byte[] engram = EngramBinary.aplx(plain);
        assertFalse(EngramBinary.isEngram(plain));
        assertTrue(EngramBinary.isEngram(engram));
        assertEquals(16 + plain.length, ApplicationImage.headerOffset(Arrays.copyOf(engram, 16)));
        assertEquals("02000000" + "00000000" + String.format("%02x000000", 16 + plain.length) + "20000000",
                HexFormat.of().formatHex(engram, 0, 16));
        assertArrayEquals(Arrays.copyOf(EngramBinary.standIn(), 32), Arrays.copyOfRange(engram, engram.length - 32,
                engram.length));
        long[] plainStart = {-1};
        long[] engramStart = {-1};
        Map<Long, Byte> before = load(plain, plainStart);
        Map<Long, Byte> after = load(engram, engramStart);
        assertEquals(0x80, plainStart[0]);
        assertEquals(plainStart[0], engramStart[0], "started at the same place");
        assertEquals(before, after, "the header's copy to ITCM 0 is overwritten by the code");
    }

    @Test
    void theScriptForTheToolsBuildWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "perl (which the SpiNNaker tools need) is absent");
        Path in = tmp.resolve("engram.aplx");
        Path out = tmp.resolve("engram-core.aplx");
        Files.write(in, plainAplx());
        Process p = new ProcessBuilder("perl", "src/main/c/arm/engram-aplx.pl", in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        assertArrayEquals(EngramBinary.aplx(plainAplx()), Files.readAllBytes(out));
        Files.write(in, EngramBinary.standIn());
        p = new ProcessBuilder("perl", "src/main/c/arm/engram-aplx.pl", in.toString(), out.toString())
                .redirectErrorStream(true).start();
        said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.waitFor(), said);
        assertTrue(said.contains("expected whole words and an APLX opcode 1-4"), said);
    }

    @Test
    void onlyAnAplxTableCanBeGivenTheHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngramBinary.aplx(EngramBinary.standIn()));
        assertTrue(e.getMessage().contains("expected whole words and an opcode 1-4"), e.getMessage());
    }
}
