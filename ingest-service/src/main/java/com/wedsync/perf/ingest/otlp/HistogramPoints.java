package com.wedsync.perf.ingest.otlp;

import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.event.ServerHistogram.Explicit;
import com.wedsync.perf.model.event.ServerHistogram.Exponential;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns an OTLP metrics export into server duration histograms: the points of the configured duration metrics
 * ({@code http.server.request.duration} by default), exponential or explicit-bucket, delta or cumulative, each of the
 * caller's tenant (never one a resource attribute names). The operation comes from the point's attributes as for
 * spans; an error is {@code http.response.status_code} ≥ 500. A point's stream is a hash of the tenant, the resource,
 * the scope, the metric and the point's attributes — what OTLP says identifies a stream — so the aggregation can
 * difference cumulative points. Other metrics are passed over; a point that cannot be a duration histogram is refused.
 */
final class HistogramPoints {

    /** The most points one export may carry. */
    static final int MAX_POINTS = 10_000;

    /**
     * @param ignored points of metrics that are not duration histograms (gauges, sums, other names)
     */
    record Read(List<ServerHistogram> points, long rejected, String firstRejection, long ignored) {
    }

    private HistogramPoints() {
    }

    static Read read(ExportMetricsServiceRequest request, String tenant, Instant receivedAt, OperationTable table,
                     Set<String> durationMetrics) {
        List<ServerHistogram> points = new ArrayList<>();
        long rejected = 0;
        long ignored = 0;
        String firstRejection = null;
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            List<KeyValue> resource = resourceMetrics.getResource().getAttributesList();
            String release = OtlpAttributes.release(resource);
            for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                for (Metric metric : scopeMetrics.getMetricsList()) {
                    List<Point> raw = points(metric);
                    if (!durationMetrics.contains(metric.getName()) || raw == null) {
                        ignored += count(metric);
                        continue;
                    }
                    Stream stream = new Stream(tenant, resource, scopeMetrics.getScope(), metric);
                    for (Point point : raw) {
                        String refusal;
                        if (points.size() >= MAX_POINTS) {
                            refusal = "more than " + MAX_POINTS + " histogram points in one export; export less often";
                        } else {
                            try {
                                if (!point.empty()) {
                                    points.add(point.toHistogram(stream, release, receivedAt, table));
                                }
                                continue;
                            } catch (IllegalArgumentException invalid) {
                                refusal = "metric '" + OtlpAttributes.bounded(metric.getName()) + "': " + invalid.getMessage();
                            }
                        }
                        rejected++;
                        firstRejection = firstRejection == null ? refusal : firstRejection;
                    }
                }
            }
        }
        return new Read(points, rejected, firstRejection, ignored);
    }

    /** Milliseconds per unit of a duration metric; the semantic conventions' durations are in seconds. */
    static double unitMs(String unit) {
        return switch (unit) {
            case "", "s" -> 1000;
            case "ms" -> 1;
            case "us", "µs" -> 0.001;
            case "ns" -> 0.000001;
            case "min" -> 60_000;
            default -> throw new IllegalArgumentException("unit '" + OtlpAttributes.bounded(unit)
                    + "' is not a duration (s, ms, us, ns, min)");
        };
    }

    private static List<Point> points(Metric metric) {
        return switch (metric.getDataCase()) {
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream()
                    .map(p -> Point.of(metric, metric.getHistogram().getAggregationTemporality(), p)).toList();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsList().stream()
                    .map(p -> Point.of(metric, metric.getExponentialHistogram().getAggregationTemporality(), p)).toList();
            default -> null;
        };
    }

    private static long count(Metric metric) {
        return switch (metric.getDataCase()) {
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            default -> 0;
        };
    }

    /** What identifies a stream apart from the point's own attributes. */
    private record Stream(String tenant, List<KeyValue> resource, InstrumentationScope scope, Metric metric) {

        String idOf(List<KeyValue> pointAttributes) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                update(digest, tenant);
                attributes(digest, resource);
                update(digest, scope.getName());
                update(digest, scope.getVersion());
                update(digest, metric.getName());
                update(digest, metric.getUnit());
                attributes(digest, pointAttributes);
                return HexFormat.of().formatHex(digest.digest(), 0, 16);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        private static void attributes(MessageDigest digest, List<KeyValue> attributes) {
            attributes.stream().sorted(Comparator.comparing(KeyValue::getKey)).forEach(attribute -> {
                update(digest, attribute.getKey());
                digest.update(attribute.getValue().toByteArray());
            });
            update(digest, "|");
        }

        private static void update(MessageDigest digest, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) (bytes.length >>> 8));
            digest.update((byte) bytes.length);
            digest.update(bytes);
        }
    }

    /**
     * One data point of either kind, read the same way: what both kinds have, and how its buckets become a histogram.
     */
    private record Point(Metric metric, AggregationTemporality temporality, List<KeyValue> attributes, int flags,
                         long count, long start, long time, Double min, Double max, Supplier<Buckets> buckets) {

        private static final int NO_RECORDED_VALUE = 1;

        static Point of(Metric metric, AggregationTemporality temporality, HistogramDataPoint point) {
            return new Point(metric, temporality, point.getAttributesList(), point.getFlags(), point.getCount(),
                    point.getStartTimeUnixNano(), point.getTimeUnixNano(), point.hasMin() ? point.getMin() : null,
                    point.hasMax() ? point.getMax() : null, () -> {
                        if (point.getBucketCountsCount() == 0) {
                            // OTLP allows a point without buckets: its values in one bucket without bounds.
                            return new Buckets(null, new Explicit(List.of(), List.of(point.getCount())));
                        }
                        return new Buckets(null, new Explicit(point.getExplicitBoundsList(), point.getBucketCountsList()));
                    });
        }

        static Point of(Metric metric, AggregationTemporality temporality, ExponentialHistogramDataPoint point) {
            return new Point(metric, temporality, point.getAttributesList(), point.getFlags(), point.getCount(),
                    point.getStartTimeUnixNano(), point.getTimeUnixNano(), point.hasMin() ? point.getMin() : null,
                    point.hasMax() ? point.getMax() : null, () -> {
                        if (point.getNegative().getBucketCountsList().stream().anyMatch(count -> count > 0)) {
                            throw new IllegalArgumentException("negative values are not durations");
                        }
                        return new Buckets(new Exponential(point.getScale(), point.getZeroCount(), point.getZeroThreshold(),
                                point.getPositive().getOffset(), point.getPositive().getBucketCountsList()), null);
                    });
        }

        /** A point that says it has no recorded value, or counts nothing in a delta interval, adds nothing. */
        boolean empty() {
            return (flags & NO_RECORDED_VALUE) != 0
                    || count == 0 && temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        }

        ServerHistogram toHistogram(Stream stream, String release, Instant receivedAt, OperationTable table) {
            boolean cumulative = switch (temporality) {
                case AGGREGATION_TEMPORALITY_CUMULATIVE -> true;
                case AGGREGATION_TEMPORALITY_DELTA -> false;
                default -> throw new IllegalArgumentException("aggregation temporality must be delta or cumulative");
            };
            String operation = OtlpAttributes.operation(attributes, table, null);
            boolean error = OtlpAttributes.httpStatus(attributes) >= 500;
            double unitMs = unitMs(metric.getUnit());
            Buckets read = buckets.get();
            return new ServerHistogram(stream.tenant(), operation, stream.idOf(attributes), cumulative, start, time, error,
                    release, receivedAt, unitMs, count, min, max, read.exponential(), read.explicit());
        }
    }

    /** A point's buckets: one of the two kinds. */
    private record Buckets(Exponential exponential, Explicit explicit) {
    }
}
