package org.engram.spinnaker.emulator;

import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.engram.spinnaker.boot.BootImage;
import org.engram.spinnaker.boot.BootOpCode;
import org.engram.spinnaker.boot.BootPacket;
import org.engram.spinnaker.boot.SystemVariables;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * What an unbooted board's boot ROM does with the boot protocol: it collects the image's blocks
 * between FLOOD_FILL_START and FLOOD_FILL_CONTROL and checks the system-variable block at image
 * offset 384. A malformed boot is refused (logged and remembered) and the ROM starts over.
 */
final class BootRom {
    private final int hardwareVersion;
    private final Consumer<String> log;
    private int blocks = -1;
    private byte[] image;
    private boolean[] received;
    private String lastError;
    long datagrams;
    long refusals;

    BootRom(int hardwareVersion, Consumer<String> log) {
        this.hardwareVersion = hardwareVersion;
        this.log = log;
    }

    String lastError() {
        return lastError;
    }

    /** One datagram; the system-variable block once a whole, valid image has arrived. */
    Optional<byte[]> receive(byte[] d) {
        datagrams++;
        BootPacket p;
        try {
            p = BootPacket.decode(Unpooled.wrappedBuffer(d));
        } catch (MalformedPacketException e) {
            return refuse(e.getMessage());
        }
        var op = BootOpCode.of(p.opcode());
        if (op.isEmpty()) {
            return refuse("unknown boot opcode " + p.opcode());
        }
        return switch (op.get()) {
            case FLOOD_FILL_START -> start(p);
            case FLOOD_FILL_BLOCK -> block(p);
            case FLOOD_FILL_CONTROL -> control(p);
            case HELLO -> refuse("HELLO is sent by chips, not to them");
            default -> refuse("unexpected opcode " + op.get());
        };
    }

    private Optional<byte[]> start(BootPacket p) {
        int n = p.op3() + 1;
        int max = BootImage.MAX_IMAGE_BYTES / BootImage.BLOCK_BYTES;
        if (n < 1 || n > max || p.data().length != 0) {
            return refuse("FLOOD_FILL_START for " + n + " blocks; expected 1.." + max + " and no data");
        }
        blocks = n;
        image = new byte[n * BootImage.BLOCK_BYTES];
        received = new boolean[n];
        return Optional.empty();
    }

    private Optional<byte[]> block(BootPacket p) {
        int block = p.op1() & 0xFF;
        if (blocks < 0) {
            return refuse("FLOOD_FILL_BLOCK before FLOOD_FILL_START");
        }
        if (block >= blocks) {
            return refuse("block " + block + " of a " + blocks + "-block image");
        }
        boolean last = block == blocks - 1;
        if (p.data().length == 0 || (!last && p.data().length != BootImage.BLOCK_BYTES)) {
            return refuse("block " + block + " carries " + p.data().length + " bytes; expected "
                    + (last ? "1.." + BootImage.BLOCK_BYTES : BootImage.BLOCK_BYTES));
        }
        System.arraycopy(p.data(), 0, image, block * BootImage.BLOCK_BYTES, p.data().length);
        received[block] = true;
        return Optional.empty();
    }

    private Optional<byte[]> control(BootPacket p) {
        if (blocks < 0) {
            return refuse("FLOOD_FILL_CONTROL before FLOOD_FILL_START");
        }
        for (int b = 0; b < blocks; b++) {
            if (!received[b]) {
                return refuse("FLOOD_FILL_CONTROL with block " + b + " of " + blocks + " missing");
            }
        }
        if (p.op1() != 1) {
            return refuse("FLOOD_FILL_CONTROL op1 " + p.op1() + "; expected 1 (execute)");
        }
        if (image.length < BootImage.MIN_IMAGE_BYTES) {
            return refuse("image of " + image.length + " bytes cannot hold the system variables");
        }
        byte[] words = image.clone();
        BootImage.swapWords(words);
        byte[] sv = Arrays.copyOfRange(words, SystemVariables.IMAGE_OFFSET,
                SystemVariables.IMAGE_OFFSET + SystemVariables.BOOT_SIZE);
        int hw = sv[SystemVariables.HW_VER] & 0xFF;
        if (hw != hardwareVersion) {
            return refuse("system variables say board version " + hw + "; this is a SpiNN-" + hardwareVersion);
        }
        int sysSdram = SystemVariables.getU32(sv, SystemVariables.SYS_SDRAM);
        if (sv[SystemVariables.ROOT_CHIP] != 1 || sysSdram <= 0 || sysSdram > (64 << 20)) {
            return refuse("system variable block at image offset 384 is not a valid sv_t (root_chip "
                    + sv[SystemVariables.ROOT_CHIP] + ", sys_sdram " + sysSdram + ")");
        }
        log.accept("booted: image of " + blocks + " blocks");
        blocks = -1;
        image = null;
        return Optional.of(sv);
    }

    private Optional<byte[]> refuse(String why) {
        refusals++;
        lastError = why;
        blocks = -1;
        image = null;
        log.accept("boot refused: " + why);
        return Optional.empty();
    }
}
