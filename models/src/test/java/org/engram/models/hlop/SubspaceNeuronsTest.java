package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The lateral circuit's mechanism on low-rank-plus-noise activity {@code x = U diag(scales) s + σ e}
 * ({@code s}, {@code e} standard normal, {@code U} a random orthonormal basis), checked against
 * Commons Math: the eigenvectors of the sample second moment, and plain matrix products for the
 * linear layer.
 */
class SubspaceNeuronsTest {
    private static final int N = 20;
    private static final int RANK = 4;
    private static final double[] SCALES = {3, 2.5, 2, 1.5};
    private static final double NOISE = 0.05;
    private static final int SAMPLES = 2000;
    private static final int BATCH = 50;
    private static final int EPOCHS = 3;

    @Test
    void hebbianPhaseSpansTheSampleSecondMomentsPrincipalSubspace() {
        double[][] x = lowRank(basis(N, RANK, new SplittableRandom(1)), new SplittableRandom(2));
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 3);
        neurons.beginTask(RANK);
        train(neurons, x);

        RealMatrix h = MatrixUtils.createRealMatrix(neurons.weights());
        RealMatrix principal = Subspaces.topEigenvectors(Subspaces.secondMoment(x), RANK);
        // The fixed point is the top-4 subspace of E[x xᵀ] over the samples the rule sees, which is
        // exactly the sample second moment here; what is left is the mini-batch jitter of a
        // rate-0.01 rule, measured 4e-3 in sin θ (3e-5 in H Hᵀ - I). 0.02 leaves room for other
        // seeds and is far below the sin θ near 1 of a random 4-plane in 20 dimensions.
        assertTrue(Subspaces.sinLargestPrincipalAngle(h, principal) < 0.02, "sin θ_max = " + Subspaces.sinLargestPrincipalAngle(h, principal));
        // Fixed points have orthonormal rows: H Hᵀ = I (same jitter bound).
        assertTrue(maxAbs(gram(h)) < 0.02, "|H Hᵀ - I|max = " + maxAbs(gram(h)));
    }

    @Test
    void projectedUpdateLeavesOldTaskOutputsAndUnprojectedOneChangesThem() {
        SplittableRandom random = new SplittableRandom(10);
        RealMatrix oldBasis = basis(N, RANK, random);
        double[][] oldTask = lowRank(oldBasis, random);
        double[][] newTask = lowRank(basis(N, RANK, random), random);
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 11);
        neurons.beginTask(RANK);
        train(neurons, oldTask);
        neurons.beginTask(RANK);   // task 1: the old task's rows now project

        RealMatrix oldInputs = MatrixUtils.createRealMatrix(Arrays.copyOf(oldTask, 200)).transpose();
        RealMatrix newInputs = MatrixUtils.createRealMatrix(Arrays.copyOf(newTask, 200)).transpose();
        double[] gradient = random.doubles(10, -1, 1).toArray();   // δ of a 10-output linear layer
        double[] trace = newTask[SAMPLES - 1];
        RealMatrix projected = outer(gradient, neurons.project(trace));
        RealMatrix plain = outer(gradient, trace);
        RealMatrix exactTrace = MatrixUtils.createColumnRealMatrix(trace);
        exactTrace = exactTrace.subtract(oldBasis.multiply(oldBasis.transpose().multiply(exactTrace)));
        RealMatrix exact = outer(gradient, exactTrace.getColumn(0));

        double projectedOldChange = projected.multiply(oldInputs).getFrobeniusNorm();
        double plainOldChange = plain.multiply(oldInputs).getFrobeniusNorm();
        double exactOldChange = exact.multiply(oldInputs).getFrobeniusNorm();
        // ΔW x_old = g (x_projᵀ x_old). No projection onto a 4-plane removes the old inputs' noise
        // (σ = 0.05 in the 16 other directions): the exact projector I − U Uᵀ leaves that floor,
        // ~0.12 of the unprojected change here. The learnt one must match it up to its subspace
        // error, bounded by 0.02 in sin θ (as in the Hebbian-phase test): 0.02 of the unprojected
        // change. A circuit that did not project would be off by ~0.9.
        assertEquals(exactOldChange, projectedOldChange, 0.02 * plainOldChange,
                "old-task change " + projectedOldChange + ", exact projector " + exactOldChange
                        + ", unprojected " + plainOldChange);
        assertTrue(projectedOldChange < 0.2 * plainOldChange);
        // The update is not simply erased: on the new task's inputs it keeps most of its effect
        // (two random 4-planes in 20 dimensions overlap little).
        assertTrue(projected.multiply(newInputs).getFrobeniusNorm() > 0.5 * plain.multiply(newInputs).getFrobeniusNorm());
    }

    @Test
    void secondTaskGrowsTheSubspaceOverBothTasksAndFirstRowsStayPut() {
        SplittableRandom random = new SplittableRandom(20);
        RealMatrix basisA = basis(N, RANK, random);
        RealMatrix basisB = basis(N, RANK, random);
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 21);
        neurons.beginTask(RANK);
        train(neurons, lowRank(basisA, random));
        double[][] afterFirst = neurons.weights();

        neurons.beginTask(RANK);
        assertEquals(RANK, neurons.frozenSize());
        train(neurons, lowRank(basisB, random));
        double[][] afterSecond = neurons.weights();

        for (int i = 0; i < RANK; i++) {
            assertArrayEquals(afterFirst[i], afterSecond[i], 0.0, "frozen row " + i);
        }
        RealMatrix h = MatrixUtils.createRealMatrix(afterSecond);
        RealMatrix both = MatrixUtils.createRealMatrix(N, 2 * RANK);
        both.setSubMatrix(basisA.getData(), 0, 0);
        both.setSubMatrix(basisB.getData(), 0, RANK);
        // Task B's data, less its part in A's plane, is rank 4 plus noise: the new rows learn it, so
        // the 8 rows cover both planes; same jitter bound as the single-task test.
        assertTrue(Subspaces.sinLargestPrincipalAngle(h, both) < 0.02, "sin θ_max = " + Subspaces.sinLargestPrincipalAngle(h, both));
        // The new rows end up orthogonal to the frozen ones (they learn the residual).
        RealMatrix cross = h.getSubMatrix(RANK, 2 * RANK - 1, 0, N - 1)
                .multiply(h.getSubMatrix(0, RANK - 1, 0, N - 1).transpose());
        assertTrue(maxAbs(cross) < 0.02, "|H_new H_oldᵀ|max = " + maxAbs(cross));
    }

    @Test
    void sameSeedGivesSameWeightsAndAnotherSeedOthers() {
        double[][] x = lowRank(basis(N, RANK, new SplittableRandom(30)), new SplittableRandom(31));
        double[][] first = trainedWeights(x, 32);
        assertTrue(Arrays.deepEquals(first, trainedWeights(x, 32)));
        assertFalse(Arrays.deepEquals(first, trainedWeights(x, 33)));
    }

    @Test
    void firstTaskIsNotProjected() {
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 40);
        neurons.beginTask(RANK);
        double[] trace = new SplittableRandom(41).doubles(N).toArray();
        assertArrayEquals(trace, neurons.project(trace), 0.0);
    }

    @Test
    void newRowsAreOrthonormalAndOrthogonalToTheFrozenOnes() {
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 50);
        neurons.beginTask(RANK);
        RealMatrix h = MatrixUtils.createRealMatrix(neurons.weights());
        assertTrue(maxAbs(gram(h)) < 1e-12, "|H Hᵀ - I|max = " + maxAbs(gram(h)));   // rounding of a QR only
        train(neurons, lowRank(basis(N, RANK, new SplittableRandom(51)), new SplittableRandom(52)));
        neurons.beginTask(RANK);
        RealMatrix all = MatrixUtils.createRealMatrix(neurons.weights());
        RealMatrix fresh = all.getSubMatrix(RANK, 2 * RANK - 1, 0, N - 1);
        assertTrue(maxAbs(gram(fresh)) < 1e-12, "new rows orthonormal: " + maxAbs(gram(fresh)));
        // the frozen rows are orthonormal only to the rule's jitter (~1e-3): two Gram-Schmidt
        // passes leave the square of that
        double cross = maxAbs(fresh.multiply(all.getSubMatrix(0, RANK - 1, 0, N - 1).transpose()));
        assertTrue(cross < 1e-5, "|H_new H_oldᵀ|max = " + cross);
    }

    @Test
    void badCountsAndTraceLengthsAreRejected() {
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), 60);
        assertThrows(IllegalStateException.class, () -> neurons.learn(new double[1][N]));
        var zero = assertThrows(InvalidHlopException.class, () -> neurons.beginTask(0));
        assertEquals("SubspaceNeurons.beginTask: newNeurons 0; expected from 1 to 20 (inputSize 20 minus the 0"
                + " neurons already there)", zero.getMessage());
        neurons.beginTask(15);
        var tooMany = assertThrows(InvalidHlopException.class, () -> neurons.beginTask(6));
        assertTrue(tooMany.getMessage().contains("newNeurons 6; expected from 1 to 5"), tooMany.getMessage());
        var shortTrace = assertThrows(InvalidHlopException.class, () -> neurons.learn(new double[][] {new double[N], new double[N - 1]}));
        assertEquals("SubspaceNeurons.learn: trace 1 length 19; expected 20 (inputSize)", shortTrace.getMessage());
        var empty = assertThrows(InvalidHlopException.class, () -> neurons.project(new double[0][]));
        assertEquals("SubspaceNeurons.project: batch size 0; expected at least 1 trace", empty.getMessage());
    }

    private static double[][] trainedWeights(double[][] x, long seed) {
        SubspaceNeurons neurons = new SubspaceNeurons(SubspaceRule.hidden(N), seed);
        neurons.beginTask(RANK);
        train(neurons, x);
        return neurons.weights();
    }

    private static void train(SubspaceNeurons neurons, double[][] x) {
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int start = 0; start < x.length; start += BATCH) {
                neurons.learn(Arrays.copyOfRange(x, start, start + BATCH));
            }
        }
    }

    /** A random {@code n×k} matrix with orthonormal columns. */
    private static RealMatrix basis(int n, int k, SplittableRandom random) {
        RealMatrix gaussian = MatrixUtils.createRealMatrix(n, k);
        gaussian.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return random.nextGaussian();
            }
        });
        return new QRDecomposition(gaussian).getQ().getSubMatrix(0, n - 1, 0, k - 1);
    }

    private static double[][] lowRank(RealMatrix basis, SplittableRandom random) {
        double[][] x = new double[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            double[] s = new double[RANK];
            for (int j = 0; j < RANK; j++) {
                s[j] = SCALES[j] * random.nextGaussian();
            }
            x[i] = basis.operate(s);
            for (int j = 0; j < N; j++) {
                x[i][j] += NOISE * random.nextGaussian();
            }
        }
        return x;
    }

    private static RealMatrix outer(double[] column, double[] row) {
        return MatrixUtils.createColumnRealMatrix(column).multiply(MatrixUtils.createRowRealMatrix(row));
    }

    /** {@code H Hᵀ − I}: zero for orthonormal rows. */
    private static RealMatrix gram(RealMatrix h) {
        return h.multiply(h.transpose()).subtract(MatrixUtils.createRealIdentityMatrix(h.getRowDimension()));
    }

    private static double maxAbs(RealMatrix m) {
        return Arrays.stream(m.getData()).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElseThrow();
    }
}
