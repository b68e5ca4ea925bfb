package org.engram.simulator.neuron;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * A standard model with its parameter values and its reset; parameters not given take PyNN's
 * defaults, and the reset is PyNN's ({@link Reset#SET}) unless {@link #withReset} says otherwise.
 * Validated when made: every name belongs to the model and the values obey the model's rules
 * (positive capacitance and time constants, v_reset below v_thresh, non-negative rate ...), and
 * only a neuron with a membrane takes {@link Reset#SUBTRACT}.
 */
public record StandardCell(StandardModel model, Map<String, Param> params, Reset reset) implements CellType {

    public StandardCell {
        if (reset == null) {
            throw new InvalidNetworkException(model.name() + ": reset is missing; expected one of set, subtract");
        }
        if (reset != Reset.SET && model.isSource()) {
            throw new InvalidNetworkException(model.name() + ": reset " + reset.jsonName()
                    + " applies to neurons with a membrane (IF_curr_exp, IF_curr_delta, IF_cond_exp); "
                    + "a spike source has none");
        }
        Map<String, Param> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : params.entrySet()) {
            model.requireParameter(e.getKey());
            copy.put(e.getKey(), e.getValue());
        }
        params = Collections.unmodifiableMap(copy);
        validate(model, params);
    }

    /** A cell of {@code model} with these parameters and PyNN's reset ({@link Reset#SET}). */
    public StandardCell(StandardModel model, Map<String, Param> params) {
        this(model, params, Reset.SET);
    }

    /** A copy with this reset. */
    public StandardCell withReset(Reset kind) {
        return new StandardCell(model, params, kind);
    }

    /** A copy with one parameter set. */
    public StandardCell with(String name, Param value) {
        Map<String, Param> m = new LinkedHashMap<>(params);
        m.put(name, value);
        return new StandardCell(model, m, reset);
    }

    /** A copy with one parameter set to one value. */
    public StandardCell with(String name, double value) {
        return with(name, Param.of(value));
    }

    /** A copy with several parameters set at once (validated as a whole): name/value pairs. */
    public StandardCell with(Object... nameValuePairs) {
        Map<String, Param> m = new LinkedHashMap<>(params);
        m.putAll(model.with(nameValuePairs).params());
        return new StandardCell(model, m, reset);
    }

    /** The value of a parameter, given or default. */
    public Param get(String name) {
        model.requireParameter(name);
        Param p = params.get(name);
        return p != null ? p : Param.of(model.parameters().get(name).defaultValue());
    }

    @Override
    public String modelName() {
        return model.name();
    }

    @Override
    public boolean isSource() {
        return model.isSource();
    }

    @Override
    public void checkSize(String population, int size) {
        params.forEach((name, p) -> {
            if (!p.isHomogeneous() && p.length() != size) {
                throw new InvalidNetworkException(population + ": parameter " + name + " has "
                        + p.length() + " values; expected 1 or " + size + " (the population size)");
            }
        });
    }

    private static void validate(StandardModel model, Map<String, Param> given) {
        java.util.function.Function<String, Param> v = n -> given.containsKey(n) ? given.get(n)
                : Param.of(model.parameters().get(n).defaultValue());
        String m = model.name();
        if (model.isSource()) {
            positiveOrZero(m, "rate", v.apply("rate"));
            positiveOrZero(m, "start", v.apply("start"));
            positiveOrZero(m, "duration", v.apply("duration"));
            return;
        }
        positive(m, "cm", v.apply("cm"));
        positive(m, "tau_m", v.apply("tau_m"));
        positiveOrZero(m, "tau_refrac", v.apply("tau_refrac"));
        if (model.parameters().containsKey("tau_syn_E")) {
            positive(m, "tau_syn_E", v.apply("tau_syn_E"));
            positive(m, "tau_syn_I", v.apply("tau_syn_I"));
        }
        Param reset = v.apply("v_reset");
        Param thresh = v.apply("v_thresh");
        int n = Math.max(reset.length(), thresh.length());
        for (int i = 0; i < n; i++) {
            if (!(reset.at(Math.min(i, reset.length() - 1)) < thresh.at(Math.min(i, thresh.length() - 1)))) {
                throw new InvalidNetworkException(m + ": v_reset (" + reset.at(Math.min(i, reset.length() - 1))
                        + " mV) must be below v_thresh (" + thresh.at(Math.min(i, thresh.length() - 1)) + " mV)");
            }
        }
    }

    private static void positive(String model, String name, Param p) {
        if (!(p.min() > 0)) {
            throw new InvalidNetworkException(model + ": " + name + " must be positive; got " + p.min());
        }
    }

    private static void positiveOrZero(String model, String name, Param p) {
        if (!(p.min() >= 0)) {
            throw new InvalidNetworkException(model + ": " + name + " must not be negative; got " + p.min());
        }
    }
}
