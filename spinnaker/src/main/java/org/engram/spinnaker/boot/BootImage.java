package org.engram.spinnaker.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@code scamp.boot} image into the boot datagrams: FLOOD_FILL_START, one
 * FLOOD_FILL_BLOCK per KiB (the last one short), FLOOD_FILL_CONTROL. Before cutting, bytes
 * 384–511 are replaced by the first 128 bytes of the system variables and every little-endian
 * word is byte-swapped into network order. The 29 868-byte image of SpiNNMan gives 32 datagrams:
 * 18, 29 × 1042, 190 and 18 bytes.
 */
public final class BootImage {
    /** The ROM loads the image into DTCM: at most 32 KiB. */
    public static final int MAX_IMAGE_BYTES = 32 * 1024;
    /** Smallest image that can hold the system variables. */
    public static final int MIN_IMAGE_BYTES = SystemVariables.IMAGE_OFFSET + SystemVariables.BOOT_SIZE;
    public static final int BLOCK_BYTES = 1024;

    private BootImage() {}

    /**
     * The datagrams that boot a board of the given version with this image.
     *
     * @throws IllegalArgumentException if the image is too small, too large, or not whole words
     */
    public static List<BootPacket> packets(byte[] image, int boardVersion, long unixTimeSeconds) {
        if (image.length < MIN_IMAGE_BYTES || image.length > MAX_IMAGE_BYTES || image.length % 4 != 0) {
            throw new IllegalArgumentException("boot image of " + image.length
                    + " bytes: expected a whole number of words between " + MIN_IMAGE_BYTES + " and "
                    + MAX_IMAGE_BYTES + " bytes (scamp.boot is 29868)");
        }
        byte[] patched = image.clone();
        System.arraycopy(SystemVariables.bootBlock(boardVersion, unixTimeSeconds), 0, patched,
                SystemVariables.IMAGE_OFFSET, SystemVariables.BOOT_SIZE);
        swapWords(patched);
        int blocks = (patched.length + BLOCK_BYTES - 1) / BLOCK_BYTES;
        List<BootPacket> out = new ArrayList<>();
        out.add(new BootPacket(BootOpCode.FLOOD_FILL_START.code, 0, 0, blocks - 1, new byte[0]));
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK_BYTES;
            int to = Math.min(patched.length, from + BLOCK_BYTES);
            byte[] data = java.util.Arrays.copyOfRange(patched, from, to);
            out.add(new BootPacket(BootOpCode.FLOOD_FILL_BLOCK.code, 255 << 8 | b, 0, 0, data));
        }
        out.add(new BootPacket(BootOpCode.FLOOD_FILL_CONTROL.code, 1, 0, 0, new byte[0]));
        return out;
    }

    /** Reverses the bytes of every 4-byte word in place (LE ↔ network order). */
    public static void swapWords(byte[] b) {
        for (int i = 0; i + 3 < b.length; i += 4) {
            byte t = b[i];
            b[i] = b[i + 3];
            b[i + 3] = t;
            t = b[i + 1];
            b[i + 1] = b[i + 2];
            b[i + 2] = t;
        }
    }
}
