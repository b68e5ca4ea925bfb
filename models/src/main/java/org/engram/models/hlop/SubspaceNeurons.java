package org.engram.models.hlop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The lateral subspace neurons of one layer: weights {@code H} (one row of {@code N} weights per
 * neuron), learnt with Oja's subspace rule on the layer's presynaptic traces {@code x}, grown task
 * by task, and used to project traces onto the orthogonal complement of earlier tasks' subspace.
 *
 * <p>Rule, as in the reference's {@code HLOP.update_weights}, on a batch {@code X} ({@code B×N}),
 * repeated {@link SubspaceRule#iterations()} times:
 * <pre>
 *   Y = X Hᵀ                                  subspace activity
 *   D = clip(Y_learnᵀ (X − Y H) / B, ±10)     Hebbian y xᵀ minus anti-Hebbian y yᵀ H
 *   M = 0.9 M + 0.1 D                         moving average of the update
 *   H_learn += lr M
 * </pre>
 * The reconstruction {@code Y H} uses every row, but only the rows of the current task
 * ({@code H_learn}) change: earlier tasks' rows are frozen, so new rows learn the principal subspace
 * of the residual {@code x − H_oldᵀ H_old x}. No mean is subtracted: the fixed point spans the top
 * eigenvectors of the uncentred second moment {@code E[x xᵀ]}, with orthonormal rows.
 *
 * <p>Schedule: {@link #beginTask(int)} freezes every existing row and appends new ones from the
 * seeded generator, orthonormal among themselves (as {@code torch.nn.init.orthogonal_}) and, unlike
 * the reference, orthogonal to the frozen rows. The rule only turns a row in proportion to the
 * activity along it, so a row drawn into a direction the traces hardly use keeps its start: a
 * random start overlaps the frozen rows, and with the few thousand updates per task of a
 * 10,000-digit run {@code H Hᵀ} stayed 0.15 to 0.28 away from {@code I}. Then {@code I − HᵀH}
 * is no projection (it reverses the update along some directions) and the network diverged after
 * eight tasks; started orthogonal, rows stay so, since every update lies in the span of the
 * projected traces.
 * {@link #project(double[][])} uses the frozen rows only, so during the first task it changes
 * nothing and during task {@code t} it removes the subspace of tasks {@code < t}.
 *
 * <p>Not thread-safe; deterministic for a given seed and sequence of calls.
 */
public final class SubspaceNeurons {
    /** Weight of the previous average in {@code M = 0.9 M + 0.1 D}. */
    static final double MOMENTUM = 0.9;
    /** Bound on each element of the update {@code D}, as the reference clamps it. */
    static final double UPDATE_CLIP = 10;

    private final SubspaceRule rule;
    private final SplittableRandom random;
    private DMatrixRMaj frozen;
    /** {@code frozenᵀ}, so that {@code X H_oldᵀ} is a row-by-row product. */
    private DMatrixRMaj frozenTransposed;
    /**
     * {@code I − H_oldᵀ H_old} when the frozen rows are more than half the input size (one
     * {@code N×N} product then costs less than the two {@code N×k} ones), else {@code null}.
     */
    private DMatrixRMaj projector;
    private DMatrixRMaj learning;
    private DMatrixRMaj momentum;

    /** A circuit with no subspace neurons yet; {@code seed} fixes every row ever initialised. */
    public SubspaceNeurons(SubspaceRule rule, long seed) {
        this.rule = rule;
        this.random = new SplittableRandom(seed);
        this.frozen = new DMatrixRMaj(0, rule.inputSize());
        this.frozenTransposed = new DMatrixRMaj(rule.inputSize(), 0);
        this.learning = new DMatrixRMaj(0, rule.inputSize());
        this.momentum = new DMatrixRMaj(0, rule.inputSize());
    }

    public SubspaceRule rule() {
        return rule;
    }

    /** Number of subspace neurons, frozen and learning. */
    public int size() {
        return frozen.numRows + learning.numRows;
    }

    /** Number of neurons of earlier tasks: the ones the projection uses. */
    public int frozenSize() {
        return frozen.numRows;
    }

    /**
     * Starts a task: freezes the current rows (merging every earlier subspace into one) and appends
     * {@code newNeurons} rows, orthonormal among themselves but not to the frozen rows.
     */
    public void beginTask(int newNeurons) {
        int n = rule.inputSize();
        if (newNeurons < 1 || size() + newNeurons > n) {
            throw new InvalidHlopException("SubspaceNeurons.beginTask", "newNeurons", newNeurons,
                    "from 1 to " + (n - size()) + " (inputSize " + n + " minus the " + size()
                            + " neurons already there)");
        }
        frozen = CommonOps_DDRM.concatRowsMulti(frozen, learning);
        frozenTransposed = CommonOps_DDRM.transpose(frozen, null);
        projector = null;
        if (2 * frozen.numRows > n) {
            projector = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.multAddTransA(-1, frozen, frozen, projector);
        }
        learning = orthonormalRows(newNeurons, n);
        momentum = new DMatrixRMaj(newNeurons, n);
    }

    /**
     * Hebbian phase on one mini-batch: {@link SubspaceRule#iterations()} updates of the current
     * task's rows. Each row of {@code batch} is one presynaptic trace of length {@code inputSize}.
     */
    public void learn(double[][] batch) {
        DMatrixRMaj x = traces("SubspaceNeurons.learn", batch);
        learn(x, project(x));
    }

    /**
     * {@link #learn(double[][])} on traces {@code x} ({@code B×N}) whose projection
     * {@code x − H_oldᵀ H_old x} the caller has already computed: the reconstruction by the frozen
     * rows stays the same through the iterations, so only the learning rows' part is recomputed.
     */
    void learn(DMatrixRMaj x, DMatrixRMaj projected) {
        if (learning.numRows == 0) {
            throw new IllegalStateException("SubspaceNeurons.learn before beginTask: no neuron learns");
        }
        int b = x.numRows;
        DMatrixRMaj xTransposed = CommonOps_DDRM.transpose(x, null);
        DMatrixRMaj yTransposed = new DMatrixRMaj(learning.numRows, b);
        DMatrixRMaj residual = new DMatrixRMaj(b, rule.inputSize());
        DMatrixRMaj update = new DMatrixRMaj(learning.numRows, rule.inputSize());
        for (int it = 0; it < rule.iterations(); it++) {
            CommonOps_DDRM.mult(learning, xTransposed, yTransposed);
            residual.setTo(projected);
            CommonOps_DDRM.multAddTransA(-1, yTransposed, learning, residual);
            CommonOps_DDRM.mult(1.0 / b, yTransposed, residual, update);
            clip(update);
            CommonOps_DDRM.add(MOMENTUM, momentum, 1 - MOMENTUM, update, momentum);
            CommonOps_DDRM.addEquals(learning, rule.learningRate(), momentum);
        }
    }

    /**
     * The traces' components orthogonal to earlier tasks' subspace: {@code x − H_oldᵀ H_old x} for
     * each row {@code x} of {@code traces}; unchanged copies while no row is frozen.
     */
    public double[][] project(double[][] traces) {
        return rows(project(traces("SubspaceNeurons.project", traces)));
    }

    /** {@link #project(double[][])} on the rows of {@code x} ({@code B×N}), into a new matrix. */
    DMatrixRMaj project(DMatrixRMaj x) {
        if (frozen.numRows == 0) {
            return x.copy();
        }
        if (projector != null) {
            return CommonOps_DDRM.mult(x, projector, null);
        }
        DMatrixRMaj out = x.copy();
        DMatrixRMaj y = CommonOps_DDRM.mult(x, frozenTransposed, null);
        CommonOps_DDRM.multAdd(-1, y, frozen, out);
        return out;
    }

    /** One trace's projection; see {@link #project(double[][])}. */
    public double[] project(double[] trace) {
        return project(new double[][] {trace})[0];
    }

    /** A copy of {@code H}: the frozen rows first, in the order they were added, then the learning rows. */
    public double[][] weights() {
        return rows(CommonOps_DDRM.concatRowsMulti(frozen, learning));
    }

    /** {@code count} rows orthonormal among themselves and orthogonal to the frozen rows. */
    private DMatrixRMaj orthonormalRows(int count, int n) {
        DMatrixRMaj gaussian = new DMatrixRMaj(n, count);
        for (int i = 0; i < gaussian.data.length; i++) {
            gaussian.data[i] = random.nextGaussian();
        }
        // twice, as Gram-Schmidt is repeated against rounding (and the frozen rows are only nearly orthonormal)
        for (int pass = 0; pass < 2 && frozen.numRows > 0; pass++) {
            DMatrixRMaj along = CommonOps_DDRM.mult(frozen, gaussian, null);
            CommonOps_DDRM.multAddTransA(-1, frozen, along, gaussian);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, count);
        if (!qr.decompose(gaussian)) {
            throw new IllegalStateException("QR decomposition of a Gaussian " + n + "x" + count + " matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        // Q's columns times the signs of R's diagonal: the factorisation made unique, so the rows are
        // uniformly distributed over orthonormal frames (as orthogonal_ does).
        double[] signs = new double[count];
        for (int i = 0; i < count; i++) {
            signs[i] = r.get(i, i) < 0 ? -1 : 1;
        }
        CommonOps_DDRM.multCols(q, signs);
        return CommonOps_DDRM.transpose(q, null);
    }

    private DMatrixRMaj traces(String place, double[][] traces) {
        if (traces.length == 0) {
            throw new InvalidHlopException(place, "batch size", 0, "at least 1 trace");
        }
        for (int i = 0; i < traces.length; i++) {
            if (traces[i].length != rule.inputSize()) {
                throw new InvalidHlopException(place, "trace " + i + " length", traces[i].length,
                        rule.inputSize() + " (inputSize)");
            }
        }
        return new DMatrixRMaj(traces);
    }

    private static void clip(DMatrixRMaj m) {
        // EJML has no element-wise clamp.
        double[] d = m.data;
        for (int i = 0; i < m.getNumElements(); i++) {
            d[i] = Math.max(-UPDATE_CLIP, Math.min(UPDATE_CLIP, d[i]));
        }
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][];
        for (int i = 0; i < m.numRows; i++) {
            out[i] = Arrays.copyOfRange(m.data, i * m.numCols, (i + 1) * m.numCols);
        }
        return out;
    }
}
