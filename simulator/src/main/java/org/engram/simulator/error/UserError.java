package org.engram.simulator.error;

/**
 * Marks an exception as the user's error (bad input), not a bug: the command line prints its
 * message on one line and exits with code 2, without a stack trace. Every module's exception
 * family for bad input implements it.
 */
public interface UserError {
    /** The message shown to the user: place, field, value and what was expected. */
    String getMessage();
}
