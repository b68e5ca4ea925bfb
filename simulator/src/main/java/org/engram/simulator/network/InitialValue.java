package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.neuron.Param;
import org.engram.simulator.random.Value;

/**
 * The initial value of a state variable: fixed (one value or one per neuron) or drawn per neuron
 * from a seeded distribution. Exactly one of the two is set.
 */
public record InitialValue(Param fixed, Value random) {
    public InitialValue {
        if ((fixed == null) == (random == null)) {
            throw new InvalidNetworkException("an initial value is either fixed or random");
        }
    }

    public static InitialValue of(double v) {
        return new InitialValue(Param.of(v), null);
    }

    public static InitialValue of(Param p) {
        return new InitialValue(p, null);
    }

    public static InitialValue of(Value distribution) {
        return distribution instanceof Value.Constant c ? of(c.value()) : new InitialValue(null, distribution);
    }
}
