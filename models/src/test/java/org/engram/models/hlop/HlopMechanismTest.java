package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * HLOP's mechanism on the spiking network's own activity, every layer: after a Hebbian phase on
 * the presynaptic traces of an old task, each layer's subspace neurons span the principal subspace
 * of those traces (checked against Commons Math's eigen-decomposition of their second moment), and
 * a weight update made with the projected traces of a new task leaves each layer's output on the
 * old task's traces where it was, while the same update unprojected moves it.
 *
 * <p>The old task is three prototypes of 40 intensities with a little noise, so every layer's
 * traces lie close to a 3-dimensional subspace with a wide gap to the rest of the spectrum (checked
 * below): that is what lets a rate-0.05 rule settle within the test's few hundred batches.
 */
class HlopMechanismTest {
    private static final int[] SIZES = {40, 24, 16, 3};
    private static final int TIMESTEPS = 8;
    private static final int PROTOTYPES = 3;
    private static final double NOISE = 0.03;
    private static final int SAMPLES = 300;
    private static final int BATCH = 30;

    @Test
    void hebbianSubspacesSpanEachLayersOldActivityAndProjectedUpdatesLeaveItsOutputs() {
        SplittableRandom random = new SplittableRandom(1);
        Task old = task(random);
        Task fresh = task(random);

        SpikingMlp plain = trainedOn(old);
        SpikingMlp projected = trainedOn(old);
        double[][][] oldTraces = projected.traces(old.inputs);
        SubspaceNeurons[] circuits = new SubspaceNeurons[SIZES.length - 1];
        RealMatrix[] principal = new RealMatrix[circuits.length];
        double[] sin = new double[circuits.length];
        for (int l = 0; l < circuits.length; l++) {
            circuits[l] = new SubspaceNeurons(new SubspaceRule(SIZES[l], 0.05, 5), 10 + l);
            circuits[l].beginTask(PROTOTYPES);
            for (int epoch = 0; epoch < 60; epoch++) {
                for (int start = 0; start < SAMPLES; start += BATCH) {
                    circuits[l].learn(Arrays.copyOfRange(oldTraces[l], start, start + BATCH));
                }
            }
            RealMatrix moment = Subspaces.secondMoment(oldTraces[l]);
            double[] eigen = Subspaces.eigenvaluesDescending(moment);
            assertTrue(eigen[PROTOTYPES - 1] > 20 * eigen[PROTOTYPES], "a wide gap after the third eigenvalue in layer "
                    + l + ": " + Arrays.toString(Arrays.copyOf(eigen, 5)));
            principal[l] = Subspaces.topEigenvectors(moment, PROTOTYPES);
            sin[l] = Subspaces.sinLargestPrincipalAngle(MatrixUtils.createRealMatrix(circuits[l].weights()), principal[l]);
            // the rule's fixed point is exactly that subspace; what is left is the jitter of a
            // rate-0.05 rule on batches of 30, measured 6e-4 to 1.3e-2 here
            assertTrue(sin[l] < 0.03, "layer " + l + ": sin θ_max = " + sin[l]);
            circuits[l].beginTask(1);   // the old task's rows now project
        }

        double[][][] before = {plain.weights(0), plain.weights(1), plain.weights(2)};
        for (int step = 0; step < 10; step++) {
            plain.train(fresh.inputs, fresh.labels, 0.5, null, false);
            projected.train(fresh.inputs, fresh.labels, 0.5, circuits, false);
        }
        // both networks learnt the old task alike (one seed), so both start from before[l]
        for (int l = 0; l < circuits.length; l++) {
            RealMatrix oldX = MatrixUtils.createRealMatrix(oldTraces[l]).transpose();
            RealMatrix plainDelta = delta(plain.weights(l), before[l]);
            RealMatrix projectedDelta = delta(projected.weights(l), before[l]);
            double moved = plainDelta.multiply(oldX).getFrobeniusNorm();
            double kept = projectedDelta.multiply(oldX).getFrobeniusNorm();
            // Bound from the subspace: ΔW (I − HᵀH) x_old, with U the top eigenvectors, is at most
            // ‖ΔW‖ (‖(I − UUᵀ) X_old‖ + ‖UUᵀ − HᵀH‖ ‖X_old‖): the old traces' energy off the
            // principal subspace (the noise) plus the learnt subspace's error, 2 sin θ at most.
            RealMatrix u = principal[l];
            double offSubspace = oldX.subtract(u.multiply(u.transpose().multiply(oldX))).getFrobeniusNorm();
            double bound = new SingularValueDecomposition(projectedDelta).getNorm()
                    * (offSubspace + 2 * sin[l] * oldX.getFrobeniusNorm());
            assertTrue(kept <= bound, "layer " + l + ": old outputs moved " + kept + "; the subspace allows " + bound);
            assertTrue(kept < 0.05 * moved, "layer " + l + ": old outputs moved " + kept + " projected, " + moved
                    + " plain");
            double learnt = projectedDelta.multiply(MatrixUtils.createRealMatrix(projected.traces(fresh.inputs)[l])
                    .transpose()).getFrobeniusNorm();
            assertTrue(learnt > 10 * kept, "layer " + l + ": the projected update still acts on the new task: " + learnt);
        }
    }

    private record Task(double[][] inputs, int[] labels) {}

    /** {@link #SAMPLES} noisy copies of three random prototypes, each prototype its own class. */
    private static Task task(SplittableRandom random) {
        double[][] prototypes = new double[PROTOTYPES][SIZES[0]];
        for (double[] p : prototypes) {
            for (int j = 0; j < p.length; j++) {
                p[j] = random.nextDouble() < 0.3 ? 0.5 + 0.5 * random.nextDouble() : 0;
            }
        }
        double[][] inputs = new double[SAMPLES][SIZES[0]];
        int[] labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = i % PROTOTYPES;
            for (int j = 0; j < SIZES[0]; j++) {
                inputs[i][j] = Math.max(0, Math.min(1, prototypes[labels[i]][j] + NOISE * random.nextGaussian()));
            }
        }
        return new Task(inputs, labels);
    }

    private static SpikingMlp trainedOn(Task task) {
        SpikingMlp net = new SpikingMlp(SIZES, TIMESTEPS, 7);
        for (int epoch = 0; epoch < 5; epoch++) {
            for (int start = 0; start < SAMPLES; start += BATCH) {
                net.train(Arrays.copyOfRange(task.inputs, start, start + BATCH),
                        Arrays.copyOfRange(task.labels, start, start + BATCH), 0.5, null, false);
            }
        }
        return net;
    }

    private static RealMatrix delta(double[][] after, double[][] before) {
        return MatrixUtils.createRealMatrix(after).subtract(MatrixUtils.createRealMatrix(before));
    }
}
