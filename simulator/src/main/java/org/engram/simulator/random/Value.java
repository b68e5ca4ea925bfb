package org.engram.simulator.random;

import org.engram.simulator.error.InvalidNetworkException;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A weight or delay: a constant or a seeded random distribution (PyNN's RandomDistribution).
 * Draws come from the generator the builder passes in, which is seeded from the network's seed,
 * so equal seeds give equal values.
 */
public sealed interface Value permits Value.Constant, Value.Uniform, Value.Normal, Value.NormalClipped {

    /** Draws one value. */
    double draw(RandomGenerator rng);

    /** The smallest value a draw can give (for validation). */
    double lowerBound();

    /** A constant value. */
    static Value of(double v) {
        return new Constant(v);
    }

    /** A constant; it reads as its number in messages ("delay -1.0 must be > 0 ms"). */
    record Constant(double value) implements Value {
        public Constant {
            finite("value", value);
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }

        @Override
        public double draw(RandomGenerator rng) {
            return value;
        }

        @Override
        public double lowerBound() {
            return value;
        }
    }

    /** PyNN's {@code RandomDistribution('uniform', low=, high=)}: uniform on [low, high). */
    record Uniform(double low, double high) implements Value {
        public Uniform {
            finite("low", low);
            finite("high", high);
            if (!(low <= high)) {
                throw new InvalidNetworkException(
                        "uniform distribution: low (" + low + ") must not exceed high (" + high + ")");
            }
        }

        @Override
        public double draw(RandomGenerator rng) {
            return low + (high - low) * rng.nextDouble();
        }

        @Override
        public double lowerBound() {
            return low;
        }
    }

    /** PyNN's {@code RandomDistribution('normal', mu=, sigma=)}. */
    record Normal(double mu, double sigma) implements Value {
        public Normal {
            finite("mu", mu);
            finite("sigma", sigma);
            nonNegative("sigma", sigma);
        }

        @Override
        public double draw(RandomGenerator rng) {
            return mu + sigma * rng.nextGaussian();
        }

        @Override
        public double lowerBound() {
            return sigma == 0 ? mu : Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * PyNN's {@code RandomDistribution('normal_clipped', mu=, sigma=, low=, high=)}: a normal
     * distribution truncated to [low, high] by redrawing values outside it.
     */
    record NormalClipped(double mu, double sigma, double low, double high) implements Value {
        private static final int MAX_REDRAWS = 1_000_000;

        public NormalClipped {
            finite("mu", mu);
            finite("sigma", sigma);
            nonNegative("sigma", sigma);
            if (Double.isNaN(low) || Double.isNaN(high) || !(low <= high)) {
                throw new InvalidNetworkException(
                        "normal_clipped distribution: low (" + low + ") must not exceed high (" + high + ")");
            }
        }

        @Override
        public double draw(RandomGenerator rng) {
            for (int i = 0; i < MAX_REDRAWS; i++) {
                double x = mu + sigma * rng.nextGaussian();
                if (x >= low && x <= high) {
                    return x;
                }
            }
            throw new InvalidNetworkException("normal_clipped distribution (mu "
                    + mu + ", sigma " + sigma + "): [" + low + ", " + high + "] holds almost no probability");
        }

        @Override
        public double lowerBound() {
            return low;
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidNetworkException(
                    name + " is " + v + "; expected a finite number");
        }
    }

    private static void nonNegative(String name, double v) {
        if (v < 0) {
            throw new InvalidNetworkException(name + " is " + v + "; expected >= 0");
        }
    }
}
