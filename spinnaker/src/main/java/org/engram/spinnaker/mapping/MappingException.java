package org.engram.spinnaker.mapping;

import org.engram.simulator.error.UserError;

/**
 * A network cannot be mapped onto a machine: a model the board does not run, a neuron that does
 * not fit a core, more slices than cores, a router table that stays too full. Raised before
 * anything is loaded; the message names the population, projection or chip, what it needs and
 * what the machine has.
 */
public class MappingException extends RuntimeException implements UserError {
    public MappingException(String message) {
        super(message);
    }
}
