package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Instant;

/** One closed window as the trend API shows it: counts, percentiles and shares; the sketch only when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendPointView(Instant windowStart, Instant windowEnd, long count, double p50, double p75, double p95,
                             double p99, double min, double max, long good, long needsImprovement, long poor,
                             double goodShare, double needsImprovementShare, double poorShare, long errors,
                             double errorRate, String sketch) {

    static TrendPointView of(TrendPoint point, boolean withSketch) {
        long rated = point.good() + point.needsImprovement() + point.poor();
        return new TrendPointView(point.windowStart(), point.windowEnd(), point.count(), point.p50(), point.p75(),
                point.p95(), point.p99(), point.min(), point.max(), point.good(), point.needsImprovement(),
                point.poor(), share(point.good(), rated), share(point.needsImprovement(), rated),
                share(point.poor(), rated), point.errors(), point.errorRate(), withSketch ? point.sketch() : null);
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
