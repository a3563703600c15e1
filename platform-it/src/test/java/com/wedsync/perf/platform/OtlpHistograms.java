package com.wedsync.perf.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A WedSync back end's request durations as the OpenTelemetry Java SDK exports them: {@code http.server.request.duration}
 * in seconds, base-2 exponential histograms, cumulative temporality, over OTLP/HTTP. One SDK process for the whole
 * test, so a later export counts everything since the first.
 */
final class OtlpHistograms implements AutoCloseable {

    private final SdkMeterProvider provider;
    private final DoubleHistogram durations;
    private final Attributes attributes;

    OtlpHistograms(String ingestUrl, String serverKey, String operation) {
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(ingestUrl + "/otlp/v1/metrics")
                .addHeader("Authorization", "Bearer " + serverKey).setCompression("gzip")
                .setAggregationTemporalitySelector(AggregationTemporalitySelector.alwaysCumulative())
                .setDefaultAggregationSelector(DefaultAggregationSelector.getDefault()
                        .with(InstrumentType.HISTOGRAM, Aggregation.base2ExponentialBucketHistogram()))
                .build();
        provider = SdkMeterProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-guests")))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
                .build();
        durations = provider.get("io.opentelemetry.http").histogramBuilder("http.server.request.duration").setUnit("s")
                .build();
        attributes = Attributes.of(AttributeKey.stringKey("wedsync.operation"), operation,
                AttributeKey.longKey("http.response.status_code"), 200L);
    }

    /** Records the durations (in seconds) and exports, waiting until the export was answered with success. */
    void recordAndExport(double[] seconds) {
        for (double value : seconds) {
            durations.record(value, attributes);
        }
        if (!provider.forceFlush().join(60, TimeUnit.SECONDS).isSuccess()) {
            throw new AssertionError("the OTLP exporter could not export the histogram");
        }
    }

    @Override
    public void close() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
