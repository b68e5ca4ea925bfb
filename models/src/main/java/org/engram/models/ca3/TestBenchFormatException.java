package org.engram.models.ca3;

import org.engram.simulator.error.UserError;

/**
 * A test bench file is malformed: the message names the file, the JSON path of the field, what
 * was found and what was expected, e.g. {@code tb.json: $.cue[2][0]: -1 is not a spike time;
 * expected a finite time >= 0 ms}.
 */
public class TestBenchFormatException extends IllegalArgumentException implements UserError {
    public TestBenchFormatException(String source, String path, String problem) {
        super(source + ": " + path + ": " + problem);
    }
}
