package com.wedsync.perf.aggregation;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.event.RumMetric;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.auth.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Tenants and measurements written straight to the topics, as ingest would write them. */
final class TestData {

    static final String OPS = "Bearer test-ops-token-0123456789abcdef0123";

    private TestData() {
    }

    static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a tenant whose read token is returned. */
    static String tenantWithReadToken(String tenantId) {
        String token = SecretHash.newSecret("rt_test_");
        send(Topics.TENANTS, tenantId, new TenantConfig(tenantId, tenantId, Tier.STANDARD, List.of("pk_" + tenantId),
                List.of("https://app.wedsync.example"), null, List.of(SecretHash.of(token)), null, Instant.now()));
        return token;
    }

    static void send(List<RumMetric> metrics) {
        try (KafkaProducer<com.wedsync.perf.model.event.RouteKey, RumMetric> producer = producer(Topics.RUM)) {
            metrics.forEach(m -> producer.send(new ProducerRecord<>(Topics.RUM.name(), null,
                    m.receivedAt().toEpochMilli(), m.key(), m)));
        }
    }

    static void sendTimings(List<ServerTiming> timings) {
        try (KafkaProducer<com.wedsync.perf.model.event.OperationKey, ServerTiming> producer = producer(Topics.SERVER_TIMINGS)) {
            timings.forEach(t -> producer.send(new ProducerRecord<>(Topics.SERVER_TIMINGS.name(), null,
                    t.receivedAt().toEpochMilli(), t.key(), t)));
        }
    }

    /** A wedding as the planner publishes it through ingest. */
    static void sendWedding(WeddingSchedule wedding) {
        send(Topics.WEDDINGS, wedding.tenant() + "/" + wedding.weddingId(), wedding);
    }

    /** A route's Lighthouse findings, as the gate publishes them. */
    static void sendLabFindings(LabFindings findings) {
        sendLabFindings(LabFindings.key(findings.tenant(), findings.route()), findings);
    }

    static void sendLabFindings(String key, LabFindings findings) {
        send(Topics.LIGHTHOUSE, key, findings);
    }

    /** Bytes no reader can take, under a key of the findings topic: what a broken producer might leave there. */
    static void sendUnreadableLabFindings(String key) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                LocalStack.shared().bootstrapServers(), "acks", "all"), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.LIGHTHOUSE.name(), key, "{\"tenant\": [not json".getBytes()));
        }
    }

    /** The last second of the minute before now: closes a few seconds after it is sent (test grace 1 s + 1 s). */
    static Instant endOfLastMinute() {
        long now = System.currentTimeMillis();
        return Instant.ofEpochMilli((now / 60_000) * 60_000 - 1_000);
    }

    private static <K, V> void send(Topic<K, V> topic, K key, V value) {
        try (KafkaProducer<K, V> producer = producer(topic)) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
        }
    }

    private static <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
