package com.wedsync.perf.scaling.forecast;

/**
 * Ridge-regularised least squares towards a prior: minimises |y − Xβ|² + λ|β − β₀|² from the accumulated normal
 * equations (XᵀX + λI) β = Xᵀy + λβ₀, solved by Gaussian elimination with partial pivoting. Small systems only.
 */
public final class LeastSquares {

    private final int size;
    private final double[][] xtx;
    private final double[] xty;
    private long rows;

    public LeastSquares(int size) {
        this.size = size;
        this.xtx = new double[size][size];
        this.xty = new double[size];
    }

    public void add(double[] x, double y) {
        for (int i = 0; i < size; i++) {
            if (x[i] == 0) {
                continue;
            }
            xty[i] += x[i] * y;
            for (int j = 0; j < size; j++) {
                xtx[i][j] += x[i] * x[j];
            }
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    public double[] solve(double lambda, double[] prior) {
        double[][] a = new double[size][size + 1];
        for (int i = 0; i < size; i++) {
            System.arraycopy(xtx[i], 0, a[i], 0, size);
            a[i][i] += lambda;
            a[i][size] = xty[i] + lambda * prior[i];
        }
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            if (Math.abs(a[col][col]) < 1e-12) {
                throw new ArithmeticException("singular system: add a positive lambda");
            }
            for (int r = col + 1; r < size; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= size; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] beta = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double sum = a[r][size];
            for (int c = r + 1; c < size; c++) {
                sum -= a[r][c] * beta[c];
            }
            beta[r] = sum / a[r][r];
        }
        return beta;
    }

    /** The mean of the diagonal of XᵀX, to scale lambda to the data. */
    public double meanDiagonal() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += xtx[i][i];
        }
        return sum / size;
    }
}
