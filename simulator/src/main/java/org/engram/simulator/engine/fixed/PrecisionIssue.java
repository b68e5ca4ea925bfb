package org.engram.simulator.engine.fixed;

/**
 * A loss of precision found when a network is laid out in fixed point: a warning (the run
 * departs from the double-precision one by more than rounding) or an error (it would be wrong,
 * so the network is not built).
 *
 * @param subject what it concerns: {@code population LABEL} or {@code projection LABEL}
 */
public record PrecisionIssue(Severity severity, String subject, String message) {
    public enum Severity { warning, error }

    public PrecisionIssue {
        if (severity == null || subject == null || message == null) {
            throw new IllegalArgumentException("a precision issue needs a severity, a subject and a message");
        }
    }

    static PrecisionIssue warning(String subject, String message) {
        return new PrecisionIssue(Severity.warning, subject, message);
    }

    static PrecisionIssue error(String subject, String message) {
        return new PrecisionIssue(Severity.error, subject, message);
    }

    public boolean isError() {
        return severity == Severity.error;
    }

    /** {@code severity: subject: message}. */
    @Override
    public String toString() {
        return severity + ": " + subject + ": " + message;
    }
}
