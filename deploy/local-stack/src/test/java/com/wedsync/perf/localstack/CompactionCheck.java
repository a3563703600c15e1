package com.wedsync.perf.localstack;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Proves compaction on a real broker: a one-partition topic with a registry topic's configs, plus segments that
 * roll after 100 ms so the cleaner may run within the test. Many versions per key go in; one per key must remain.
 */
final class CompactionCheck implements AutoCloseable {

    private static final String ROLL_KEY = "~roll";

    private final LocalStack stack;
    private final Admin admin;
    private final Topic<String, TenantConfig> registryTopic;
    private final String name = "compaction-check-" + UUID.randomUUID();

    private CompactionCheck(LocalStack stack, Admin admin, Topic<String, TenantConfig> registryTopic) {
        this.stack = stack;
        this.admin = admin;
        this.registryTopic = registryTopic;
    }

    static CompactionCheck like(LocalStack stack, Admin admin, Topic<String, TenantConfig> registryTopic) throws Exception {
        Map<String, String> configs = new HashMap<>(registryTopic.configs());
        configs.put("segment.ms", "100");
        configs.put("min.cleanable.dirty.ratio", "0.01");
        CompactionCheck check = new CompactionCheck(stack, admin, registryTopic);
        admin.createTopics(List.of(new NewTopic(check.name, Optional.of(1), Optional.empty()).configs(configs)))
                .all().get();
        return check;
    }

    /** Writes {@code versions} versions of {@code keys} tenants, then rolls the segment; returns the latest of each. */
    Map<String, TenantConfig> writeVersions(int keys, int versions) throws Exception {
        Map<String, TenantConfig> latest = new LinkedHashMap<>();
        try (KafkaProducer<String, TenantConfig> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all", "linger.ms", 0),
                registryTopic.keySerde().serializer(), registryTopic.valueSerde().serializer())) {
            for (int version = 1; version <= versions; version++) {
                for (int key = 0; key < keys; key++) {
                    TenantConfig tenant = new TenantConfig("tenant-" + key, "Tenant " + key + " v" + version,
                            null, null, null, null, null, null, Instant.now());
                    producer.send(new ProducerRecord<>(name, tenant.tenantId(), tenant)).get();
                    latest.put(tenant.tenantId(), tenant);
                }
            }
            Thread.sleep(300);
            TenantConfig roll = new TenantConfig(ROLL_KEY, "segment roll", null, null, null, null, null, null, Instant.now());
            producer.send(new ProducerRecord<>(name, ROLL_KEY, roll)).get();
        }
        return latest;
    }

    /** Re-reads the topic until it holds one record per key (besides the roll record) and returns them. */
    Map<String, TenantConfig> awaitCompacted(int keys, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, TenantConfig>> records = readAll();
        while (records.size() > keys + 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            records = readAll();
        }
        Map<String, TenantConfig> survivors = new LinkedHashMap<>();
        records.stream().filter(r -> !r.key().equals(ROLL_KEY)).forEach(r -> survivors.put(r.key(), r.value()));
        if (records.size() != keys + 1) {
            throw new AssertionError("topic still holds " + records.size() + " records after " + timeout
                    + "; compaction should have left " + (keys + 1));
        }
        return survivors;
    }

    private List<ConsumerRecord<String, TenantConfig>> readAll() {
        TopicPartition partition = new TopicPartition(name, 0);
        try (KafkaConsumer<String, TenantConfig> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers(), "enable.auto.commit", false),
                registryTopic.keySerde().deserializer(), registryTopic.valueSerde().deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, TenantConfig>> records = new java.util.ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() throws Exception {
        admin.deleteTopics(List.of(name)).all().get();
    }
}
