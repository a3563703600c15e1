package com.wedsync.perf.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A demo tenant's back end instrumented with OpenTelemetry, as most WedSync services are: the SDK's batch processor
 * and OTLP/HTTP exporter to {@code <ingest>/otlp} with the tenant's server key, no code of the platform's. Its
 * requests are HTTP server spans whose routes the ingest's operation table maps to the wedding operations.
 */
final class OtlpBackend implements AutoCloseable {

    /** The route each operation is served on; the default operation table knows the first four. */
    private static final Map<String, String[]> ROUTES = Map.of(
            "photo_upload", new String[]{"POST", "/api/weddings/{weddingId}/photos"},
            "guest_list_access", new String[]{"GET", "/api/weddings/{weddingId}/guests"},
            "timeline_sync", new String[]{"POST", "/api/weddings/{weddingId}/timeline/sync"},
            "vendor_notification", new String[]{"POST", "/api/notifications"},
            "api_request", new String[]{"GET", "/api/dashboard"});

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    OtlpBackend(String ingestUrl, String serverKey) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(ingestUrl + "/otlp/v1/traces")
                .addHeader("Authorization", "Bearer " + serverKey).setCompression("gzip").build();
        provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bloom-api")))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(1)).build())
                .build();
        tracer = provider.get("bloom-api");
    }

    /** One request, as the timing the demo would otherwise have posted ({@code operation, durationMs, status}). */
    void serve(Map<String, Object> timing) {
        String[] route = ROUTES.getOrDefault((String) timing.get("operation"), ROUTES.get("api_request"));
        long status = ((Number) timing.get("status")).longValue();
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
    }
}
