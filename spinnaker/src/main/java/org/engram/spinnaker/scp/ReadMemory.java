package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_READ ({@code cmd_read()} in scamp-cmd.c): up to 256 bytes from a chip's memory.
 * arg1 = address, arg2 = length (1–256), arg3 = transfer type (0 byte, 1 halfword, 2 word),
 * chosen from the alignment as SpiNNMan does. The reply's data follow seq directly.
 */
public record ReadMemory(CoreLocation target, long address, int length) implements ScpRequest<byte[]> {
    public ReadMemory {
        Checks.address("CMD_READ", address);
        Checks.range("CMD_READ", "length", length, 1, ScpMessage.MAX_DATA);
        Checks.address("CMD_READ", address + length - 1);
    }

    /** SpiNNMan's rule: word if address and length are multiples of 4, halfword if of 2. */
    public static int transferType(long address, int length) {
        if (address % 4 == 0 && length % 4 == 0) {
            return 2;
        }
        if (address % 2 == 0 && length % 2 == 0) {
            return 1;
        }
        return 0;
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_READ;
    }

    @Override
    public int arg1() {
        return (int) address;
    }

    @Override
    public int arg2() {
        return length;
    }

    @Override
    public int arg3() {
        return transferType(address, length);
    }

    @Override
    public byte[] parse(ScpResponse reply) {
        reply.requirePayload("CMD_READ", length);
        byte[] p = reply.payload();
        if (p.length == length) {
            return p;
        }
        byte[] d = new byte[length];
        System.arraycopy(p, 0, d, 0, length);
        return d;
    }
}
