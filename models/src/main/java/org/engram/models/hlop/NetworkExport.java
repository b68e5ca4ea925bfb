package org.engram.models.hlop;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.MembraneTrace;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.StaticSynapse;

/**
 * A trained {@link SpikingMlp} as an ordinary {@link Network} that classifies a sequence of digits,
 * one after another, on the simulator's grid at {@link #STEP_MS}:
 *
 * <ul>
 *   <li>{@value #INPUT}: a {@code SpikeSourceArray} with one neuron per pixel, firing the
 *       {@link RateCode}'s spikes of each digit, step {@code t} of digit {@code d} at
 *       {@code (start(d) + t)} ms.</li>
 *   <li>{@code hidden1}, {@code hidden2}, …: {@code IF_curr_delta} with {@code v_rest = v_reset = 0},
 *       {@code v_thresh} the network's θ, {@code tau_m = dt/(Δt/τ)} (20 ms, so the grid's
 *       {@code exp(−dt/tau_m)} is the network's β), no refractory period, the subtractive reset
 *       ({@code "reset": "subtract"}) and {@code v = 0} at the start: on the grid this is
 *       {@code u[t] = β u[t−1] + W s[t]}, spike if {@code u ≥ θ}, {@code u −= θ}, the trained
 *       neuron.</li>
 *   <li>{@value #READOUT}: the classifier as a leaky integrator, {@code IF_curr_delta} like the
 *       hidden layers but with a threshold it cannot reach; its v, recorded every digit, is
 *       {@code Σ_t β^(T−1−t) W s[t]} of the last hidden layer at the digit's last step, which is
 *       the trained logits times {@code Σ_k β^k}: the same largest class.</li>
 *   <li>Each weight matrix is two projections, its positive weights excitatory and its negative
 *       ones inhibitory (weights are non-negative in a network), all with the one-step delay.</li>
 * </ul>
 *
 * <p>Timing: every layer adds one step of delay, so layer {@code l} sees digit {@code d}'s step
 * {@code t} at {@code start(d) + t + l}, and the read-out holds its logits after step
 * {@code start(d) + T + H} for {@code H} hidden layers. Digits are placed {@link #period} steps apart
 * so that this step is {@code (d+1) · period}, where the v recording samples it, and so that the
 * {@link #REST_STEPS} between the last input of a digit and the first of the next let every
 * membrane decay to {@code β^REST_STEPS} (below 1e-6) of what it held: the next digit starts from
 * rest, as in training.
 */
public final class NetworkExport {
    /** The grid step: one step of the trained network. */
    public static final double STEP_MS = 1.0;
    /** Steps from a digit's last read-out to the next digit's first input: β^280 = e^−14 < 1e-6. */
    public static final int REST_STEPS = 280;
    public static final String INPUT = "input";
    public static final String READOUT = "readout";

    private NetworkExport() {}

    /** Steps from one digit to the next for {@code net}: T + hidden layers + {@link #REST_STEPS}. */
    public static int period(SpikingMlp net) {
        return net.timesteps() + net.layers() - 1 + REST_STEPS;
    }

    /** The label of hidden layer {@code l}, from 1. */
    public static String hidden(int l) {
        return "hidden" + l;
    }

    /**
     * {@code net} presenting {@code digits} (rows of intensities 0 to 1, as many as the network
     * has inputs) in order; run it for its {@code runMs} on the grid at {@link #STEP_MS} and
     * {@link #decode} the recording.
     */
    public static Network of(SpikingMlp net, double[][] digits) {
        int[] sizes = net.sizes();
        if (digits.length == 0) {
            throw new InvalidHlopException("NetworkExport", "digits", 0, "at least 1");
        }
        for (int d = 0; d < digits.length; d++) {
            if (digits[d].length != sizes[0]) {
                throw new InvalidHlopException("NetworkExport", "digit " + d + " length", digits[d].length,
                        sizes[0] + " (the network's inputs)");
            }
        }
        RateCode.check("NetworkExport", digits);
        int hiddenLayers = net.layers() - 1;
        int period = period(net);
        List<Population> populations = new ArrayList<>();
        populations.add(new Population(INPUT, sizes[0], inputSpikes(digits, net.timesteps(), hiddenLayers, period)));
        StandardCell lif = StandardModel.IF_curr_delta.with("v_rest", 0.0, "v_reset", 0.0, "v_thresh",
                SpikingMlp.THRESHOLD, "tau_m", STEP_MS / SpikingMlp.STEP_OVER_TAU, "tau_refrac", 0.0)
                .withReset(Reset.SUBTRACT);
        for (int l = 1; l <= hiddenLayers; l++) {
            populations.add(new Population(hidden(l), sizes[l], lif).initialize("v", 0.0));
        }
        double[][] readoutWeights = net.weights(hiddenLayers);
        StandardCell integrator = lif.with("v_thresh", unreachable(readoutWeights, net.timesteps()));
        populations.add(new Population(READOUT, sizes[sizes.length - 1], integrator).initialize("v", 0.0)
                .recording(false, true, period * STEP_MS));
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            Population pre = populations.get(l);
            Population post = populations.get(l + 1);
            double[][] w = net.weights(l);
            for (Receptor receptor : Receptor.values()) {
                List<FromList.Connection> connections = new ArrayList<>();
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[i].length; j++) {
                        double weight = receptor == Receptor.excitatory ? w[i][j] : -w[i][j];
                        if (weight > 0) {
                            connections.add(new FromList.Connection(j, i, weight, STEP_MS));
                        }
                    }
                }
                if (!connections.isEmpty()) {
                    projections.add(new Projection(pre.label() + "->" + post.label() + ":" + receptor.name(), pre, post,
                            new FromList(connections), new StaticSynapse(0, STEP_MS), receptor, null));
                }
            }
        }
        return new Network(1, STEP_MS, (digits.length * (long) period + 1) * STEP_MS, populations, projections);
    }

    /**
     * The class of each digit an exported network showed, from a run of it: the read-out neuron of
     * highest v at the digit's read step. The network file says all it takes: the read-out's v
     * interval is the period, and its {@code run_ms} covers that many digits.
     *
     * @throws InvalidHlopException if {@code network} has no read-out recording v, or the run lacks
     *     a digit's sample
     */
    public static int[] decode(Network network, Recording recording) {
        Population readout = network.populations().stream().filter(p -> p.label().equals(READOUT)).findFirst()
                .orElse(null);
        if (readout == null || !readout.record().v() || !(readout.record().vIntervalMs() > 0)) {
            throw new InvalidHlopException("NetworkExport.decode", "population " + READOUT,
                    readout == null ? "missing" : "not recording v once a digit", "the read-out of an exported network");
        }
        double periodMs = readout.record().vIntervalMs();
        int digits = (int) Math.floor(network.runMs() / periodMs);
        MembraneTrace v = recording.membrane(READOUT);
        double[] times = v.timesMs();
        double[][] values = v.values();
        int[] out = new int[digits];
        java.util.Arrays.fill(out, -1);
        for (int s = 0; s < times.length; s++) {
            long d = Math.round(times[s] / periodMs) - 1;
            if (d >= 0 && d < digits && Math.abs(times[s] - (d + 1) * periodMs) < STEP_MS / 2) {
                int best = 0;
                for (int c = 1; c < values.length; c++) {
                    if (values[c][s] > values[best][s]) {
                        best = c;
                    }
                }
                out[(int) d] = best;
            }
        }
        for (int d = 0; d < digits; d++) {
            if (out[d] < 0) {
                throw new InvalidHlopException("NetworkExport.decode", "read-out sample of digit " + d, "missing",
                        "one at " + (d + 1) * periodMs + " ms (run the network for its run_ms)");
            }
        }
        return out;
    }

    /** Spike times of every pixel: digit d's step t at (start(d) + t) · STEP_MS, start(d) = (d+1)·period − T − H. */
    private static SpikeSourceArray inputSpikes(double[][] digits, int timesteps, int hiddenLayers, int period) {
        int pixels = digits[0].length;
        List<double[]> times = new ArrayList<>(pixels);
        double[] buffer = new double[digits.length * timesteps];
        for (int j = 0; j < pixels; j++) {
            int n = 0;
            for (int d = 0; d < digits.length; d++) {
                long start = (d + 1L) * period - timesteps - hiddenLayers;
                for (int t : RateCode.steps(digits[d][j], timesteps)) {
                    buffer[n++] = (start + t) * STEP_MS;
                }
            }
            times.add(java.util.Arrays.copyOf(buffer, n));
        }
        return new SpikeSourceArray(times);
    }

    /**
     * A threshold the read-out's v cannot reach: twice the most any neuron can integrate over one
     * digit, {@code Σ_k β^k · max_i Σ_j max(W_ij, 0)} (every input spiking at every step), plus 1.
     */
    private static double unreachable(double[][] w, int timesteps) {
        double most = 0;
        for (double[] row : w) {
            double positive = 0;
            for (double x : row) {
                positive += Math.max(x, 0);
            }
            most = Math.max(most, positive);
        }
        double steps = 0;
        for (int k = 0; k < timesteps; k++) {
            steps += Math.exp(-k * SpikingMlp.STEP_OVER_TAU);
        }
        return 2 * steps * most + 1;
    }
}
