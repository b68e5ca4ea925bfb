package org.engram.simulator.record;

import org.engram.simulator.error.UserError;

/** A run directory's file is missing or malformed: names the file, the line or field, and the expectation. */
public class RecordingFormatException extends RuntimeException implements UserError {
    public RecordingFormatException(String message) {
        super(message);
    }
}
