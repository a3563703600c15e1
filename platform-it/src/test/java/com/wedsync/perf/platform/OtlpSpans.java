package com.wedsync.perf.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A WedSync back end as the OpenTelemetry Java SDK runs it: {@code OTEL_EXPORTER_OTLP_ENDPOINT=<ingest>/otlp} and
 * its server key in {@code OTEL_EXPORTER_OTLP_HEADERS}, with the SDK's batch processor and OTLP/HTTP exporter.
 */
final class OtlpSpans {

    private OtlpSpans() {
    }

    /**
     * Sends {@code count} server spans of {@code operation} lasting {@code i / 10} ms for i = 1..count, and waits until
     * the exporter has had every export answered with success.
     */
    static void send(String ingestUrl, String serverKey, String operation, int count) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(ingestUrl + "/otlp/v1/traces")
                .addHeader("Authorization", "Bearer " + serverKey).setCompression("gzip").build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-api")))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxQueueSize(count).build()).build();
        Tracer tracer = provider.get("wedsync-api");
        Instant start = Instant.now();
        for (int i = 1; i <= count; i++) {
            Span span = tracer.spanBuilder("POST /api/photos").setSpanKind(SpanKind.SERVER).setStartTimestamp(start)
                    .setAttribute("wedsync.operation", operation).startSpan();
            span.end(start.plusNanos(i * 100_000L));
        }
        if (!provider.forceFlush().join(60, TimeUnit.SECONDS).isSuccess()) {
            throw new AssertionError("the OTLP exporter could not export every span");
        }
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
