package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DataImageTest {
    static final long BASE = 0x6000_1000L;

    /** Memory holding {@code bytes} at {@code BASE}. */
    static DataImage.Memory memory(byte[] bytes) {
        return (address, length) -> Arrays.copyOfRange(bytes, (int) (address - BASE), (int) (address - BASE) + length);
    }

    static DataImage sample() {
        return new DataImage(BASE, Arrays.asList(new int[] {1, 2}, null, new int[] {0xFFFF_FFFF}));
    }

    @Test
    void theHeaderIsTheDataSpecificationLayout() {
        byte[] b = sample().toBytes();
        assertEquals(392 + 12, b.length);
        HexFormat hex = HexFormat.of();
        // magic and version, little-endian
        assertEquals("d60a13ad00000100", hex.formatHex(b, 0, 8));
        // region 0: at BASE + 392 = 0x60001188, checksum 3, 2 words
        assertEquals("8811006003000000" + "02000000", hex.formatHex(b, 8, 20));
        // region 1 absent: all zero
        assertEquals("000000000000000000000000", hex.formatHex(b, 20, 32));
        // region 2: after region 0's 8 bytes, checksum 0xFFFFFFFF, 1 word
        assertEquals("90110060ffffffff01000000", hex.formatHex(b, 32, 44));
        // regions 3..31 absent; the words follow the header
        assertTrue(Arrays.equals(new byte[12 * 29], Arrays.copyOfRange(b, 44, 392)));
        assertEquals("0100000002000000ffffffff", hex.formatHex(b, 392, 404));
    }

    @Test
    void readingBackGivesTheSameRegions() {
        byte[] b = sample().toBytes();
        DataImage back = DataImage.read(memory(b), BASE, b.length);
        assertArrayEquals(new int[] {1, 2}, back.region(0));
        assertNull(back.region(1));
        assertArrayEquals(new int[] {-1}, back.region(2));
        assertNull(back.region(3));
        assertArrayEquals(b, back.toBytes());
    }

    @Test
    void aCorruptedWordFailsItsChecksum() {
        byte[] b = sample().toBytes();
        b[392 + 4] ^= 1; // region 0's second word
        MalformedImageException e = assertThrows(MalformedImageException.class,
                () -> DataImage.read(memory(b), BASE, b.length));
        assertTrue(e.getMessage().contains("region 0 checksum"), e.getMessage());
    }

    @Test
    void aWrongMagicOrARegionOutsideTheBlockIsRefused() {
        byte[] b = sample().toBytes();
        byte[] magic = b.clone();
        magic[0] = 0;
        assertTrue(assertThrows(MalformedImageException.class, () -> DataImage.read(memory(magic), BASE, b.length))
                .getMessage().contains("magic"));
        // a block too small for region 2's word
        assertTrue(assertThrows(MalformedImageException.class, () -> DataImage.read(memory(b), BASE, b.length - 4))
                .getMessage().contains("region 2"));
    }
}
