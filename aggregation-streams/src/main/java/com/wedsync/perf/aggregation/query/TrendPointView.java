package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.TrendPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One closed window as the trend API shows it: counts, percentiles and shares, and the bound on every percentile's
 * relative error ({@code relativeAccuracy}: 0.01 for measured values, wider where histogram buckets went in); the
 * sketch only when asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendPointView(Instant windowStart, Instant windowEnd, long count, double p50, double p75, double p95,
                             double p99, double min, double max, long good, long needsImprovement, long poor,
                             double goodShare, double needsImprovementShare, double poorShare, long errors,
                             double errorRate, double relativeAccuracy, String sketch) {

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    static TrendPointView of(TrendPoint point, boolean withSketch) {
        long rated = point.good() + point.needsImprovement() + point.poor();
        return new TrendPointView(point.windowStart(), point.windowEnd(), point.count(), estimate(point.p50()),
                estimate(point.p75()), estimate(point.p95()), estimate(point.p99()), point.min(), point.max(),
                point.good(), point.needsImprovement(), point.poor(), rounded(share(point.good(), rated)),
                rounded(share(point.needsImprovement(), rated)), rounded(share(point.poor(), rated)), point.errors(),
                rounded(point.errorRate()), rounded(point.relativeAccuracy()), withSketch ? point.sketch() : null);
    }

    /**
     * A percentile to six significant digits: the sketch guarantees only 1% relative accuracy, so further digits are
     * noise that makes a day-long series a quarter larger.
     */
    static double estimate(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(SIX_DIGITS).doubleValue();
    }

    /** A share or rate to six decimals (a millionth of the samples). */
    static double rounded(double share) {
        return Math.round(share * 1_000_000d) / 1_000_000d;
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
