package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_FILL ({@code cmd_fill()}): fills memory with a 32-bit word. arg1 = address (word aligned),
 * arg2 = the word, arg3 = byte count (a multiple of 4).
 */
public record FillMemory(CoreLocation target, long address, int word, long bytes)
        implements ScpRequest<Void> {
    public FillMemory {
        Checks.address("CMD_FILL", address);
        Checks.range("CMD_FILL", "byte count", bytes, 4, 0xFFFF_FFFCL);
        if (address % 4 != 0 || bytes % 4 != 0) {
            throw new IllegalArgumentException("CMD_FILL: address and byte count must be multiples of 4");
        }
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_FILL;
    }

    @Override
    public int arg1() {
        return (int) address;
    }

    @Override
    public int arg2() {
        return word;
    }

    @Override
    public int arg3() {
        return (int) bytes;
    }

    @Override
    public Void parse(ScpResponse reply) {
        return null;
    }
}
