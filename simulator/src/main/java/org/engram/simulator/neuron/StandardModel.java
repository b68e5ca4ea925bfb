package org.engram.simulator.neuron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's standard cell models as data: each constant carries its parameter table (names,
 * PyNN's defaults, units) and its initial-value table. Units are PyNN's: mV, ms, nA, nF, uS, Hz.
 *
 * <p>Use a constant as a factory, as in PyNN: {@code IF_curr_exp.with("tau_m", 10.0)}.
 *
 * <p><b>Reset.</b> The three LIF models reset as PyNN does, {@code v <- v_reset}, unless the cell
 * says {@link StandardCell#withReset withReset}{@code (}{@link Reset#SUBTRACT}{@code )} (in a
 * network file {@code "reset": "subtract"}): then a spike subtracts the threshold's height above
 * the reset, {@code v <- v - (v_thresh - v_reset)}, and keeps what v held above threshold. With
 * {@code v_rest = v_reset = 0}, {@code tau_refrac = 0} and delta synapses, grid mode at step dt
 * then computes the discrete-time neuron of networks trained with a soft reset,
 * {@code u[t] = beta u[t-1] + I[t]}, a spike where {@code u[t] >= theta}, {@code u[t] -= theta},
 * with {@code beta = exp(-dt/tau_m)}, {@code theta = v_thresh} and {@code I[t]} the sum of the
 * weights arriving at step t. A neuron spikes at most once per grid step: v left at or above
 * threshold spikes again at the next step if, decayed and with that step's input, it still is.
 * Event mode fires again at once instead, until v is below threshold (see
 * {@code engine.event.EventEngine}). While refractory, v is held where the reset put it;
 * {@code tau_refrac = 0} clamps nothing. Spike sources take no reset.
 */
public enum StandardModel {
    /**
     * Leaky integrate-and-fire neuron with exponentially decaying current-based synapses.
     * <pre>
     *   cm dv/dt = cm (v_rest - v) / tau_m + I_E - I_I + i_offset
     *   dI_E/dt = -I_E / tau_syn_E,  dI_I/dt = -I_I / tau_syn_I
     *   a spike of weight w (nA) on the excitatory receptor: I_E += w
     *   v >= v_thresh: spike, v = v_reset (SUBTRACT: v -= v_thresh - v_reset), held for tau_refrac
     * </pre>
     */
    IF_curr_exp(false, lif(true, false), initial("v", -65.0, "mV", "isyn_exc", 0.0, "nA", "isyn_inh", 0.0, "nA")),
    /**
     * Leaky integrate-and-fire neuron with delta synapses: a spike of weight w makes v jump by w
     * mV (excitatory) or -w mV (inhibitory) at its arrival, as in NEST and sPyNNaker.
     * <pre>
     *   cm dv/dt = cm (v_rest - v) / tau_m + i_offset;  a spike of weight w: v += w (-w inhibitory)
     *   v >= v_thresh: spike, v = v_reset (SUBTRACT: v -= v_thresh - v_reset), held for tau_refrac
     * </pre>
     */
    IF_curr_delta(false, lif(false, false), initial("v", -65.0, "mV")),
    /**
     * Leaky integrate-and-fire neuron with exponentially decaying conductance-based synapses.
     * <pre>
     *   cm dv/dt = cm (v_rest - v) / tau_m + g_E (e_rev_E - v) + g_I (e_rev_I - v) + i_offset
     *   dg_E/dt = -g_E / tau_syn_E,  dg_I/dt = -g_I / tau_syn_I;  a spike of weight w (uS): g += w
     *   v >= v_thresh: spike, v = v_reset (SUBTRACT: v -= v_thresh - v_reset), held for tau_refrac
     * </pre>
     */
    IF_cond_exp(false, lif(true, true), initial("v", -65.0, "mV", "gsyn_exc", 0.0, "uS", "gsyn_inh", 0.0, "uS")),
    /** Poisson spike source firing at {@code rate} from {@code start} for {@code duration}. */
    SpikeSourcePoisson(true, List.of(
            new ParamSpec("rate", 1.0, "Hz", "mean firing rate"),
            new ParamSpec("start", 0.0, "ms", "time of the first possible spike"),
            new ParamSpec("duration", 1e10, "ms", "length of the firing window")),
            List.of());

    private final boolean source;
    private final Map<String, ParamSpec> parameters;
    private final Map<String, ParamSpec> initialValues;

    StandardModel(boolean source, List<ParamSpec> parameters, List<ParamSpec> initialValues) {
        this.source = source;
        this.parameters = index(parameters);
        this.initialValues = index(initialValues);
    }

    private static Map<String, ParamSpec> index(List<ParamSpec> specs) {
        Map<String, ParamSpec> m = new LinkedHashMap<>();
        specs.forEach(s -> m.put(s.name(), s));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<ParamSpec> lif(boolean synapticTimeConstants, boolean conductance) {
        List<ParamSpec> p = new ArrayList<>(List.of(
                new ParamSpec("cm", 1.0, "nF", "membrane capacitance"),
                new ParamSpec("tau_m", 20.0, "ms", "membrane time constant"),
                new ParamSpec("tau_refrac", 0.1, "ms", "refractory period")));
        if (synapticTimeConstants) {
            p.add(new ParamSpec("tau_syn_E", 5.0, "ms", "excitatory synaptic time constant"));
            p.add(new ParamSpec("tau_syn_I", 5.0, "ms", "inhibitory synaptic time constant"));
        }
        p.add(new ParamSpec("v_rest", -65.0, "mV", "resting potential"));
        p.add(new ParamSpec("v_reset", -65.0, "mV", "reset potential after a spike"));
        p.add(new ParamSpec("v_thresh", -50.0, "mV", "spike threshold"));
        if (conductance) {
            p.add(new ParamSpec("e_rev_E", 0.0, "mV", "excitatory reversal potential"));
            p.add(new ParamSpec("e_rev_I", -70.0, "mV", "inhibitory reversal potential"));
        }
        p.add(new ParamSpec("i_offset", 0.0, "nA", "constant injected current"));
        return List.copyOf(p);
    }

    private static List<ParamSpec> initial(Object... nameValueUnit) {
        List<ParamSpec> p = new ArrayList<>();
        for (int i = 0; i < nameValueUnit.length; i += 3) {
            p.add(new ParamSpec((String) nameValueUnit[i], (Double) nameValueUnit[i + 1],
                    (String) nameValueUnit[i + 2], "initial value"));
        }
        return List.copyOf(p);
    }

    /** True for spike sources. */
    public boolean isSource() {
        return source;
    }

    /** The parameter table, in PyNN's order. */
    public Map<String, ParamSpec> parameters() {
        return parameters;
    }

    /** The initial-value table (state variables a user may set), in PyNN's order. */
    public Map<String, ParamSpec> initialValues() {
        return initialValues;
    }

    /** This model with PyNN's defaults. */
    public StandardCell defaults() {
        return new StandardCell(this, Map.of());
    }

    /** This model with one parameter changed: {@code IF_curr_exp.with("tau_m", 10.0)}. */
    public StandardCell with(String name, double value) {
        return defaults().with(name, value);
    }

    /** This model with parameters given as name/value pairs; values are numbers or double[]. */
    public StandardCell with(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new InvalidNetworkException(name() + ": parameters must be given as name/value pairs");
        }
        Map<String, Param> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object v = nameValuePairs[i + 1];
            params.put((String) nameValuePairs[i],
                    v instanceof double[] a ? Param.perNeuron(a) : Param.of(((Number) v).doubleValue()));
        }
        return new StandardCell(this, params); // validated once, as a whole
    }

    /** Checks that {@code name} is a parameter of this model; the message lists the valid names. */
    void requireParameter(String name) {
        if (!parameters.containsKey(name)) {
            throw new InvalidNetworkException(name + ": unknown parameter of " + name()
                    + "; expected one of " + String.join(", ", parameters.keySet()));
        }
    }

    /** Checks that {@code name} is an initial value of this model; the message lists the valid names. */
    public void requireInitialValue(String name) {
        if (!initialValues.containsKey(name)) {
            throw new InvalidNetworkException(name + ": unknown initial value of " + name()
                    + "; expected one of " + (initialValues.isEmpty() ? "(none: a spike source has no state)"
                            : String.join(", ", initialValues.keySet())));
        }
    }

    /** Finds a model by PyNN's name; the message lists the valid names. */
    public static StandardModel byName(String name) {
        for (StandardModel m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new InvalidNetworkException("unknown model '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + ", SpikeSourceArray");
    }
}
