package org.engram.spinnaker.image;

import org.engram.simulator.error.UserError;

/** A core image cannot be made for a network as asked: names the slice or setting, its value and the limit. */
public final class CoreImageException extends RuntimeException implements UserError {
    public CoreImageException(String message) {
        super(message);
    }
}
