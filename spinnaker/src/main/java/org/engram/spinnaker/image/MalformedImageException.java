package org.engram.spinnaker.image;

import org.engram.simulator.error.UserError;

/** A data image read back from memory breaks its format: names the image's address and what is wrong. */
public final class MalformedImageException extends RuntimeException implements UserError {
    public MalformedImageException(long address, String what) {
        super(String.format("data image at 0x%08X: %s", address, what));
    }
}
