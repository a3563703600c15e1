package com.wedsync.perf.alerting;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import com.wedsync.perf.localstack.access.TenantFixture;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Trend points and weddings written straight to their topics, as aggregation-streams and ingest write them. */
final class TestData {

    static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    private TestData() {
    }

    static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A closed minute of LCP on one route on mobile, every percentile at {@code p75}. */
    static TrendPoint lcpMinute(String tenant, String route, Instant start, double p75, long count) {
        return new TrendPoint(tenant, Source.RUM, route, "LCP", "MOBILE", Resolution.MINUTE, start,
                start.plus(Duration.ofMinutes(1)), count, p75 * 0.8, p75, p75 * 1.2, p75 * 1.5, p75 / 2, p75 * 2, 0, 0,
                0, 0, "", 0.01);
    }

    /** A closed minute of one server operation. */
    static TrendPoint serverMinute(String tenant, String operation, Instant start, double p75, long count, long errors) {
        return new TrendPoint(tenant, Source.SERVER, TrendKey.ALL, operation, TrendKey.ALL, Resolution.MINUTE, start,
                start.plus(Duration.ofMinutes(1)), count, p75 * 0.8, p75, p75 * 1.2, p75 * 1.5, p75 / 2, p75 * 2, 0, 0,
                0, errors, "", 0.01);
    }

    /** A closed hour of LCP on one route on mobile, with a real sketch of values spread around {@code p75}. */
    static TrendPoint lcpHour(String tenant, String route, Instant start, double p75, int count) {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < count; i++) {
            sketch.add(p75 * (0.5 + (i + 0.5) / count * 2 / 3));
        }
        return new TrendPoint(tenant, Source.RUM, route, "LCP", "MOBILE", Resolution.HOUR, start,
                start.plus(Duration.ofHours(1)), count, sketch.quantile(0.5), sketch.quantile(0.75),
                sketch.quantile(0.95), sketch.quantile(0.99), sketch.min(), sketch.max(), 0, 0, 0, 0,
                SketchCodec.encode(sketch), sketch.relativeAccuracy());
    }

    static Instant minutesAgo(int minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes));
    }

    static void send(TrendPoint... points) {
        try (KafkaProducer<TrendKey, TrendPoint> producer = producer(Topics.TRENDS)) {
            for (TrendPoint point : points) {
                producer.send(new ProducerRecord<>(Topics.TRENDS.name(), point.key(), point));
            }
        }
    }

    static void finding(InterferenceFinding finding) {
        try (KafkaProducer<String, InterferenceFinding> producer = producer(Topics.INTERFERENCE)) {
            producer.send(new ProducerRecord<>(Topics.INTERFERENCE.name(), finding.victimTenant(), finding));
        }
    }

    static void gateDecision(com.wedsync.perf.model.event.GateDecision decision) {
        try (KafkaProducer<String, com.wedsync.perf.model.event.GateDecision> producer = producer(Topics.GATE)) {
            producer.send(new ProducerRecord<>(Topics.GATE.name(), decision.project(), decision));
        }
    }

    static void deployment(com.wedsync.perf.model.event.DeploymentMarker marker) {
        try (KafkaProducer<String, com.wedsync.perf.model.event.DeploymentMarker> producer = producer(Topics.DEPLOYS)) {
            producer.send(new ProducerRecord<>(Topics.DEPLOYS.name(), marker.project(), marker));
        }
    }

    static void audit(com.wedsync.perf.model.event.AuditEvent event) {
        try (KafkaProducer<String, com.wedsync.perf.model.event.AuditEvent> producer = producer(Topics.AUDIT)) {
            producer.send(new ProducerRecord<>(Topics.AUDIT.name(), event.tenant(), event));
        }
    }

    static void wedding(String tenant, String weddingId, Instant ceremonyAt) {
        try (KafkaProducer<String, WeddingSchedule> producer = producer(Topics.WEDDINGS)) {
            producer.send(new ProducerRecord<>(Topics.WEDDINGS.name(), tenant + "/" + weddingId, new WeddingSchedule(
                    weddingId, tenant, ceremonyAt, "Europe/London", 120, 8, WeddingStatus.SCHEDULED, Instant.now())));
        }
    }

    /** Registers a tenant on perf.tenants.v1 with a token of each scope. */
    static TenantFixture.Tokens tenantWithTokens(String tenantId) {
        return TenantFixture.publish(LocalStack.shared().bootstrapServers(), tenantId);
    }

    private static <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
