package com.wedsync.perf.service.tenant;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.service.auth.SecretHash;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every tenant, materialised from the compacted {@code perf.tenants.v1} by each instance (no consumer group:
 * every instance reads every partition). A new or revoked key takes effect as soon as its record arrives.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final String bootstrapServers;
    private volatile TenantIndex index = TenantIndex.EMPTY;
    private volatile boolean loaded;
    private volatile boolean running = true;
    private KafkaConsumer<String, TenantConfig> consumer;
    private Thread thread;

    private final String clientId;

    public TenantDirectory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-tenant-directory";
    }

    void start(@Observes StartupEvent started) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", false,
                "client.id", clientId),
                Topics.TENANTS.keySerde().deserializer(), Topics.TENANTS.valueSerde().deserializer());
        thread = new Thread(this::run, "tenant-directory");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Optional<TenantConfig> byId(String tenantId) {
        return Optional.ofNullable(index.byId().get(tenantId));
    }

    public Optional<TenantConfig> byIngestKey(String key) {
        return Optional.ofNullable(index.byIngestKey().get(key));
    }

    public Optional<TenantConfig> byServerKey(String serverKey) {
        return Optional.ofNullable(index.byServerKeyHash().get(SecretHash.of(serverKey)));
    }

    /** The tenant one of whose read tokens this is. */
    public Optional<TenantConfig> byReadToken(String readToken) {
        return Optional.ofNullable(index.byReadTokenHash().get(SecretHash.of(readToken)));
    }

    /** True once everything on the topic at start-up has been read. */
    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return index.byId().size();
    }

    /** Applies a tenant this instance just published, so its own next request sees it without waiting. */
    public synchronized void apply(TenantConfig tenant) {
        index = index.with(Map.of(tenant.tenantId(), Optional.of(tenant)));
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TENANTS.name(), Duration.ofMinutes(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
            while (running) {
                Map<String, Optional<TenantConfig>> changes = new HashMap<>();
                try {
                    for (ConsumerRecord<String, TenantConfig> record : consumer.poll(Duration.ofMillis(500))) {
                        changes.put(record.key(), Optional.ofNullable(record.value()));
                    }
                } catch (RecordDeserializationException e) {
                    LOG.errorf("skipping unreadable tenant record at %s offset %d: %s",
                            e.topicPartition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (!changes.isEmpty()) {
                    synchronized (this) {
                        index = index.with(changes);
                    }
                }
                if (!loaded && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    loaded = true;
                    LOG.infof("tenant directory loaded: %d tenants", size());
                }
            }
        } catch (WakeupException stopping) {
            // close below
        } catch (RuntimeException e) {
            LOG.errorf(e, "tenant directory stopped reading %s: %s", Topics.TENANTS.name(), e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
