package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;

/**
 * CMD_NNP ({@code cmd_nnp()} in scamp-cmd.c): the chip sends a nearest-neighbour packet to its
 * neighbours, which act on it and pass it on, so that it floods the machine ({@code
 * nn_rcv_pkt()} in scamp-nn.c). arg1 = key, arg2 = payload (SCAMP's "data"), arg3 = [31] give
 * the packet a fresh flood id | [15:8] links to send on | [7:0] retry and delay.
 *
 * <p>Key: [31:28] SCAMP's checksum (the host leaves 0), [27:24] the NN command, then per command:
 *
 * <pre>
 * SIG0  0  [23:16] links to pass it on, [15:8] retry; data [31:28] op, op 5 = signal the
 *          application: data [19:0] is a {@link SendSignal.Data}
 * FFS   6  flood-fill start: [23:16] flood-fill id, [15:8] number of blocks; data = region
 * FFCS  7  flood-fill core select: [17:0] cores to start at the end; data = region, and
 *          (data, cores) must grow from one FFCS to the next or the packet is ignored
 * FFE  15  flood-fill end: [7:0] flood-fill id; data = the {@link IdOpMask} to start with
 * </pre>
 *
 * The blocks between start and end come from {@link FloodFillData} (CMD_FFD). A chip compares
 * flood-fill ids without their lowest bit (SCAMP keeps 7 bits). At the end, if every block
 * arrived and FFCS selected cores, the chip starts the image at {@code sv->sdram_sys} on the
 * cores of FFCS and of the end packet's mask; without FFCS the data stay loaded and nothing
 * starts (SCAMP 4).
 */
public record NearestNeighbourPacket(ChipLocation chip, int key, int payload, int arg3) implements MonitorCommand {
    public static final int NN_SIG0 = 0;
    public static final int NN_FLOOD_FILL_START = 6;
    public static final int NN_FLOOD_FILL_CORES = 7;
    public static final int NN_FLOOD_FILL_END = 15;
    /** SIG0 op: signal the application ({@code signal_app()}). */
    public static final int SIG0_SIGNAL_APPLICATION = 5;
    /** arg3 bit: SCAMP gives the packet a fresh flood id. */
    public static final int GENERATE_ID = 1 << 31;
    /** All six links. */
    public static final int ALL_LINKS = 0x3F;
    /** SpiNNMan's retry and delay for flood fills. */
    public static final int FLOOD_FILL_RETRY = 0x1A;

    /**
     * SpiNNMan's {@code AppStop}: the STOP signal to every core of {@code appId}, flooded from
     * the root chip. Each chip stops the cores, frees the application's SDRAM and router
     * entries and leaves the cores idle.
     */
    public static NearestNeighbourPacket stopApplication(int appId) {
        Checks.range("CMD_NNP stop", "app id", appId, 0, 255);
        int data = SIG0_SIGNAL_APPLICATION << 28
                | new SendSignal.Data(Signal.STOP.code, SendSignal.APP_MASK, appId).encode();
        return new NearestNeighbourPacket(ChipLocation.ZERO, NN_SIG0 << 24 | ALL_LINKS << 16, data,
                GENERATE_ID | ALL_LINKS << 8);
    }

    /** Flood-fill start for {@code blocks} blocks (SpiNNMan's {@code FloodFillStart}, all chips). */
    public static NearestNeighbourPacket floodFillStart(int id, int blocks) {
        Checks.range("flood-fill start", "id", id, 0, 255);
        Checks.range("flood-fill start", "blocks", blocks, 1, 255);
        return new NearestNeighbourPacket(ChipLocation.ZERO, NN_FLOOD_FILL_START << 24 | id << 16 | blocks << 8,
                0xFFFF, GENERATE_ID | ALL_LINKS << 8 | FLOOD_FILL_RETRY);
    }

    /** Flood-fill core select: the cores every chip starts at the end. */
    public static NearestNeighbourPacket floodFillCores(int coreMask, int region) {
        IdOpMask.checkForHost("flood-fill core select", new IdOpMask(1, 0, coreMask), false);
        return new NearestNeighbourPacket(ChipLocation.ZERO, NN_FLOOD_FILL_CORES << 24 | coreMask, region,
                ALL_LINKS << 8 | FLOOD_FILL_RETRY);
    }

    /** Flood-fill end (SpiNNMan's {@code FloodFillEnd}): start with {@code cores} if all arrived. */
    public static NearestNeighbourPacket floodFillEnd(int id, IdOpMask cores) {
        Checks.range("flood-fill end", "id", id, 0, 255);
        return new NearestNeighbourPacket(ChipLocation.ZERO, NN_FLOOD_FILL_END << 24 | id, cores.encode(),
                ALL_LINKS << 8 | FLOOD_FILL_RETRY);
    }

    /** The NN command of a key. */
    public static int command(int key) {
        return (key >>> 24) & 0xF;
    }

    /** The links a chip sends the packet on first (arg3 bits 15:8). */
    public static int links(int arg3) {
        return (arg3 >>> 8) & 0xFF;
    }

    /** The op of a SIG0 packet's data. */
    public static int sig0Op(int data) {
        return data >>> 28;
    }

    /** The flood-fill id of a start packet, as a chip keeps it (7 bits). */
    public static int floodFillStartId(int key) {
        return (key >>> 17) & 0x7F;
    }

    /** The number of blocks of a start packet. */
    public static int floodFillBlocks(int key) {
        return (key >>> 8) & 0xFF;
    }

    /** The cores of a core-select packet. */
    public static int floodFillCoreMask(int key) {
        return key & IdOpMask.CORE_BITS;
    }

    /** The flood-fill id of an end packet, as a chip keeps it (7 bits). */
    public static int floodFillEndId(int key) {
        return (key >>> 1) & 0x7F;
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_NNP;
    }

    @Override
    public int arg1() {
        return key;
    }

    @Override
    public int arg2() {
        return payload;
    }
}
