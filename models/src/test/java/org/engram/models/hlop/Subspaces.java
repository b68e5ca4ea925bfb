package org.engram.models.hlop;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** The reference the lateral circuits are checked against, computed with Commons Math. */
final class Subspaces {
    private Subspaces() {}

    /** The uncentred second moment Σ x xᵀ / n of the rows (the rule subtracts no mean). */
    static RealMatrix secondMoment(double[][] x) {
        RealMatrix m = MatrixUtils.createRealMatrix(x);
        return m.transpose().multiply(m).scalarMultiply(1.0 / x.length);
    }

    /** The eigenvalues of a symmetric matrix, largest first. */
    static double[] eigenvaluesDescending(RealMatrix symmetric) {
        return Arrays.stream(new EigenDecomposition(symmetric).getRealEigenvalues()).boxed()
                .sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
    }

    /** The eigenvectors of the {@code k} largest eigenvalues, as orthonormal columns. */
    static RealMatrix topEigenvectors(RealMatrix symmetric, int k) {
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        RealMatrix top = MatrixUtils.createRealMatrix(symmetric.getRowDimension(), k);
        for (int j = 0; j < k; j++) {
            top.setColumnVector(j, eigen.getEigenvector(order[j]));
        }
        return top;
    }

    /**
     * The sine of the largest principal angle between {@code span(directions)} (orthonormal columns)
     * and the row space of {@code h}: the spectral norm of {@code (I − P_H) directions}, with
     * {@code P_H} built from an orthonormal basis of the rows, so it does not rely on H Hᵀ = I.
     */
    static double sinLargestPrincipalAngle(RealMatrix h, RealMatrix directions) {
        int n = h.getColumnDimension();
        int k = h.getRowDimension();
        RealMatrix q = new QRDecomposition(h.transpose()).getQ().getSubMatrix(0, n - 1, 0, k - 1);
        RealMatrix outside = directions.subtract(q.multiply(q.transpose().multiply(directions)));
        return new SingularValueDecomposition(outside).getNorm();
    }
}
