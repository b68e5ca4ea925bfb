package org.engram.models.hlop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A bias-free multi-layer network of discrete-time LIF neurons trained by DSR (differentiation on
 * the spike representation) with plain SGD, optionally with HLOP's projection of each layer's
 * presynaptic traces.
 *
 * <p>Forward, for one batch, every hidden layer over {@code T} steps:
 * <pre>
 *   u[t] = β u[t−1] + I[t]        β = exp(−Δt/τ), Δt/τ = {@link #STEP_OVER_TAU}
 *   s[t] = u[t] ≥ θ;  u[t] −= θ s[t]    soft reset, θ = {@link #THRESHOLD}
 *   a    = Σ_t w_t s[t] / Σ_t w_t,  w_t = exp(−(T−t) Δt/τ)     weighted firing rate
 * </pre>
 * The input current of the first layer is the pixel vector (0 to 1) repeated every step; of a later
 * layer, {@code W s[t]} of the spikes below. The classifier does not spike: its logits are the
 * weighted mean of its input current, {@code W a}, fed to softmax cross-entropy.
 *
 * <p>Backward (DSR): each hidden layer's rate is treated as {@code a = clamp(W a_in / θ, 0, 1)}, the rate
 * an integrate-and-fire neuron reaches, so the error passes, divided by {@code θ}, where the weighted
 * mean input current lies strictly between 0 and {@code θ} and stops elsewhere. The weight gradient of a layer is
 * {@code δᵀ x̃ / B} with {@code x̃} the presynaptic weighted rate, projected by that layer's
 * {@link SubspaceNeurons} when given. The threshold is fixed (the reference also trains it on the
 * first task).
 *
 * <p>Not thread-safe; deterministic for a given seed.
 */
public final class SpikingMlp {
    /** {@code Δt/τ} of the reference's DSR neuron ({@code Δt = 0.05}, {@code τ = 1}). */
    public static final double STEP_OVER_TAU = 0.05;
    /** Firing threshold, the reference's initial {@code Vth}; the rate of a constant current {@code I} is about {@code I/θ}. */
    public static final double THRESHOLD = 0.3;

    private final int[] sizes;
    private final int timesteps;
    private final DMatrixRMaj[] weights;
    private final double decay;
    private final double[] stepWeight;

    /**
     * @param sizes     layer widths, input first and the classes last, at least two
     * @param timesteps simulation steps {@code T} per sample, at least 1
     * @param seed      fixes the initial weights, uniform in ±1/√fan-in as a default linear layer
     */
    public SpikingMlp(int[] sizes, int timesteps, long seed) {
        if (sizes.length < 2) {
            throw new InvalidHlopException("SpikingMlp", "layer count", sizes.length, "at least 2 (input and classes)");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new InvalidHlopException("SpikingMlp", "size of layer " + i, sizes[i], "at least 1");
            }
        }
        if (timesteps < 1) {
            throw new InvalidHlopException("SpikingMlp", "timesteps", timesteps, "at least 1");
        }
        this.sizes = sizes.clone();
        this.timesteps = timesteps;
        this.decay = Math.exp(-STEP_OVER_TAU);
        this.stepWeight = new double[timesteps];
        double sum = 0;
        for (int t = 0; t < timesteps; t++) {
            sum += stepWeight[t] = Math.exp(-(timesteps - 1 - t) * STEP_OVER_TAU);
        }
        for (int t = 0; t < timesteps; t++) {
            stepWeight[t] /= sum;
        }
        SplittableRandom random = new SplittableRandom(seed);
        weights = new DMatrixRMaj[sizes.length - 1];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new DMatrixRMaj(sizes[l + 1], sizes[l]);
            double bound = 1 / Math.sqrt(sizes[l]);
            for (int i = 0; i < weights[l].data.length; i++) {
                weights[l].data[i] = random.nextDouble(-bound, bound);
            }
        }
    }

    /** Layer widths, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight layers; layer {@code l}'s presynaptic trace has {@code sizes()[l]} elements. */
    public int layers() {
        return weights.length;
    }

    /** A copy of weight layer {@code l}: one row per postsynaptic neuron. */
    public double[][] weights(int l) {
        return rows(weights[l]);
    }

    /** The class of highest logit for each input row. */
    public int[] predict(double[][] inputs) {
        DMatrixRMaj logits = forward(new DMatrixRMaj(inputs), null);
        int[] out = new int[inputs.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < logits.numCols; c++) {
                if (logits.get(i, c) > logits.get(i, best)) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * One SGD step on a batch; {@code lateral} (one circuit per weight layer, or {@code null})
     * projects each layer's presynaptic traces before its weight update, and afterwards learns on
     * them when {@code hebbian}. Returns the batch's mean cross-entropy.
     */
    public double train(double[][] inputs, int[] labels, double learningRate, SubspaceNeurons[] lateral,
            boolean hebbian) {
        int b = inputs.length;
        DMatrixRMaj[] rates = new DMatrixRMaj[weights.length];
        DMatrixRMaj[] currents = new DMatrixRMaj[weights.length];
        rates[0] = new DMatrixRMaj(inputs);
        DMatrixRMaj logits = forward(rates[0], new DMatrixRMaj[][] {rates, currents});
        double loss = 0;
        DMatrixRMaj delta = new DMatrixRMaj(b, sizes[sizes.length - 1]);
        for (int i = 0; i < b; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.numCols; c++) {
                max = Math.max(max, logits.get(i, c));
            }
            double z = 0;
            for (int c = 0; c < logits.numCols; c++) {
                z += Math.exp(logits.get(i, c) - max);
            }
            loss += Math.log(z) + max - logits.get(i, labels[i]);
            for (int c = 0; c < logits.numCols; c++) {
                delta.set(i, c, (Math.exp(logits.get(i, c) - max) / z - (c == labels[i] ? 1 : 0)) / b);
            }
        }
        for (int l = weights.length - 1; l >= 0; l--) {
            DMatrixRMaj below = null;
            if (l > 0) {
                below = new DMatrixRMaj(b, sizes[l]);
                CommonOps_DDRM.mult(delta, weights[l], below);
                double[] d = below.data;
                double[] current = currents[l - 1].data;
                for (int i = 0; i < d.length; i++) {
                    d[i] = current[i] > 0 && current[i] < THRESHOLD ? d[i] / THRESHOLD : 0;
                }
            }
            DMatrixRMaj trace = rates[l];
            if (lateral != null) {
                trace = new DMatrixRMaj(lateral[l].project(rows(trace)));
            }
            CommonOps_DDRM.multAddTransA(-learningRate, delta, trace, weights[l]);
            delta = below;
        }
        if (lateral != null && hebbian) {
            for (int l = 0; l < weights.length; l++) {
                lateral[l].learn(rows(rates[l]));
            }
        }
        return loss / b;
    }

    /**
     * Logits of a batch; when {@code record} is given, fills {@code record[0][l]} with layer
     * {@code l}'s presynaptic weighted rate and {@code record[1][l−1]} with hidden layer
     * {@code l}'s weighted mean input current.
     */
    private DMatrixRMaj forward(DMatrixRMaj input, DMatrixRMaj[][] record) {
        int b = input.numRows;
        // spikes[t] of the layer below; the input layer's "spikes" are the pixels at every step
        DMatrixRMaj[] spikes = new DMatrixRMaj[timesteps];
        Arrays.fill(spikes, input);
        DMatrixRMaj rate = input;
        for (int l = 0; l < weights.length - 1; l++) {
            int n = sizes[l + 1];
            double[] u = new double[b * n];
            DMatrixRMaj meanCurrent = new DMatrixRMaj(b, n);
            DMatrixRMaj nextRate = new DMatrixRMaj(b, n);
            DMatrixRMaj[] nextSpikes = new DMatrixRMaj[timesteps];
            DMatrixRMaj current = new DMatrixRMaj(b, n);
            for (int t = 0; t < timesteps; t++) {
                if (t == 0 || spikes[t] != spikes[t - 1]) {
                    CommonOps_DDRM.multTransB(spikes[t], weights[l], current);
                }
                CommonOps_DDRM.addEquals(meanCurrent, stepWeight[t], current);
                nextSpikes[t] = new DMatrixRMaj(b, n);
                double[] s = nextSpikes[t].data;
                double[] in = current.data;
                double[] r = nextRate.data;
                for (int i = 0; i < u.length; i++) {
                    u[i] = decay * u[i] + in[i];
                    if (u[i] >= THRESHOLD) {
                        s[i] = 1;
                        u[i] -= THRESHOLD;
                        r[i] += stepWeight[t];
                    }
                }
            }
            if (record != null) {
                record[0][l + 1] = nextRate;
                record[1][l] = meanCurrent;
            }
            spikes = nextSpikes;
            rate = nextRate;
        }
        DMatrixRMaj logits = new DMatrixRMaj(b, sizes[sizes.length - 1]);
        CommonOps_DDRM.multTransB(rate, weights[weights.length - 1], logits);
        return logits;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }
}
