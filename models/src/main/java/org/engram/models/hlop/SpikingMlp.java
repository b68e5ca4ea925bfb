package org.engram.models.hlop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * A bias-free multi-layer network of discrete-time LIF neurons trained by DSR (differentiation on
 * the spike representation) with plain SGD, optionally with HLOP's projection of each layer's
 * presynaptic traces.
 *
 * <p>Forward, for one batch, every hidden layer over {@code T} steps:
 * <pre>
 *   u[t] = β u[t−1] + I[t]        β = exp(−Δt/τ), Δt/τ = {@link #STEP_OVER_TAU}, u[−1] = 0
 *   s[t] = u[t] ≥ θ;  u[t] −= θ s[t]    soft reset, θ = {@link #THRESHOLD}
 *   a    = Σ_t w_t s[t],  w_t = β^(T−1−t) / Σ_k β^k     weighted firing rate
 * </pre>
 * The input is the pixels' spikes under the {@link RateCode}; the input current of a layer is
 * {@code I[t] = W s[t]} of the spikes below at the same step. The classifier does not spike: its
 * logits are {@code W a} of the last hidden layer's weighted rate, fed to softmax cross-entropy.
 * Spikes are sparse, so {@code W s[t]} is a sparse (spikes) times dense (weights) product that
 * costs per spike; everything else is dense.
 *
 * <p>Backward (DSR): each hidden layer's rate is treated as {@code a = clamp(Ī / θ, 0, 1)} with
 * {@code Ī = Σ_t w_t I[t]}, the rate an integrate-and-fire neuron reaches, so the error passes,
 * divided by {@code θ}, where {@code Ī} lies strictly between 0 and {@code θ} and stops elsewhere.
 * The weight gradient of a layer is {@code δᵀ x̃ / B} with {@code x̃} the presynaptic weighted rate,
 * projected by that layer's {@link SubspaceNeurons} when given. The threshold is fixed (the
 * reference also trains it on the first task).
 *
 * <p>Not thread-safe; deterministic for a given seed.
 */
public final class SpikingMlp {
    /** {@code Δt/τ} of the reference's DSR neuron ({@code Δt = 0.05}, {@code τ = 1}). */
    public static final double STEP_OVER_TAU = 0.05;
    /** Firing threshold, the reference's initial {@code Vth}; a constant current {@code I} fires at a rate of about {@code I/θ}. */
    public static final double THRESHOLD = 0.3;
    /** Digits per forward pass of {@link #predict}: bounds its memory whatever the test set's size. */
    private static final int PREDICT_CHUNK = 500;

    /** One SGD step's outcome on its batch: the mean cross-entropy and the digits classified right. */
    public record BatchScore(double meanLoss, int correct) {}

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

    /** Steps {@code T} per sample. */
    public int timesteps() {
        return timesteps;
    }

    /** Number of weight layers; layer {@code l}'s presynaptic trace has {@code sizes()[l]} elements. */
    public int layers() {
        return weights.length;
    }

    /** A copy of weight layer {@code l}: one row per postsynaptic neuron. */
    public double[][] weights(int l) {
        return rows(weights[l]);
    }

    /** The class of highest logit for each input row (intensities 0 to 1). */
    public int[] predict(double[][] inputs) {
        RateCode.check("SpikingMlp.predict", inputs);
        int[] out = new int[inputs.length];
        for (int from = 0; from < inputs.length; from += PREDICT_CHUNK) {
            double[][] chunk = Arrays.copyOfRange(inputs, from, Math.min(inputs.length, from + PREDICT_CHUNK));
            DMatrixRMaj logits = new Pass(chunk.length).run(chunk);
            for (int i = 0; i < chunk.length; i++) {
                out[from + i] = argmax(logits, i);
            }
        }
        return out;
    }

    /** The logits of each input row: the classifier's weighted mean input current. */
    public double[][] logits(double[][] inputs) {
        RateCode.check("SpikingMlp.logits", inputs);
        return rows(new Pass(inputs.length).run(inputs));
    }

    /**
     * The presynaptic trace of every weight layer for each input row: {@code traces[l][i]} is the
     * weighted firing rate of layer {@code l}'s inputs (the pixels' spikes for {@code l = 0}) for
     * input {@code i}, what layer {@code l}'s weight update and lateral circuit see.
     */
    public double[][][] traces(double[][] inputs) {
        RateCode.check("SpikingMlp.traces", inputs);
        Pass pass = new Pass(inputs.length);
        pass.run(inputs);
        double[][][] out = new double[weights.length][][];
        for (int l = 0; l < out.length; l++) {
            out[l] = rows(pass.rates[l]);
        }
        return out;
    }

    /**
     * One SGD step on a batch of inputs (intensities 0 to 1) and their labels; {@code lateral}
     * (one circuit per weight layer, or {@code null}) projects each layer's presynaptic traces
     * before its weight update, and afterwards learns on them when {@code hebbian}.
     */
    public BatchScore train(double[][] inputs, int[] labels, double learningRate, SubspaceNeurons[] lateral,
            boolean hebbian) {
        RateCode.check("SpikingMlp.train", inputs);
        if (lateral != null) {
            if (lateral.length != weights.length) {
                throw new InvalidHlopException("SpikingMlp.train", "lateral circuits", lateral.length,
                        weights.length + " (one per weight layer)");
            }
            for (int l = 0; l < lateral.length; l++) {
                if (lateral[l].rule().inputSize() != sizes[l]) {
                    throw new InvalidHlopException("SpikingMlp.train", "inputSize of lateral circuit " + l,
                            lateral[l].rule().inputSize(), sizes[l] + " (the width of layer " + l + ")");
                }
            }
        }
        int b = inputs.length;
        Pass pass = new Pass(b);
        DMatrixRMaj logits = pass.run(inputs);
        double loss = 0;
        int correct = 0;
        DMatrixRMaj delta = new DMatrixRMaj(b, sizes[sizes.length - 1]);
        for (int i = 0; i < b; i++) {
            int best = argmax(logits, i);
            double max = logits.get(i, best);
            correct += best == labels[i] ? 1 : 0;
            double z = 0;
            for (int c = 0; c < logits.numCols; c++) {
                z += Math.exp(logits.get(i, c) - max);
            }
            loss += Math.log(z) + max - logits.get(i, labels[i]);
            for (int c = 0; c < logits.numCols; c++) {
                delta.set(i, c, (Math.exp(logits.get(i, c) - max) / z - (c == labels[i] ? 1 : 0)) / b);
            }
        }
        DMatrixRMaj[] projected = new DMatrixRMaj[weights.length];
        for (int l = weights.length - 1; l >= 0; l--) {
            DMatrixRMaj below = null;
            if (l > 0) {
                below = new DMatrixRMaj(b, sizes[l]);
                CommonOps_DDRM.mult(delta, weights[l], below);
                double[] d = below.data;
                double[] current = pass.meanCurrents[l - 1].data;
                for (int i = 0; i < d.length; i++) {
                    d[i] = current[i] > 0 && current[i] < THRESHOLD ? d[i] / THRESHOLD : 0;
                }
            }
            projected[l] = lateral == null ? pass.rates[l] : lateral[l].project(pass.rates[l]);
            CommonOps_DDRM.multAddTransA(-learningRate, delta, projected[l], weights[l]);
            delta = below;
        }
        if (lateral != null && hebbian) {
            for (int l = 0; l < weights.length; l++) {
                lateral[l].learn(pass.rates[l], projected[l]);
            }
        }
        return new BatchScore(loss / b, correct);
    }

    private static int argmax(DMatrixRMaj m, int row) {
        int best = 0;
        for (int c = 1; c < m.numCols; c++) {
            if (m.get(row, c) > m.get(row, best)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * One forward pass over a batch, step by step through every layer, keeping what the backward
     * pass needs: {@code rates[l]}, layer {@code l}'s presynaptic weighted rate (the pixels' for
     * {@code l = 0}), and {@code meanCurrents[l]}, hidden layer {@code l+1}'s weighted mean input
     * current.
     */
    private final class Pass {
        final DMatrixRMaj[] rates = new DMatrixRMaj[weights.length];
        final DMatrixRMaj[] meanCurrents = new DMatrixRMaj[weights.length - 1];
        private final int b;

        Pass(int b) {
            this.b = b;
        }

        DMatrixRMaj run(double[][] inputs) {
            int hidden = weights.length - 1;
            // spikes[l] at the current step: l = 0 the pixels', l ≥ 1 hidden layer l's
            DMatrixRMaj[] spikes = new DMatrixRMaj[hidden + 1];
            DMatrixRMaj[] transposed = new DMatrixRMaj[hidden];
            DMatrixRMaj[] currents = new DMatrixRMaj[hidden];
            double[][] membranes = new double[hidden][];
            for (int l = 0; l <= hidden; l++) {
                spikes[l] = new DMatrixRMaj(b, sizes[l]);
                rates[l] = new DMatrixRMaj(b, sizes[l]);
            }
            for (int l = 0; l < hidden; l++) {
                transposed[l] = CommonOps_DDRM.transpose(weights[l], null);
                currents[l] = new DMatrixRMaj(b, sizes[l + 1]);
                meanCurrents[l] = new DMatrixRMaj(b, sizes[l + 1]);
                membranes[l] = new double[b * sizes[l + 1]];
            }
            DMatrixSparseCSC sparse = new DMatrixSparseCSC(b, sizes[0], 0);
            for (int t = 0; t < timesteps; t++) {
                encode(inputs, t, spikes[0]);
                CommonOps_DDRM.addEquals(rates[0], stepWeight[t], spikes[0]);
                for (int l = 0; l < hidden; l++) {
                    DConvertMatrixStruct.convert(spikes[l], sparse, 0);
                    CommonOps_DSCC.mult(sparse, transposed[l], currents[l]);
                    CommonOps_DDRM.addEquals(meanCurrents[l], stepWeight[t], currents[l]);
                    integrate(membranes[l], currents[l].data, spikes[l + 1].data);
                    CommonOps_DDRM.addEquals(rates[l + 1], stepWeight[t], spikes[l + 1]);
                }
            }
            DMatrixRMaj logits = new DMatrixRMaj(b, sizes[sizes.length - 1]);
            CommonOps_DDRM.multTransB(rates[hidden], weights[hidden], logits);
            return logits;
        }

        /** The input spikes of step {@code t}: 1 where the {@link RateCode} fires, else 0. */
        private void encode(double[][] inputs, int t, DMatrixRMaj out) {
            double[] s = out.data;
            int n = out.numCols;
            for (int i = 0; i < inputs.length; i++) {
                double[] row = inputs[i];
                for (int j = 0; j < n; j++) {
                    s[i * n + j] = row[j] > 0 && RateCode.fires(row[j], t) ? 1 : 0;
                }
            }
        }

        /** One step of a layer's membranes under input {@code current}; writes its spikes (0 or 1). */
        private void integrate(double[] u, double[] current, double[] spikesOut) {
            for (int i = 0; i < u.length; i++) {
                double v = decay * u[i] + current[i];
                if (v >= THRESHOLD) {
                    spikesOut[i] = 1;
                    v -= THRESHOLD;
                } else {
                    spikesOut[i] = 0;
                }
                u[i] = v;
            }
        }
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }
}
