package com.wedsync.perf.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A demo tenant's back end instrumented with OpenTelemetry, as most WedSync services are: the SDK's OTLP/HTTP
 * exporters to {@code <ingest>/otlp} with the tenant's server key, no code of the platform's. Its requests are HTTP
 * server spans whose routes the ingest's operation table maps to the wedding operations — except the guest-list
 * service's, which reports {@code http.server.request.duration} as an exponential histogram instead (cumulative,
 * every 10 s): each request is counted one way only.
 */
final class OtlpBackend implements AutoCloseable {

    /** The route each operation is served on; the default operation table knows the first four. */
    private static final Map<String, String[]> ROUTES = Map.of(
            "photo_upload", new String[]{"POST", "/api/weddings/{weddingId}/photos"},
            "guest_list_access", new String[]{"GET", "/api/weddings/{weddingId}/guests"},
            "timeline_sync", new String[]{"POST", "/api/weddings/{weddingId}/timeline/sync"},
            "vendor_notification", new String[]{"POST", "/api/notifications"},
            "api_request", new String[]{"GET", "/api/dashboard"});

    /** The operation whose requests go out as a duration histogram rather than as spans. */
    private static final String MEASURED_BY_HISTOGRAM = "guest_list_access";

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final SdkMeterProvider meters;
    private final DoubleHistogram durations;

    OtlpBackend(String ingestUrl, String serverKey) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(ingestUrl + "/otlp/v1/traces")
                .addHeader("Authorization", "Bearer " + serverKey).setCompression("gzip").build();
        provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bloom-api")))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(1)).build())
                .build();
        tracer = provider.get("bloom-api");
        OtlpHttpMetricExporter metricExporter = OtlpHttpMetricExporter.builder().setEndpoint(ingestUrl + "/otlp/v1/metrics")
                .addHeader("Authorization", "Bearer " + serverKey).setCompression("gzip")
                .setDefaultAggregationSelector(DefaultAggregationSelector.getDefault()
                        .with(InstrumentType.HISTOGRAM, Aggregation.base2ExponentialBucketHistogram()))
                .build();
        meters = SdkMeterProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bloom-guests")))
                .registerMetricReader(PeriodicMetricReader.builder(metricExporter).setInterval(Duration.ofSeconds(10)).build())
                .build();
        durations = meters.get("io.opentelemetry.http").histogramBuilder("http.server.request.duration").setUnit("s")
                .build();
    }

    /** One request, as the timing the demo would otherwise have posted ({@code operation, durationMs, status}). */
    void serve(Map<String, Object> timing) {
        String[] route = ROUTES.getOrDefault((String) timing.get("operation"), ROUTES.get("api_request"));
        long status = ((Number) timing.get("status")).longValue();
        if (MEASURED_BY_HISTOGRAM.equals(timing.get("operation"))) {
            durations.record(((Number) timing.get("durationMs")).doubleValue() / 1000, Attributes.of(
                    AttributeKey.stringKey("http.request.method"), route[0], AttributeKey.stringKey("http.route"), route[1],
                    AttributeKey.longKey("http.response.status_code"), status));
            return;
        }
        Instant end = Instant.now();
        Span span = tracer.spanBuilder(route[0] + " " + route[1]).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(end.minusMillis(((Number) timing.get("durationMs")).longValue()))
                .setAttribute("http.request.method", route[0]).setAttribute("http.route", route[1])
                .setAttribute(AttributeKey.longKey("http.response.status_code"), status).startSpan();
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end(end);
    }

    @Override
    public void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
        meters.shutdown().join(5, TimeUnit.SECONDS);
    }
}
