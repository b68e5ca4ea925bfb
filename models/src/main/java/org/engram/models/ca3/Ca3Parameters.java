package org.engram.models.ca3;

import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.WeightDependence.AdditiveWeightDependence;

/**
 * The CA3 memory's parameters, as in the original {@code config/network_config.json}. Every
 * population is PyNN's {@code IF_curr_exp}; weights are in nA, potentials in mV, times in ms.
 * The delays are part of the circuit's timing design and live in {@link Ca3Network}.
 *
 * <table>
 *   <caption>{@link #ORIGINAL}</caption>
 *   <tr><th>name</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>slow</td><td>cm 0.27, tau_m 3</td><td>CueCue, ContCue, ContCont, MergeCue, MergeCont</td></tr>
 *   <tr><td>fast</td><td>cm 0.14, tau_m 0.5</td><td>CueCont, ContCond, ContCondInt</td></tr>
 *   <tr><td>output</td><td>slow, v_thresh -57.5</td><td>OUT_cue, OUT_cont</td></tr>
 *   <tr><td>shared</td><td>tau_refrac 1, tau_syn_E = tau_syn_I = 0.3, v_rest = v_reset = -60,
 *       v_thresh -57, i_offset 0</td><td>every population</td></tr>
 *   <tr><td>vInitMv</td><td>-60</td><td>initial membrane potential</td></tr>
 *   <tr><td>weightNa</td><td>6</td><td>every static synapse but the two below</td></tr>
 *   <tr><td>gateWeightNa</td><td>9</td><td>ContCue to ContCond</td></tr>
 *   <tr><td>interneuronWeightNa</td><td>2</td><td>ContCondInt to ContCond</td></tr>
 *   <tr><td>lateralInhibitionPerBitNa</td><td>6</td><td>the two lateral inhibitions onto CueCont
 *       weigh this times N</td></tr>
 *   <tr><td>stdpRule</td><td>tau_plus = tau_minus = 3, A_plus = A_minus = 6</td><td>both plastic
 *       projections</td></tr>
 *   <tr><td>stdpBounds</td><td>w_min 0, w_max 6</td><td>additive weight dependence</td></tr>
 *   <tr><td>stdpInitialWeightNa</td><td>0</td><td>plastic weights at start (no memory)</td></tr>
 * </table>
 */
public record Ca3Parameters(StandardCell slow, StandardCell fast, StandardCell output, double vInitMv,
        double weightNa, double gateWeightNa, double interneuronWeightNa, double lateralInhibitionPerBitNa,
        SpikePairRule stdpRule, AdditiveWeightDependence stdpBounds, double stdpInitialWeightNa) {

    /** The original work's values. */
    public static final Ca3Parameters ORIGINAL = new Ca3Parameters(
            cell(0.27, 3.0, -57.0), cell(0.14, 0.5, -57.0), cell(0.27, 3.0, -57.5), -60.0,
            6.0, 9.0, 2.0, 6.0,
            new SpikePairRule(3.0, 3.0, 6.0, 6.0), new AdditiveWeightDependence(0.0, 6.0), 0.0);

    public Ca3Parameters {
        for (StandardCell c : new StandardCell[] {slow, fast, output}) {
            if (c == null || c.model() != StandardModel.IF_curr_exp) {
                throw new InvalidNetworkException("Ca3Parameters: every population is IF_curr_exp; got "
                        + (c == null ? "null" : c.modelName()));
            }
        }
        if (!Double.isFinite(vInitMv)) {
            throw new InvalidNetworkException("Ca3Parameters: vInitMv is " + vInitMv + "; expected a finite potential");
        }
        check("weightNa", weightNa);
        check("gateWeightNa", gateWeightNa);
        check("interneuronWeightNa", interneuronWeightNa);
        check("lateralInhibitionPerBitNa", lateralInhibitionPerBitNa);
        check("stdpInitialWeightNa", stdpInitialWeightNa);
        if (stdpRule == null || stdpBounds == null) {
            throw new InvalidNetworkException("Ca3Parameters: stdpRule and stdpBounds are required");
        }
    }

    private static void check(String name, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new InvalidNetworkException("Ca3Parameters: " + name + " is " + w + "; expected a finite weight >= 0 nA");
        }
    }

    private static StandardCell cell(double cm, double tauM, double vThresh) {
        return StandardModel.IF_curr_exp.defaults()
                .with("cm", cm).with("tau_m", tauM).with("tau_refrac", 1.0)
                .with("tau_syn_E", 0.3).with("tau_syn_I", 0.3)
                .with("v_rest", -60.0).with("v_reset", -60.0).with("v_thresh", vThresh)
                .with("i_offset", 0.0);
    }

    /** The cell of a population: slow, fast or output. */
    public StandardCell cellOf(Ca3Population p) {
        return switch (p) {
            case CueCont, ContCond, ContCondInt -> fast;
            case OUT_cue, OUT_cont -> output;
            case IN_cue, IN_cont -> throw new IllegalArgumentException(p + " is a spike source");
            default -> slow;
        };
    }
}
