package org.engram.simulator.synapse;

import org.engram.simulator.error.InvalidNetworkException;

/**
 * How a weight change depends on the weight; every result is clamped to [w_min, w_max]. The
 * engines apply one summed change per spike, not one per pair: at a pre spike, first, for each
 * post spike that arrived since the previous pre spike (in order), the potentiation by all
 * earlier pre spikes together (their trace), then the depression by all earlier post spikes
 * together (the latest post spike's trace); each of these is one call here, clamped.
 */
public sealed interface WeightDependence
        permits WeightDependence.AdditiveWeightDependence, WeightDependence.MultiplicativeWeightDependence {
    double w_min();

    double w_max();

    /** The weight after potentiation by the timing factor {@code a = A_plus * exp(-dt/tau_plus)}. */
    double potentiate(double w, double a);

    /** The weight after depression by the timing factor {@code a = A_minus * exp(dt/tau_minus)}. */
    double depress(double w, double a);

    /** PyNN's name, as written in JSON. */
    String typeName();

    private static void checkBounds(String name, double wMin, double wMax) {
        if (!Double.isFinite(wMin) || !Double.isFinite(wMax) || wMin < 0 || !(wMin <= wMax)) {
            throw new InvalidNetworkException(name + ": expected 0 <= w_min <= w_max, finite; got w_min "
                    + wMin + ", w_max " + wMax);
        }
    }

    /** {@code w + a} for potentiation, {@code w - a} for depression. PyNN's defaults: [0, 1]. */
    record AdditiveWeightDependence(double w_min, double w_max) implements WeightDependence {
        public AdditiveWeightDependence {
            checkBounds("AdditiveWeightDependence", w_min, w_max);
        }

        @Override
        public double potentiate(double w, double a) {
            return Math.min(w_max, w + a);
        }

        @Override
        public double depress(double w, double a) {
            return Math.max(w_min, w - a);
        }

        @Override
        public String typeName() {
            return "AdditiveWeightDependence";
        }
    }

    /** {@code w + a (w_max - w)} for potentiation, {@code w - a (w - w_min)} for depression. */
    record MultiplicativeWeightDependence(double w_min, double w_max) implements WeightDependence {
        public MultiplicativeWeightDependence {
            checkBounds("MultiplicativeWeightDependence", w_min, w_max);
        }

        @Override
        public double potentiate(double w, double a) {
            return Math.min(w_max, w + a * (w_max - w));
        }

        @Override
        public double depress(double w, double a) {
            return Math.max(w_min, w - a * (w - w_min));
        }

        @Override
        public String typeName() {
            return "MultiplicativeWeightDependence";
        }
    }
}
