package org.engram.spinnaker.spalloc;

import org.engram.simulator.error.UserError;

/**
 * spalloc did not do what was asked: the server refused a command (its exception's message is
 * quoted), closed the connection, did not answer in time or sent what is not the protocol; or
 * the job was destroyed before its boards were ready. The message names the server, the command
 * or job, and what happened.
 */
public final class SpallocException extends RuntimeException implements UserError {
    public SpallocException(String message) {
        super(message);
    }

    public SpallocException(String message, Throwable cause) {
        super(message, cause);
    }
}
