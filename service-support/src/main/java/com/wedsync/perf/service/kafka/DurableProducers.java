package com.wedsync.perf.service.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place a service's own producers come from: idempotent, {@code acks=all}, bounded waits (a send that Kafka
 * does not take within {@link #DELIVERY_TIMEOUT} fails, so callers retry instead of hanging), and the Kafka security
 * settings from the environment ({@link KafkaSecurity}). The producers live as long as the service and are closed with it.
 */
@ApplicationScoped
public class DurableProducers {

    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String service;
    private final List<KafkaProducer<?, ?>> opened = new ArrayList<>();

    public DurableProducers(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
    }

    /** A durable producer named {@code <service>-<purpose>}. */
    public <K, V> KafkaProducer<K, V> create(String purpose, Serializer<K> keys, Serializer<V> values) {
        return create(purpose, keys, values, Map.of());
    }

    /** A durable producer with some settings of its own (batching, longer timeouts); durability cannot be turned off. */
    public synchronized <K, V> KafkaProducer<K, V> create(String purpose, Serializer<K> keys, Serializer<V> values,
                                                         Map<String, ?> own) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(settings(bootstrapServers, service + "-" + purpose, own), keys, values);
        opened.add(producer);
        return producer;
    }

    /**
     * A durable transactional producer, {@code transactional.id} {@code <service>-<purpose>}: the same in every instance
     * of the service, so a newer instance's producer fences an older one (only one may publish that stream at a time).
     * The caller runs {@code initTransactions()} and recreates the producer after a fatal error.
     */
    public <K, V> KafkaProducer<K, V> createTransactional(String purpose, Serializer<K> keys, Serializer<V> values) {
        return create(purpose, keys, values, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, service + "-" + purpose));
    }

    /** Closes a producer this factory made (after a fatal error), so a new one can take its place. */
    public synchronized void discard(KafkaProducer<?, ?> producer) {
        opened.remove(producer);
        producer.close(Duration.ZERO);
    }

    /** The settings of a durable producer: defaults, then {@code own}, then durability and the security settings. */
    static Map<String, Object> settings(String bootstrapServers, String clientId, Map<String, ?> own) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis()));
        settings.putAll(own);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return KafkaSecurity.with(settings);
    }

    @PreDestroy
    synchronized void close() {
        for (KafkaProducer<?, ?> producer : opened) {
            producer.close(Duration.ofSeconds(2));
        }
        opened.clear();
    }
}
