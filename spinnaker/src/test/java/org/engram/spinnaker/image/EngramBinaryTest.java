package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.engram.spinnaker.scp.ApplicationImage;
import org.junit.jupiter.api.Test;

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
}
