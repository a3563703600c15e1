package com.wedsync.perf.aggregation.interference;

import java.util.Arrays;

/** The two statistics interference needs. */
final class Statistics {

    private Statistics() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Pearson's correlation coefficient; NaN when either series is constant or they are shorter than three. */
    static double pearson(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        if (n < 3) {
            return Double.NaN;
        }
        double meanX = Arrays.stream(x, 0, n).average().orElse(0);
        double meanY = Arrays.stream(y, 0, n).average().orElse(0);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        if (varianceX == 0 || varianceY == 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
