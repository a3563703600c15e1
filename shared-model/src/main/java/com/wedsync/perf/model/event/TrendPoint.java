package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The statistics of one closed window of one series. Percentiles come from the serialized mergeable
 * sketch carried along, so consumers can merge windows further instead of averaging percentiles.
 *
 * @param metric a {@link com.wedsync.perf.model.vitals.Metric} name for RUM, the operation for server timings
 * @param device a {@link DeviceClass} name, or {@value TrendKey#ALL}
 * @param good samples rated good (RUM Web Vitals only; zero otherwise), likewise needsImprovement and poor
 * @param errors failed operations (server timings only)
 * @param sketch the base64-encoded quantile sketch of the window's values
 * @param relativeAccuracy the sketch's stated bound on the relative error of every percentile
 * @param diagnosis the causes of a page's poor experiences and its sub-parts, when its samples had attribution
 * @param arm the release or experiment variant the window counts alone, or null for all traffic
 */
public record TrendPoint(
        String tenant,
        Source source,
        String route,
        String metric,
        String device,
        Resolution resolution,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double p50,
        double p75,
        double p95,
        double p99,
        double min,
        double max,
        long good,
        long needsImprovement,
        long poor,
        long errors,
        String sketch,
        double relativeAccuracy,
        Diagnosis diagnosis,
        @JsonInclude(JsonInclude.Include.NON_NULL) String arm) {

    @JsonCreator
    public TrendPoint {
        new TrendKey(tenant, source, route, metric, device, resolution, windowStart, arm);
        Require.present(windowEnd, "windowEnd");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("windowEnd must be after windowStart");
        }
        Require.nonNegative(count, "count");
        Require.nonNegative(good, "good");
        Require.nonNegative(needsImprovement, "needsImprovement");
        Require.nonNegative(poor, "poor");
        Require.nonNegative(errors, "errors");
        if (good + needsImprovement + poor > count || errors > count) {
            throw new IllegalArgumentException("rated or error counts exceed count " + count);
        }
    }

    public TrendPoint(String tenant, Source source, String route, String metric, String device, Resolution resolution,
                      Instant windowStart, Instant windowEnd, long count, double p50, double p75, double p95, double p99,
                      double min, double max, long good, long needsImprovement, long poor, long errors, String sketch,
                      double relativeAccuracy) {
        this(tenant, source, route, metric, device, resolution, windowStart, windowEnd, count, p50, p75, p95, p99, min, max,
                good, needsImprovement, poor, errors, sketch, relativeAccuracy, null);
    }

    /** A point of all traffic, with what its samples were attributed to. */
    public TrendPoint(String tenant, Source source, String route, String metric, String device, Resolution resolution,
                      Instant windowStart, Instant windowEnd, long count, double p50, double p75, double p95, double p99,
                      double min, double max, long good, long needsImprovement, long poor, long errors, String sketch,
                      double relativeAccuracy, Diagnosis diagnosis) {
        this(tenant, source, route, metric, device, resolution, windowStart, windowEnd, count, p50, p75, p95, p99, min, max,
                good, needsImprovement, poor, errors, sketch, relativeAccuracy, diagnosis, null);
    }

    public TrendKey key() {
        return new TrendKey(tenant, source, route, metric, device, resolution, windowStart, arm);
    }

    /** Whether this point counts one release's or variant's traffic only (on {@code perf.arm-trends.v1}). */
    @JsonIgnore
    public boolean isArm() {
        return arm != null;
    }

    /** Share of rated samples that were good, 0 when nothing was rated. */
    public double goodShare() {
        long rated = good + needsImprovement + poor;
        return rated == 0 ? 0 : (double) good / rated;
    }

    public double errorRate() {
        return count == 0 ? 0 : (double) errors / count;
    }
}
