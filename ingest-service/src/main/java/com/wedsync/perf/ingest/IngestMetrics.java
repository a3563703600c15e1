package com.wedsync.perf.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** What ingest counts on /q/metrics: accepted and rejected items by reason, bots, publish latency, 503s. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer publishLatency;
    private final Counter acceptedRum;
    private final Counter acceptedServer;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Histogram buckets, not client-side percentiles: cheap on the hot path, and mergeable across instances.
        this.publishLatency = Timer.builder("ingest.publish.latency")
                .description("time from receiving a request until Kafka acknowledged its events")
                .publishPercentileHistogram().register(registry);
        this.acceptedRum = registry.counter("ingest.items.accepted", "kind", "rum");
        this.acceptedServer = registry.counter("ingest.items.accepted", "kind", "server");
    }

    public void accepted(String kind, int items) {
        switch (kind) {
            case "rum" -> acceptedRum.increment(items);
            case "server" -> acceptedServer.increment(items);
            default -> counter("ingest.items.accepted", "kind", kind).increment(items);
        }
    }

    public void rejected(String kind, String reason, int items) {
        registry.counter("ingest.items.rejected", "kind", kind, "reason", reason).increment(items);
    }

    public void bot() {
        counter("ingest.rum.bots", null, null).increment();
    }

    public void unavailable(String kind) {
        counter("ingest.unavailable", "kind", kind).increment();
    }

    public void published(Duration latency) {
        publishLatency.record(latency);
    }

    private Counter counter(String name, String tag, String value) {
        return tag == null ? registry.counter(name) : registry.counter(name, tag, value);
    }
}
