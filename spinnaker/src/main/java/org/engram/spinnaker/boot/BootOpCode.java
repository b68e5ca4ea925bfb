package org.engram.spinnaker.boot;

import java.util.Optional;

/** Boot protocol opcodes (spinnaker_bootROM, SpiNNMan {@code spinnaker_boot_op_code.py}). */
public enum BootOpCode {
    /** Sent by an unbooted chip: op1 = ROM version &lt;&lt; 24 | subversion &lt;&lt; 16, op3 0x43505453. */
    HELLO(0x41),
    /** op3 = number of blocks − 1. */
    FLOOD_FILL_START(1),
    /** op1 = (words − 1) &lt;&lt; 8 | block; hosts always put 255 &lt;&lt; 8. */
    FLOOD_FILL_BLOCK(3),
    /** op1 = 1: execute the image. */
    FLOOD_FILL_CONTROL(5);

    public final int code;

    BootOpCode(int code) {
        this.code = code;
    }

    public static Optional<BootOpCode> of(int code) {
        for (BootOpCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
