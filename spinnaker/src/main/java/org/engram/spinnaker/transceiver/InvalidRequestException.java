package org.engram.spinnaker.transceiver;

import org.engram.simulator.error.UserError;

/**
 * Bad input from the user (unknown host, address or length outside a chip's memory, missing
 * boot image, a tag or app id out of range) or a request the board cannot satisfy (no SDRAM or
 * router entries left). Raised before anything is sent, so nothing on the board changed.
 */
public final class InvalidRequestException extends RuntimeException implements UserError {
    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
