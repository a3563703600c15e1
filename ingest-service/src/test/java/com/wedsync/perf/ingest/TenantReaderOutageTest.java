package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.CompactedTopicReader;
import com.wedsync.perf.service.kafka.DeadLetterWriter;
import com.wedsync.perf.service.kafka.DurableProducers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The tenant directory's reader started while Kafka is away keeps trying — through many timed-out attempts, not
 * only the first — and loads the table once the broker is back; the same when the broker goes away again later.
 * The outage lasts {@code -Doutage.seconds} (default 75 s: past every client timeout the reader meets, 30 s metadata
 * and 60 s API calls); {@code -Doutage.seconds=330} is the "longer than five minutes".
 */
class TenantReaderOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 75));

    private final Map<String, Optional<TenantConfig>> table = new ConcurrentHashMap<>();

    @Test
    void shouldKeepRetryingWhileKafkaIsAwayAtStartUpAndLoadWhenItIsBack() throws Exception {
        LocalStack stack = LocalStack.shared();
        String tenantId = "reader-outage-" + UUID.randomUUID().toString().substring(0, 8);
        publish(stack, tenantId);

        stack.stopBroker();
        CompactedTopicReader<TenantConfig> reader;
        try {
            reader = new CompactedTopicReader<>(stack.bootstrapServers(), "reader-outage-test", Topics.TENANTS,
                    table::putAll, new DeadLetterWriter(new DurableProducers(stack.bootstrapServers(), "reader-outage-test"), "reader-outage-test",
                    new SimpleMeterRegistry())).start();
            Thread.sleep(OUTAGE.toMillis());
            assertThat(reader.isLoaded()).as("nothing to load while Kafka is away").isFalse();
        } finally {
            stack.startBroker();
        }

        try (reader) {
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(90)).until(reader::isLoaded);
            System.out.printf("[TenantReaderOutageTest] loaded %d s after a %d s outage ended%n",
                    Duration.between(back, Instant.now()).toSeconds(), OUTAGE.toSeconds());
            assertThat(table.get(tenantId)).as("the tenant published before the outage").isPresent();

            stack.stopBroker();
            try {
                Thread.sleep(5_000);
            } finally {
                stack.startBroker();
            }
            String later = tenantId + "-later";
            publish(stack, later);
            await().atMost(Duration.ofSeconds(90)).until(() -> table.containsKey(later));
        }
    }

    private static void publish(LocalStack stack, String tenantId) throws Exception {
        try (KafkaProducer<String, TenantConfig> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), Topics.TENANTS.keySerde().serializer(), Topics.TENANTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.TENANTS.name(), tenantId, new TenantConfig(tenantId, tenantId,
                    Tier.STANDARD, List.of("pk_" + tenantId), List.of("https://app.wedsync.example"), null, List.of(),
                    null, Instant.now()))).get();
        }
    }
}
