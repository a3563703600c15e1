package com.wedsync.perf.ingest.kafka;

import com.wedsync.perf.model.topic.Topic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events durably: acks=all with an idempotent producer, and a future that completes only when Kafka
 * acknowledged every record. One producer serves every topic; records are serialized with the registry's serdes.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Duration publishTimeout;

    public EventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "ingest.publish-timeout", defaultValue = "2s") Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        // Give up on a record when the client has been told 503, so a retried request is not also written late.
        int timeoutMs = (int) publishTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, timeoutMs - 100));
        // send() must not stall a request thread when the broker is away: fail fast instead.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(500, timeoutMs));
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Completes when Kafka acknowledged the record, exceptionally when it could not. */
    public <K, V> CompletableFuture<Void> publish(Topic<K, V> topic, K key, V value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /**
     * Publishes every value under the key {@code keyOf} gives it; completes when Kafka acknowledged them all, and
     * exceptionally when one failed or the publish timeout passed first.
     */
    public <K, V> CompletableFuture<Void> publishAll(Topic<K, V> topic, List<V> values, Function<V, K> keyOf) {
        CompletableFuture<?>[] acknowledged = values.stream()
                .map(value -> publish(topic, keyOf.apply(value), value)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acknowledged).orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How long a request waits for Kafka before it is answered 503. */
    public Duration publishTimeout() {
        return publishTimeout;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
