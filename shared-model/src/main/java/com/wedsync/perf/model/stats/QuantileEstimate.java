package com.wedsync.perf.model.stats;

import com.wedsync.perf.model.sketch.QuantileSketch;

/**
 * A quantile of one arm's values with a distribution-free confidence interval: the values at the order statistics
 * the binomial distribution of "how many values fall below the true quantile" puts around {@code n·q}, read from the
 * arm's sketch. Nothing is assumed about the shape of the data, which is skewed for every timing WedSync measures.
 *
 * @param count the arm's number of values
 * @param value the estimate (the sketch's value at rank ⌊q·(n−1)⌋)
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 * @param standardError the estimate's standard error: the interval's half-width over z, widened by the sketch's own
 *                      relative error (a uniform error of ±α·value), so two values in one sketch bucket never look exact
 */
public record QuantileEstimate(long count, double value, double lower, double upper, double standardError) {

    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959964;

    public static QuantileEstimate of(QuantileSketch sketch, double q) {
        long n = sketch.count();
        if (n == 0) {
            return new QuantileEstimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double centre = q * (n - 1);
        double spread = Z95 * Math.sqrt(n * q * (1 - q));
        double value = sketch.quantile(q);
        double lower = atRank(sketch, Math.floor(centre - spread));
        double upper = atRank(sketch, Math.ceil(centre + spread));
        double intervalError = (upper - lower) / (2 * Z95);
        double sketchError = sketch.relativeAccuracy() * Math.abs(value) / Math.sqrt(3);
        return new QuantileEstimate(n, value, lower, upper, Math.sqrt(intervalError * intervalError + sketchError * sketchError));
    }

    private static double atRank(QuantileSketch sketch, double rank) {
        long n = sketch.count();
        long clamped = (long) Math.max(0, Math.min(n - 1, rank));
        return n == 1 ? sketch.quantile(0) : sketch.quantile(Math.min(1, (clamped + 0.5) / (n - 1)));
    }
}
