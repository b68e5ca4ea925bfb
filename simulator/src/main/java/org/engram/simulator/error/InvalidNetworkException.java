package org.engram.simulator.error;

/**
 * A network description breaks a rule: names the population or projection, the field, the value
 * and the rule. Raised when a description record is made or a network is built, so a failure
 * changes nothing.
 */
public class InvalidNetworkException extends IllegalArgumentException implements UserError {
    public InvalidNetworkException(String message) {
        super(message);
    }
}
