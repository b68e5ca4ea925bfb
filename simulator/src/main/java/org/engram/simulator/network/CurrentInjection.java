package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;

/**
 * A current source injected into neurons (PyNN's {@code source.inject_into(cells)}): only into
 * neurons with a membrane, whose current input (i_offset) it adds to.
 */
public record CurrentInjection(CurrentSource source, Selection cells) {

    public CurrentInjection {
        if (source == null || cells == null) {
            throw new InvalidNetworkException("a current injection needs a source and the cells it goes into");
        }
        if (cells.population().cellType().isSource()) {
            throw new InvalidNetworkException(source.typeName() + " injected into " + cells.describe() + ": population "
                    + cells.population().label() + " is a " + cells.population().cellType().modelName()
                    + ", which has no membrane to take current; expected IF_curr_exp, IF_curr_delta or IF_cond_exp");
        }
    }
}
