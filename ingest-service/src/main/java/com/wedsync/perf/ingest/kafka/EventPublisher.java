package com.wedsync.perf.ingest.kafka;

import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.service.kafka.DurableProducers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events durably: acks=all with an idempotent producer, and a future that completes only when Kafka
 * acknowledged every record. The producer's own delivery timeout bounds the wait, so a request never hangs
 * longer than the publish timeout. One producer serves every topic; records are serialized with the registry's serdes.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<byte[], byte[]> producer;

    public EventPublisher(DurableProducers producers,
                          @ConfigProperty(name = "ingest.publish-timeout", defaultValue = "2s") Duration publishTimeout,
                          @ConfigProperty(name = "ingest.producer.linger-ms", defaultValue = "2") int lingerMs,
                          @ConfigProperty(name = "ingest.producer.batch-size", defaultValue = "65536") int batchSize,
                          @ConfigProperty(name = "ingest.producer.compression", defaultValue = "lz4") String compression) {
        int timeoutMs = (int) publishTimeout.toMillis();
        this.producer = producers.create("events", new ByteArraySerializer(), new ByteArraySerializer(), Map.of(
                // Many small records a second: batch them for a few ms, compressed, so the broker handles few large writes.
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, batchSize,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
                // Give up on a record when the client is told 503, so a retried request is not also written late.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, lingerMs + 600),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, timeoutMs - lingerMs - 100),
                // send() must not stall a request thread when the broker is away: fail fast instead.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(500, timeoutMs)));
    }

    /** Completes when Kafka acknowledged the record, exceptionally when it could not. */
    public <K, V> CompletableFuture<Void> publish(Topic<K, V> topic, K key, V value) {
        return publishAll(topic, List.of(value), v -> key);
    }

    /**
     * Publishes every value under the key {@code keyOf} gives it; completes when Kafka acknowledged them all and
     * exceptionally as soon as one failed. Equal consecutive keys are serialized once.
     */
    public <K, V> CompletableFuture<Void> publishAll(Topic<K, V> topic, List<V> values, Function<V, K> keyOf) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        AtomicInteger outstanding = new AtomicInteger(values.size());
        Callback callback = (metadata, error) -> {
            if (error != null) {
                acknowledged.completeExceptionally(error);
            } else if (outstanding.decrementAndGet() == 0) {
                acknowledged.complete(null);
            }
        };
        K previousKey = null;
        byte[] keyBytes = null;
        try {
            for (V value : values) {
                K key = keyOf.apply(value);
                if (keyBytes == null || !key.equals(previousKey)) {
                    keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
                    previousKey = key;
                }
                byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
                producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), callback);
            }
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        if (values.isEmpty()) {
            acknowledged.complete(null);
        }
        return acknowledged;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
