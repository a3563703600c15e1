package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One data point of a back end's request-duration histogram (OTLP metrics), as ingest received it: the counts of
 * one stream (one set of resource, scope, metric and point attributes) since {@code startTimeUnixNano}, either as
 * exponential buckets or as explicit bounds. A cumulative point counts everything since the stream started; the
 * aggregation turns consecutive points of a stream into deltas, so the stream is the record's key.
 *
 * @param stream a hash of the tenant and every attribute that identifies the stream
 * @param cumulative whether the counts run since the stream started (else they are the last interval's alone)
 * @param error whether the requests of this stream failed ({@code http.response.status_code} ≥ 500,
 *              {@code error.type})
 * @param unitMs milliseconds per unit of the histogram's values (1000 for {@code s})
 * @param min the smallest value counted, in the histogram's unit, when the exporter says so; likewise max
 */
public record ServerHistogram(
        String tenant,
        String operation,
        String stream,
        boolean cumulative,
        long startTimeUnixNano,
        long timeUnixNano,
        boolean error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String release,
        Instant receivedAt,
        double unitMs,
        long count,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double min,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double max,
        @JsonInclude(JsonInclude.Include.NON_NULL) Exponential exponential,
        @JsonInclude(JsonInclude.Include.NON_NULL) Explicit explicit) {

    /** The most buckets one point may have (the OpenTelemetry SDKs default to 160). */
    public static final int MAX_BUCKETS = 1024;

    @JsonCreator
    public ServerHistogram {
        Require.text(tenant, "tenant");
        if (!ServerOperations.isValidName(operation)) {
            throw new IllegalArgumentException("operation '" + operation + "' is not a valid operation name");
        }
        Require.text(stream, "stream");
        if (stream.length() > 128) {
            throw new IllegalArgumentException("stream must be at most 128 characters");
        }
        if (timeUnixNano <= 0 || startTimeUnixNano < 0 || startTimeUnixNano > timeUnixNano) {
            throw new IllegalArgumentException("timeUnixNano must be set and not before startTimeUnixNano");
        }
        if (release != null && !Arms.isRelease(release)) {
            throw new IllegalArgumentException("release '" + release + "' does not match " + Arms.RELEASE.pattern());
        }
        Require.present(receivedAt, "receivedAt");
        if (!(unitMs > 0) || Double.isInfinite(unitMs)) {
            throw new IllegalArgumentException("unitMs must be a positive number");
        }
        Require.nonNegative(count, "count");
        if (min != null && !(min >= 0 && Double.isFinite(min)) || max != null && !(max >= 0 && Double.isFinite(max))
                || min != null && max != null && min > max) {
            throw new IllegalArgumentException("min and max must be finite durations, min not above max");
        }
        if ((exponential == null) == (explicit == null)) {
            throw new IllegalArgumentException("a point has either exponential or explicit buckets");
        }
        long counted = exponential != null ? exponential.total() : explicit.total();
        if (counted != count) {
            throw new IllegalArgumentException("the buckets count " + counted + " values, the point says " + count);
        }
    }

    /**
     * Exponential buckets (OTLP's {@code ExponentialHistogramDataPoint}): bucket {@code offset + i} counts the values in
     * (base^(offset+i), base^(offset+i+1)] with base = 2^(2^-scale); values at most {@code zeroThreshold} are in
     * {@code zeroCount}. Negative values are not durations and are refused where the point is read.
     */
    public record Exponential(int scale, long zeroCount, double zeroThreshold, int offset, List<Long> counts) {

        public static final int MIN_SCALE = -10;
        public static final int MAX_SCALE = 20;

        @JsonCreator
        public Exponential {
            if (scale < MIN_SCALE || scale > MAX_SCALE) {
                throw new IllegalArgumentException("scale must be from " + MIN_SCALE + " to " + MAX_SCALE);
            }
            Require.nonNegative(zeroCount, "zeroCount");
            if (!(zeroThreshold >= 0) || Double.isInfinite(zeroThreshold)) {
                throw new IllegalArgumentException("zeroThreshold must be a non-negative number");
            }
            counts = Require.listOrEmpty(counts);
            requireCounts(counts);
        }

        long total() {
            return zeroCount + counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Explicit buckets (OTLP's {@code HistogramDataPoint}): {@code counts.get(i)} counts the values in
     * (bounds[i-1], bounds[i]], the first from 0 and the last without an upper bound.
     */
    public record Explicit(List<Double> bounds, List<Long> counts) {

        @JsonCreator
        public Explicit {
            bounds = Require.listOrEmpty(bounds);
            counts = Require.listOrEmpty(counts);
            requireCounts(counts);
            if (counts.size() != bounds.size() + 1) {
                throw new IllegalArgumentException("explicit buckets need one count more than bounds");
            }
            double previous = Double.NEGATIVE_INFINITY;
            for (double bound : bounds) {
                if (!Double.isFinite(bound) || bound <= previous) {
                    throw new IllegalArgumentException("explicit bounds must be finite and increasing");
                }
                previous = bound;
            }
        }

        long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void requireCounts(List<Long> counts) {
        if (counts.size() > MAX_BUCKETS) {
            throw new IllegalArgumentException("at most " + MAX_BUCKETS + " buckets");
        }
        for (Long count : counts) {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("bucket counts must be non-negative");
            }
        }
    }

    /** The same counts as a point of the last interval alone (what the aggregation counts). */
    public ServerHistogram asDelta(long start, long count, Exponential exponentialDelta, Explicit explicitDelta) {
        return new ServerHistogram(tenant, operation, stream, false, start, timeUnixNano, error, release, receivedAt,
                unitMs, count, min, max, exponentialDelta, explicitDelta);
    }

    /** The same point counted under another operation (the tenant's overflow once it has too many). */
    public ServerHistogram withOperation(String other) {
        return new ServerHistogram(tenant, other, stream, cumulative, startTimeUnixNano, timeUnixNano, error, release,
                receivedAt, unitMs, count, min, max, exponential, explicit);
    }
}
