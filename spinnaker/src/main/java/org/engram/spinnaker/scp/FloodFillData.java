package org.engram.spinnaker.scp;

import java.util.Arrays;
import org.engram.spinnaker.machine.ChipLocation;

/**
 * CMD_FFD ({@code cmd_ffd()} in scamp-cmd.c): one block of a flood fill, which the chip floods as
 * block-start, one data packet per word and block-end NN packets; every chip in the flood fill
 * {@code id} stores the words at {@code address}. SpiNNMan's {@code FloodFillData}.
 *
 * <pre>
 * arg1 [31:24] links to pass it on | [23:16] retry | [7:0] flood-fill id (compared without bit 0)
 * arg2 [23:16] block number | [15:8] words − 1
 * arg3 load address
 * data the words (4–256 bytes)
 * </pre>
 */
public record FloodFillData(ChipLocation chip, int id, int block, long address, byte[] data)
        implements MonitorCommand {
    /** SpiNNMan's links (all six) and retry for blocks. */
    public static final int FORWARD_RETRY = NearestNeighbourPacket.ALL_LINKS << 8 | 0x1E;

    public FloodFillData {
        Checks.range("CMD_FFD", "id", id, 0, 255);
        Checks.range("CMD_FFD", "block", block, 0, 255);
        Checks.address("CMD_FFD", address);
        Checks.range("CMD_FFD", "length", data.length, 4, ScpMessage.MAX_DATA);
        if (data.length % 4 != 0 || address % 4 != 0) {
            throw new IllegalArgumentException("CMD_FFD: address and length must be multiples of 4");
        }
    }

    /** The blocks of a flood fill of {@code image} (a multiple of 4 bytes) to {@code address}. */
    public static FloodFillData[] blocks(int id, long address, byte[] image) {
        int n = (image.length + ScpMessage.MAX_DATA - 1) / ScpMessage.MAX_DATA;
        FloodFillData[] out = new FloodFillData[n];
        for (int b = 0; b < n; b++) {
            int from = b * ScpMessage.MAX_DATA;
            out[b] = new FloodFillData(ChipLocation.ZERO, id, b, address + from,
                    Arrays.copyOfRange(image, from, Math.min(image.length, from + ScpMessage.MAX_DATA)));
        }
        return out;
    }

    /** The links arg1 says to send the block on. */
    public static int linksOf(int arg1) {
        return arg1 >>> 24;
    }

    /** The flood-fill id of arg1, as a chip keeps it (7 bits). */
    public static int idOf(int arg1) {
        return (arg1 & 0xFE) >>> 1;
    }

    /** The block number of arg2. */
    public static int blockOf(int arg2) {
        return (arg2 >>> 16) & 0xFF;
    }

    /** The number of words of arg2 (1–256). */
    public static int wordsOf(int arg2) {
        return ((arg2 >>> 8) & 0xFF) + 1;
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_FFD;
    }

    @Override
    public int arg1() {
        return FORWARD_RETRY << 16 | id;
    }

    @Override
    public int arg2() {
        return block << 16 | (data.length / 4 - 1) << 8;
    }

    @Override
    public int arg3() {
        return (int) address;
    }
}
