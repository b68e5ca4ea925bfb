package org.engram.models.ca3;

/** An operation and the time its input starts, in ms. */
public record TimedOperation(double startMs, Operation operation) {
    public TimedOperation {
        if (!Double.isFinite(startMs) || startMs < 0) {
            throw new IllegalArgumentException("operation start " + startMs + " ms; expected a finite time >= 0");
        }
        if (operation == null) {
            throw new IllegalArgumentException("operation is missing");
        }
    }

    /** {@code @30 ms recall by cue 0}. */
    public String describe() {
        return "@" + Schedule.formatMs(startMs) + " ms " + operation.describe();
    }
}
