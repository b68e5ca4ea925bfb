package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.StandardCell;

/**
 * PyNN's Population: {@code size} neurons of one cell type, with initial values and what to
 * record. Immutable: the {@code with...} methods return changed copies.
 *
 * @param label unique name in the network
 * @param initial initial values by state-variable name (PyNN's {@code initialize}); missing ones
 *        take the model's defaults
 * @param record what to record
 */
public record Population(String label, int size, CellType cellType, Map<String, InitialValue> initial,
        Recording record) implements Selection {

    /** What to record from a population: spikes, and v every {@code vIntervalMs} (0 = timestep). */
    public record Recording(boolean spikes, boolean v, double vIntervalMs) {
        public static final Recording NONE = new Recording(false, false, 0);

        public Recording {
            if (!(vIntervalMs >= 0) || Double.isInfinite(vIntervalMs)) {
                throw new InvalidNetworkException("record interval " + vIntervalMs + " ms; expected >= 0");
            }
        }
    }

    public Population {
        if (label == null || label.isBlank()) {
            throw new InvalidNetworkException("a population needs a label");
        }
        if (!label.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
            throw new InvalidNetworkException("population label '" + label
                    + "': expected letters, digits, '_', '.' or '-', starting with a letter or '_'");
        }
        if (size <= 0) {
            throw new InvalidNetworkException(label + ": size is " + size + "; expected a positive number of neurons");
        }
        if (cellType == null) {
            throw new InvalidNetworkException(label + ": cell type is missing");
        }
        cellType.checkSize(label, size);
        Map<String, InitialValue> copy = new LinkedHashMap<>();
        initial.forEach((name, v) -> {
            if (!(cellType instanceof StandardCell s)) {
                throw new InvalidNetworkException(label + ": initial value " + name + ": a SpikeSourceArray has no state");
            }
            s.model().requireInitialValue(name);
            if (v.fixed() != null && !v.fixed().isHomogeneous() && v.fixed().length() != size) {
                throw new InvalidNetworkException(label + ": initial value " + name + " has " + v.fixed().length()
                        + " values; expected 1 or " + size);
            }
            copy.put(name, v);
        });
        initial = Collections.unmodifiableMap(copy);
        if (record == null) {
            record = Recording.NONE;
        }
        if (record.v() && cellType.isSource()) {
            throw new InvalidNetworkException(label + ": cannot record v of a spike source (" + cellType.modelName() + ")");
        }
    }

    public Population(String label, int size, CellType cellType) {
        this(label, size, cellType, Map.of(), Recording.NONE);
    }

    /** A copy with an initial value set (PyNN's {@code initialize}). */
    public Population initialize(String variable, InitialValue value) {
        Map<String, InitialValue> m = new LinkedHashMap<>(initial);
        m.put(variable, value);
        return new Population(label, size, cellType, m, record);
    }

    /** A copy with one initial value for every neuron. */
    public Population initialize(String variable, double value) {
        return initialize(variable, InitialValue.of(value));
    }

    /** A copy that records spikes, and v if asked, sampled every {@code vIntervalMs} (0 = timestep). */
    public Population recording(boolean spikes, boolean v, double vIntervalMs) {
        return new Population(label, size, cellType, initial, new Recording(spikes, v, vIntervalMs));
    }

    /** A copy that records spikes. */
    public Population recordingSpikes() {
        return recording(true, record.v(), record.vIntervalMs());
    }

    /** A view of positions {@code [start, stop)}, like PyNN's {@code pop[start:stop]}. */
    public PopulationView slice(int start, int stop) {
        return PopulationView.slice(this, start, stop);
    }

    /** A view of the given indices, like PyNN's {@code pop[[i, j, k]]}. */
    public PopulationView view(int... indices) {
        return new PopulationView(this, indices);
    }

    @Override
    public Population population() {
        return this;
    }

    @Override
    public int index(int position) {
        return position;
    }

    @Override
    public String describe() {
        return label;
    }
}
