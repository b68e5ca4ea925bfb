package org.engram.spinnaker.emulator;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * One chip's side of a flood fill ({@code nn_cmd_ffs}, {@code _ffcs}, {@code _fbs}/{@code _fbd}/
 * {@code _fbe} and {@code _ffe} in scamp-nn.c): a start packet opens flood fill {@code id} for a
 * number of blocks, core-select packets choose cores, each block is stored once, and the end
 * packet says whether to start the image.
 */
final class FloodFillReceiver {
    private boolean open;
    private int id;
    private int blocks;
    private final BitSet received = new BitSet();
    private boolean error;
    private boolean load;
    private int cores;
    private long lastCoreSelect;

    /** Flood-fill start (resets what an earlier flood fill left). */
    void start(int floodFillId, int blockCount) {
        open = true;
        id = floodFillId;
        blocks = blockCount;
        received.clear();
        error = false;
        load = false;
        cores = 0;
        lastCoreSelect = 0;
    }

    /** Core select: ignored unless (region, cores) is above the last one's, as SCAMP orders them. */
    void selectCores(int coreMask, int region) {
        long order = (region & 0xFFFF_FFFFL) << 18 | coreMask;
        if (order > lastCoreSelect) {
            lastCoreSelect = order;
            load = true;
            cores |= coreMask;
        }
    }

    /** Whether a block belongs to the open flood fill and has not been stored yet. */
    boolean wants(int floodFillId, int block) {
        return open && floodFillId == id && !received.get(block);
    }

    /** A block was stored ({@code stored}) or could not be. */
    void blockDone(int block, boolean stored) {
        received.set(block);
        error |= !stored;
    }

    /**
     * Flood-fill end: the id_op_mask to start with (the end packet's, with the selected cores
     * added), or empty when nothing starts (another flood fill, a missing block, or no core
     * select).
     */
    OptionalInt end(int floodFillId, int idOpMask) {
        if (!open || floodFillId != id) {
            return OptionalInt.empty();
        }
        open = false;
        return !error && received.cardinality() == blocks && load ? OptionalInt.of(idOpMask | cores)
                : OptionalInt.empty();
    }
}
