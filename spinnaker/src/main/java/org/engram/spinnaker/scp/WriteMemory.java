package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_WRITE ({@code cmd_write()}): up to 256 bytes to a chip's memory. arg1 = address,
 * arg2 = length, arg3 = transfer type (as for {@link ReadMemory}); the data follow. The reply
 * has no payload.
 *
 * @param data 1–256 bytes; not copied, so the caller must not change it after construction
 */
public record WriteMemory(CoreLocation target, long address, byte[] data) implements ScpRequest<Void> {
    public WriteMemory {
        Checks.address("CMD_WRITE", address);
        Checks.range("CMD_WRITE", "length", data.length, 1, ScpMessage.MAX_DATA);
        Checks.address("CMD_WRITE", address + data.length - 1);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_WRITE;
    }

    @Override
    public int arg1() {
        return (int) address;
    }

    @Override
    public int arg2() {
        return data.length;
    }

    @Override
    public int arg3() {
        return ReadMemory.transferType(address, data.length);
    }

    @Override
    public Void parse(ScpResponse reply) {
        return null;
    }
}
