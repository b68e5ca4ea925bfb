package org.engram.spinnaker.load;

import org.engram.simulator.error.UserError;

/** A step of a deployment failed: names the step, and the chip or core where it failed. */
public final class DeploymentException extends RuntimeException implements UserError {
    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeploymentException(String message) {
        super(message);
    }
}
