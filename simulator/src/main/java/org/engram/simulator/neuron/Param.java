package org.engram.simulator.neuron;

import java.util.Arrays;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * A parameter or initial value: one value for the whole population, or one value per neuron
 * (PyNN's homogeneous and heterogeneous parameters). Immutable; values are finite.
 */
public final class Param {
    private final double[] values;

    private Param(double[] values) {
        this.values = values;
    }

    /** One value for every neuron. */
    public static Param of(double value) {
        return new Param(new double[] {check(value)});
    }

    /** One value per neuron; the array is copied. */
    public static Param perNeuron(double... values) {
        if (values.length == 0) {
            throw new InvalidNetworkException("a per-neuron parameter needs at least one value");
        }
        double[] copy = values.clone();
        for (double v : copy) {
            check(v);
        }
        return new Param(copy);
    }

    private static double check(double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidNetworkException("parameter value " + v + " is not a finite number");
        }
        return v;
    }

    /** True for one value shared by all neurons. */
    public boolean isHomogeneous() {
        return values.length == 1;
    }

    /** The number of values: 1 for a homogeneous parameter. */
    public int length() {
        return values.length;
    }

    /** The value for neuron {@code i} of the population. */
    public double at(int i) {
        return values.length == 1 ? values[0] : values[i];
    }

    /** A copy of the values (length 1 when homogeneous). */
    public double[] values() {
        return values.clone();
    }

    /** The smallest value. */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** The largest value. */
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return isHomogeneous() ? Double.toString(values[0]) : Arrays.toString(values);
    }
}
