package org.engram.simulator.synapse;

import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's SpikePairRule: the all-to-all pair rule with exponential windows. For a pair with
 * {@code dt = t_post + delay - t_pre}: {@code dt > 0} potentiates by {@code A_plus * exp(-dt /
 * tau_plus)}, {@code dt < 0} depresses by {@code A_minus * exp(dt / tau_minus)}, scaled by the
 * weight dependence. A± are not multiplied by w_max: for the additive dependence they are in
 * weight units (as sPyNNaker computes them; see the grid engine).
 *
 * <p>PyNN's defaults: tau_plus = tau_minus = 20 ms, A_plus = A_minus = 0.01.
 */
public record SpikePairRule(double tau_plus, double tau_minus, double A_plus, double A_minus) {
    public SpikePairRule {
        if (!(tau_plus > 0) || !(tau_minus > 0) || Double.isInfinite(tau_plus) || Double.isInfinite(tau_minus)) {
            throw new InvalidNetworkException("SpikePairRule: tau_plus (" + tau_plus + ") and tau_minus ("
                    + tau_minus + ") must be positive finite times in ms");
        }
        if (!(A_plus >= 0) || !(A_minus >= 0) || Double.isInfinite(A_plus) || Double.isInfinite(A_minus)) {
            throw new InvalidNetworkException("SpikePairRule: A_plus (" + A_plus + ") and A_minus ("
                    + A_minus + ") must be finite and >= 0");
        }
    }

    /** PyNN's defaults. */
    public SpikePairRule() {
        this(20.0, 20.0, 0.01, 0.01);
    }
}
