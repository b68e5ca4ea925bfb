package org.engram.simulator.neuron;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * What a spike does to the membrane of a LIF neuron ({@code IF_curr_exp}, {@code IF_curr_delta},
 * {@code IF_cond_exp}). Written in network files as {@code "reset": "set"} or {@code "subtract"}.
 */
public enum Reset {
    /** PyNN's reset: {@code v <- v_reset}. The default. */
    SET,
    /**
     * The soft (subtractive) reset of discrete-time spiking networks trained offline:
     * {@code v <- v - (v_thresh - v_reset)}, so that what v held above threshold is kept. With
     * {@code v_reset = v_rest = 0} this is {@code u <- u - theta}.
     */
    SUBTRACT;

    /** The name in network files: {@code set} or {@code subtract}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reset named {@code name} in network files; the message lists the valid names. */
    public static Reset byJsonName(String name) {
        for (Reset r : values()) {
            if (r.jsonName().equals(name)) {
                return r;
            }
        }
        throw new InvalidNetworkException("unknown reset '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Reset::jsonName).collect(Collectors.joining(", ")));
    }
}
