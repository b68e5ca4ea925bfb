package org.engram.viz.figure;

import org.engram.simulator.error.UserError;

/**
 * Bad input to a plot: a file that cannot be written or read, an unknown population, an empty
 * time window, an unsupported extension. The message names the place, the value and what was
 * expected; the command line prints it on one line and exits with code 2.
 */
public class PlotException extends RuntimeException implements UserError {
    public PlotException(String message) {
        super(message);
    }

    public PlotException(String message, Throwable cause) {
        super(message, cause);
    }
}
