package org.engram.models.hlop;

import org.engram.simulator.error.UserError;

/**
 * A parameter or input of the HLOP circuit breaks a rule: the message names the record or
 * operation, the field, the value found and what was expected, e.g. {@code SubspaceRule:
 * inputSize 0; expected at least 1}.
 */
public class InvalidHlopException extends IllegalArgumentException implements UserError {
    public InvalidHlopException(String place, String field, Object value, String expected) {
        super(place + ": " + field + " " + value + "; expected " + expected);
    }
}
