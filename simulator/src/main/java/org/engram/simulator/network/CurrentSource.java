package org.engram.simulator.network;

/**
 * PyNN's current sources: a current, in nA, injected into neurons with a membrane, a step
 * function of time. It adds to the neurons' {@code i_offset}, and the currents of several sources
 * on one neuron add up. A source is injected with {@link #injectInto} (PyNN's
 * {@code source.inject_into(cells)}).
 */
public sealed interface CurrentSource permits DCSource, StepCurrentSource {

    /**
     * The times, ms, at which the current changes, increasing; the current is 0 before the first.
     */
    double[] changeTimesMs();

    /** The current, nA, from each change time on: as long as {@link #changeTimesMs()}. */
    double[] amplitudesAfterChange();

    /** The PyNN class name, as written in the network format's {@code type} field. */
    String typeName();

    /** This source injected into {@code cells}, for {@link Network.Builder#add(CurrentInjection)}. */
    default CurrentInjection injectInto(Selection cells) {
        return new CurrentInjection(this, cells);
    }

    /** Checks that a time or current is finite (an unbounded stop is checked by its record). */
    static void requireFinite(String where, String field, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new org.engram.simulator.error.InvalidNetworkException(where + ": " + field + " is " + value
                    + "; expected a finite number of " + unit);
        }
    }
}
