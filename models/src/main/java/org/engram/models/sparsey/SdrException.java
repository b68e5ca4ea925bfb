package org.engram.models.sparsey;

import org.engram.simulator.error.UserError;

/**
 * An SDR, a formula or a macrocolumn was given a value outside its domain: the message names the
 * operation, the field, the value and what was expected, e.g. {@code SDR of size 10: active index 12 is out of
 * range; expected 0 <= index < 10}.
 */
public class SdrException extends IllegalArgumentException implements UserError {
    public SdrException(String where, String problem) {
        super(where + ": " + problem);
    }
}
