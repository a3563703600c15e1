package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UnknownFieldSet;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.ServerHistogram;
import com.wedsync.perf.model.topic.Topics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP metrics from the official OpenTelemetry Java SDK: its OTLP/HTTP exporter (protobuf, gzip) with
 * exponential histograms, cumulative, and its own OTLP JSON encoding with explicit buckets, delta. The request
 * durations become the caller's histogram points, bucket for bucket; every other metric is passed over; a point that
 * cannot be a duration histogram is named in the partial success.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OtlpMetricsTest {

    private static final Attributes UPLOAD = Attributes.of(AttributeKey.stringKey("http.request.method"), "POST",
            AttributeKey.stringKey("http.route"), "/api/weddings/{weddingId}/photos",
            AttributeKey.longKey("http.response.status_code"), 201L);

    @Test
    void shouldTurnTheSdksCumulativeExponentialHistogramIntoTheCallersPointsBucketForBucket() {
        TestTenants.Registered tenant = TestTenants.register("otlp-metrics");
        TestTenants.Registered victim = TestTenants.register("otlp-metrics-victim");
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(endpoint())
                .addHeader("Authorization", "Bearer " + tenant.serverKey()).setCompression("gzip")
                .setAggregationTemporalitySelector(AggregationTemporalitySelector.alwaysCumulative())
                .setDefaultAggregationSelector(DefaultAggregationSelector.getDefault()
                        .with(InstrumentType.HISTOGRAM, Aggregation.base2ExponentialBucketHistogram()))
                .build();
        SdkMeterProvider provider = provider(exporter, victim.id());
        Meter meter = provider.get("io.opentelemetry.http");
        DoubleHistogram durations = meter.histogramBuilder("http.server.request.duration").setUnit("s").build();
        meter.gaugeBuilder("jvm.cpu.recent_utilization").buildWithCallback(gauge -> gauge.record(0.5));
        Random random = new Random(5);
        double[] seconds = new double[2_000];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Math.exp(Math.log(0.8) + 0.6 * random.nextGaussian());
        }
        try (TopicReader<String, ServerHistogram> points = TopicReader.fromNow(Topics.SERVER_HISTOGRAMS)) {
            for (int i = 0; i < 1_000; i++) {
                durations.record(seconds[i], UPLOAD);
            }
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("the first export").isTrue();
            for (int i = 1_000; i < seconds.length; i++) {
                durations.record(seconds[i], UPLOAD);
            }
            durations.record(2.5, Attributes.of(AttributeKey.stringKey("http.route"), "/api/weddings/{weddingId}/photos",
                    AttributeKey.stringKey("http.request.method"), "POST", AttributeKey.longKey("http.response.status_code"), 503L));
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("the second export").isTrue();
            provider.shutdown().join(10, TimeUnit.SECONDS);

            List<ServerHistogram> published = ofTenant(points.awaitRecords(r -> ofTenant(r, tenant.id(), victim.id()).size() >= 3,
                    Duration.ofSeconds(30)), tenant.id(), victim.id());
            assertThat(published).allSatisfy(point -> {
                assertThat(point.tenant()).isEqualTo(tenant.id());
                assertThat(point.operation()).isEqualTo("photo_upload");
                assertThat(point.cumulative()).isTrue();
                assertThat(point.unitMs()).isEqualTo(1000);
                assertThat(point.release()).isEqualTo("2026.12.2");
                assertThat(point.exponential()).isNotNull();
            });
            List<ServerHistogram> ok = published.stream().filter(p -> !p.error()).toList();
            assertThat(ok).extracting(ServerHistogram::count).as("each export, the one at shutdown too, counts all so far")
                    .startsWith(1_000L, 2_000L).containsOnly(1_000L, 2_000L);
            assertThat(ok).extracting(ServerHistogram::stream).as("one stream").containsOnly(ok.get(0).stream());
            assertThat(ok.get(1).startTimeUnixNano()).isEqualTo(ok.get(0).startTimeUnixNano());
            assertThat(published.stream().filter(ServerHistogram::error).toList()).as("the 503: a stream of its own")
                    .isNotEmpty().allSatisfy(p -> {
                        assertThat(p.stream()).isNotEqualTo(ok.get(0).stream());
                        assertThat(p.count()).isEqualTo(1);
                    });
            // Bucket for bucket what the specification's index gives: ceil(log2(v) * 2^scale) - 1.
            ServerHistogram.Exponential buckets = ok.get(ok.size() - 1).exponential();
            long[] expected = new long[buckets.counts().size()];
            for (double value : seconds) {
                int index = (int) Math.ceil(Math.log(value) / Math.log(2) * Math.pow(2, buckets.scale())) - 1;
                expected[index - buckets.offset()]++;
            }
            assertThat(buckets.counts()).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));
            assertThat(buckets.scale()).as("the SDK's scale for 160 buckets over this spread").isBetween(3, 8);
        }
    }

    @Test
    void shouldReadTheSdksOtlpJsonWithExplicitBucketsAndDeltaTemporality() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("otlp-metrics-json");
        JsonExporter json = new JsonExporter(tenant.serverKey());
        SdkMeterProvider provider = provider(json, null);
        // The bounds OpenTelemetry's HTTP instrumentation advises for this metric, in seconds.
        DoubleHistogram durations = provider.get("io.opentelemetry.http").histogramBuilder("http.server.request.duration")
                .setUnit("s").setExplicitBucketBoundariesAdvice(List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
                        0.75, 1.0, 2.5, 5.0, 7.5, 10.0)).build();
        Attributes guests = Attributes.of(AttributeKey.stringKey("http.request.method"), "GET",
                AttributeKey.stringKey("http.route"), "/api/weddings/:id/guests");
        try (TopicReader<String, ServerHistogram> points = TopicReader.fromNow(Topics.SERVER_HISTOGRAMS)) {
            for (int i = 0; i < 50; i++) {
                durations.record(0.120 + i * 0.001, guests);
            }
            provider.forceFlush().join(10, TimeUnit.SECONDS);
            provider.shutdown().join(10, TimeUnit.SECONDS);
            assertThat(json.statuses).containsOnly(200);

            ServerHistogram point = ofTenant(points.awaitRecords(r -> ofTenant(r, tenant.id()).size() >= 1,
                    Duration.ofSeconds(30)), tenant.id()).get(0);
            assertThat(point.operation()).isEqualTo("guest_list_access");
            assertThat(point.cumulative()).isFalse();
            assertThat(point.count()).isEqualTo(50);
            assertThat(point.explicit().bounds()).contains(0.1, 0.25);
            assertThat(point.explicit().counts().get(point.explicit().bounds().indexOf(0.25))).as("(0.1, 0.25]").isEqualTo(50);
            assertThat(point.min()).isEqualTo(0.120);
            assertThat(point.max()).isCloseTo(0.169, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void shouldNameRefusedPointsInThePartialSuccessAndRefuseInOtlpsShape() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("otlp-metrics-partial");
        long now = System.currentTimeMillis() * 1_000_000L;
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics
                .newBuilder().setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                        .addAttributes(text("tenant", "someone-else")))
                .addScopeMetrics(ScopeMetrics.newBuilder()
                        .addMetrics(Metric.newBuilder().setName("http.server.request.duration").setUnit("ms")
                                .setHistogram(Histogram.newBuilder()
                                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                                        .addDataPoints(HistogramDataPoint.newBuilder().setStartTimeUnixNano(now - 1)
                                                .setTimeUnixNano(now).setCount(3).addExplicitBounds(100).addBucketCounts(2)
                                                .addBucketCounts(1).addAttributes(text("wedsync.operation", "timeline_sync")))
                                        .addDataPoints(HistogramDataPoint.newBuilder().setStartTimeUnixNano(now - 1)
                                                .setTimeUnixNano(now).setCount(5).addExplicitBounds(100).addBucketCounts(2)
                                                .addBucketCounts(1))))
                        .addMetrics(Metric.newBuilder().setName("http.server.request.duration").setUnit("By")
                                .setExponentialHistogram(ExponentialHistogram.newBuilder()
                                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                                        .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(now)
                                                .setCount(1).setZeroCount(1))))
                        .addMetrics(Metric.newBuilder().setName("http.client.request.duration").setUnit("s")
                                .setHistogram(Histogram.newBuilder()
                                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                                        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(now).setCount(1)
                                                .addBucketCounts(1)))))).build();
        try (TopicReader<String, ServerHistogram> points = TopicReader.fromNow(Topics.SERVER_HISTOGRAMS)) {
            HttpResponse<byte[]> answer = post(tenant.serverKey(), "application/x-protobuf", request.toByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            ExportMetricsServiceResponse response = ExportMetricsServiceResponse.parseFrom(answer.body());
            assertThat(response.getPartialSuccess().getRejectedDataPoints()).as("the miscounted point and the bytes")
                    .isEqualTo(2);
            assertThat(response.getPartialSuccess().getErrorMessage()).contains("the point says 5");

            List<ServerHistogram> published = ofTenant(points.awaitRecords(r -> ofTenant(r, tenant.id(), "someone-else")
                    .size() >= 1, Duration.ofSeconds(20)), tenant.id(), "someone-else");
            assertThat(published).singleElement().satisfies(point -> {
                assertThat(point.tenant()).isEqualTo(tenant.id());
                assertThat(point.operation()).isEqualTo("timeline_sync");
                assertThat(point.unitMs()).isEqualTo(1);
            });
        }
        HttpResponse<byte[]> anonymous = post(null, "application/x-protobuf",
                ExportMetricsServiceRequest.getDefaultInstance().toByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(UnknownFieldSet.parseFrom(anonymous.body()).getField(1).getVarintList()).as("UNAUTHENTICATED")
                .containsExactly(16L);
        assertThat(post(tenant.serverKey(), "application/x-protobuf", new byte[] {(byte) 0xff, 1}).statusCode())
                .isEqualTo(400);
    }

    private static SdkMeterProvider provider(MetricExporter exporter, String hostileTenant) {
        Attributes resource = hostileTenant == null
                ? Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-api")
                : Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-api",
                        AttributeKey.stringKey("service.version"), "2026.12.2",
                        AttributeKey.stringKey("tenant"), hostileTenant, AttributeKey.stringKey("wedsync.tenant"), hostileTenant);
        return SdkMeterProvider.builder().setResource(Resource.create(resource))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
                .build();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static List<ServerHistogram> ofTenant(List<ConsumerRecord<String, ServerHistogram>> records, String... tenants) {
        List<String> wanted = List.of(tenants);
        return records.stream().map(ConsumerRecord::value).filter(p -> wanted.contains(p.tenant())).toList();
    }

    private static String endpoint() {
        return OtlpHttp.endpoint("metrics");
    }

    private static HttpResponse<byte[]> post(String key, String contentType, byte[] body) throws Exception {
        return OtlpHttp.post("metrics", key, contentType, null, body);
    }

    /** OTLP/HTTP with JSON bodies encoded by the SDK's own OTLP JSON marshaler; delta temporality, explicit buckets. */
    private static final class JsonExporter implements MetricExporter {

        private final String key;
        final List<Integer> statuses = new CopyOnWriteArrayList<>();

        JsonExporter(String key) {
            this.key = key;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            try {
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                MetricsRequestMarshaler.create(metrics).writeJsonTo(json);
                statuses.add(post(key, "application/json", json.toByteArray()).statusCode());
                return CompletableResultCode.ofSuccess();
            } catch (Exception e) {
                return CompletableResultCode.ofFailure();
            }
        }

        @Override
        public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return io.opentelemetry.sdk.metrics.data.AggregationTemporality.DELTA;
        }

        @Override
        public MemoryMode getMemoryMode() {
            return MemoryMode.IMMUTABLE_DATA;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
