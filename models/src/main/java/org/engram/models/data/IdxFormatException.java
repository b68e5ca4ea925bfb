package org.engram.models.data;

import org.engram.simulator.error.UserError;

/**
 * An IDX file is malformed or does not fit its use: the message names the file and says what was
 * found and what was expected, e.g. {@code labels.gz: magic number 0x00000803 (images); expected
 * 0x00000801 (labels)}.
 */
public class IdxFormatException extends IllegalArgumentException implements UserError {
    public IdxFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
