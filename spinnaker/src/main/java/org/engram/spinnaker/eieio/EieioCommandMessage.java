package org.engram.spinnaker.eieio;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.engram.spinnaker.sdp.MalformedPacketException;

/**
 * An EIEIO command packet: header u16 LE with bits 15:14 = 01 and the command in bits 13:0,
 * followed by command-specific bytes.
 *
 * @param command command code 0–0x3FFF (unknown codes are kept, for the receiver to judge)
 * @param body the bytes after the header; not copied
 */
public record EieioCommandMessage(int command, byte[] body) {
    public static final int COMMAND_FLAG = 0x4000;

    public EieioCommandMessage {
        if (command < 0 || command > 0x3FFF) {
            throw new IllegalArgumentException("EIEIO command " + command + " outside 0..16383");
        }
    }

    public static EieioCommandMessage of(EieioCommand c) {
        return new EieioCommandMessage(c.code, new byte[0]);
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(COMMAND_FLAG | command);
        out.writeBytes(body);
    }

    public static EieioCommandMessage decode(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            throw new MalformedPacketException("EIEIO command", start, 2, in.readableBytes());
        }
        int h = in.readUnsignedShortLE();
        if ((h >>> 14) != 1) {
            throw new MalformedPacketException("EIEIO command", start,
                    "header 0x" + Integer.toHexString(h) + " is not a command (bits 15:14 must be 01)");
        }
        byte[] body = new byte[in.readableBytes()];
        in.readBytes(body);
        return new EieioCommandMessage(h & 0x3FFF, body);
    }

    /** Whether a packet starting with this header word is a command packet. */
    public static boolean isCommand(int headerWord) {
        return (headerWord >>> 14) == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EieioCommandMessage m && command == m.command && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return command * 31 + Arrays.hashCode(body);
    }
}
