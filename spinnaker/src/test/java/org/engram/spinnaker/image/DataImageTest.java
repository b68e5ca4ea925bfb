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
        return memory(bytes, BASE);
    }

    /** Memory holding {@code bytes} at {@code base}. */
    static DataImage.Memory memory(byte[] bytes, long base) {
        return (address, length) -> Arrays.copyOfRange(bytes, (int) (address - base), (int) (address - base) + length);
    }

    static DataImage sample() {
        return new DataImage(BASE, Arrays.asList(DataImage.Region.output(5), DataImage.Region.input(1, 2), null,
                DataImage.Region.input(0xFFFF_FFFF)));
    }

    @Test
    void theHeaderIsTheDataSpecificationLayout() {
        byte[] b = sample().toBytes();
        // the output region's 5 words are reserved, not written
        assertEquals(392 + 12, b.length);
        assertEquals(392 + 12 + 20, sample().sizeBytes());
        HexFormat hex = HexFormat.of();
        // magic and version, little-endian
        assertEquals("d60a13ad00000100", hex.formatHex(b, 0, 8));
        // region 0, output: after the input regions (0x60001188 + 12 = 0x60001194), checksum 0, 0x80000005
        assertEquals("94110060" + "00000000" + "05000080", hex.formatHex(b, 8, 20));
        // region 1: at BASE + 392 = 0x60001188, checksum 3, 2 words
        assertEquals("88110060" + "03000000" + "02000000", hex.formatHex(b, 20, 32));
        // region 2 absent: all zero
        assertEquals("000000000000000000000000", hex.formatHex(b, 32, 44));
        // region 3: after region 1's 8 bytes, checksum 0xFFFFFFFF, 1 word
        assertEquals("90110060ffffffff01000000", hex.formatHex(b, 44, 56));
        // regions 4..31 absent; the words follow the header
        assertTrue(Arrays.equals(new byte[12 * 28], Arrays.copyOfRange(b, 56, 392)));
        assertEquals("0100000002000000ffffffff", hex.formatHex(b, 392, 404));
    }

    @Test
    void readingBackGivesTheSameRegions() {
        byte[] b = sample().toBytes();
        byte[] block = Arrays.copyOf(b, (int) sample().sizeBytes());
        DataImage back = DataImage.read(memory(block), BASE, block.length);
        assertTrue(back.region(0).isOutput());
        assertEquals(5, back.region(0).sizeWords());
        assertArrayEquals(new int[] {1, 2}, back.region(1).words());
        assertNull(back.region(2));
        assertArrayEquals(new int[] {-1}, back.region(3).words());
        assertNull(back.region(4));
        assertArrayEquals(b, back.toBytes());
    }

    @Test
    void aCorruptedWordFailsItsChecksum() {
        byte[] b = Arrays.copyOf(sample().toBytes(), (int) sample().sizeBytes());
        b[392 + 4] ^= 1; // region 1's second word
        MalformedImageException e = assertThrows(MalformedImageException.class,
                () -> DataImage.read(memory(b), BASE, b.length));
        assertTrue(e.getMessage().contains("region 1 checksum"), e.getMessage());
    }

    @Test
    void aWrongMagicOrARegionOutsideTheBlockIsRefused() {
        byte[] b = Arrays.copyOf(sample().toBytes(), (int) sample().sizeBytes());
        byte[] magic = b.clone();
        magic[0] = 0;
        assertTrue(assertThrows(MalformedImageException.class, () -> DataImage.read(memory(magic), BASE, b.length))
                .getMessage().contains("magic"));
        // a block too small for the output region's space
        assertTrue(assertThrows(MalformedImageException.class, () -> DataImage.read(memory(b), BASE, b.length - 4))
                .getMessage().contains("region 0"));
    }
}
