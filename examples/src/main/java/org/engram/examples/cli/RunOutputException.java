package org.engram.examples.cli;

import org.engram.simulator.error.UserError;

/**
 * A run that cannot be written where or as asked: an output directory that is a file or cannot
 * be written, a file in the way, a network or recording too large for this machine. The message
 * says why and what to do.
 */
final class RunOutputException extends RuntimeException implements UserError {
    RunOutputException(String message) {
        super(message);
    }
}
