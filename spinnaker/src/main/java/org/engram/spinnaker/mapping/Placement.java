package org.engram.spinnaker.mapping;

import java.util.List;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * A slice on its core.
 *
 * @param slice the population's neurons this core simulates (or spike sources it sends)
 * @param core the application core
 * @param key the slice's multicast key: neuron {@code slice.lo() + i} sends {@code key | i}
 * @param mask the mask covering the slice's keys
 * @param resources what the slice needs, as {@link CostModel} estimates it
 * @param incoming the projections' synapses from each source slice into this one, by
 *        projection then source
 */
public record Placement(Slice slice, CoreLocation core, int key, int mask, Resources resources,
        List<Incoming> incoming) {
    public Placement {
        incoming = List.copyOf(incoming);
    }

    /** The key neuron {@code neuron} (an index within the population) sends. */
    public int keyOf(int neuron) {
        if (!slice.contains(neuron)) {
            throw new IllegalArgumentException("neuron " + neuron + " is not in slice " + slice);
        }
        return key | (neuron - slice.lo());
    }
}
