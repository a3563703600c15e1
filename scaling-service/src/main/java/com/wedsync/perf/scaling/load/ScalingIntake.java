package com.wedsync.perf.scaling.load;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.engine.Emergencies;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@code perf.trends.v1} and {@code perf.alerts.v1} in the {@code scaling-service} group. From trends it keeps
 * the load per tenant and minute: server requests (the all-operations roll-up), and page views (the tenant-wide TTFB count: one
 * per navigation). From alerts, emergencies. A poll's records are written before its offsets are committed, and
 * writing a minute twice overwrites it, so a replay changes nothing; a failed write is retried from the same offsets.
 */
@ApplicationScoped
public class ScalingIntake {

    /** Tenants whose emergency started or ended. */
    public record EmergencyChanged(Set<String> tenants) {
    }

    static final String PAGE_VIEWS = "rum:page_views";
    static final String REQUESTS = "server:requests";
    private static final Logger LOG = Logger.getLogger(ScalingIntake.class);

    private final LoadStore load;
    private final Emergencies emergencies;
    private final Event<EmergencyChanged> emergencyChanged;
    private final String bootstrapServers;
    private final String groupId;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ScalingIntake(LoadStore load, Emergencies emergencies, Event<EmergencyChanged> emergencyChanged,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         @ConfigProperty(name = "scaling.group-id", defaultValue = "scaling-service") String groupId) {
        this.load = load;
        this.emergencies = emergencies;
        this.emergencyChanged = emergencyChanged;
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    void start(@Observes StartupEvent started) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id", groupId,
                "enable.auto.commit", false, "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "client.id", groupId + "-intake", "max.poll.records", 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "scaling-intake");
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

    public boolean isAssigned() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.TRENDS.name(), Topics.ALERTS.name()), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> partitions) {
                    assigned = true;
                }
            });
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    apply(records);
                    consumer.commitSync();
                } catch (RuntimeException e) {
                    LOG.warnf("could not apply %d records, retrying from the same offsets: %s", records.count(), e.getMessage());
                    records.partitions().forEach(p -> consumer.seek(p, records.records(p).get(0).offset()));
                    Thread.sleep(2000);
                }
            }
        } catch (WakeupException stopping) {
            // close below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "scaling intake stopped: %s", e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecords<byte[], byte[]> records) {
        List<LoadStore.Minute> minutes = new ArrayList<>();
        Set<String> emergencyTenants = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                if (record.topic().equals(Topics.TRENDS.name())) {
                    minute(Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), record.value()))
                            .ifPresent(minutes::add);
                } else {
                    AlertEvent alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    emergencies.apply(alert).ifPresent(emergencyTenants::add);
                }
            } catch (org.apache.kafka.common.errors.SerializationException | IllegalArgumentException unreadable) {
                LOG.errorf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        unreadable.getMessage());
            }
        }
        load.save(minutes);
        if (!emergencyTenants.isEmpty()) {
            emergencyChanged.fire(new EmergencyChanged(emergencyTenants));
        }
    }

    /** The load a closed minute reports, when it is one the scaling model counts. */
    static java.util.Optional<LoadStore.Minute> minute(TrendPoint point) {
        if (point.resolution() != Resolution.MINUTE) {
            return java.util.Optional.empty();
        }
        if (point.source() == Source.SERVER) {
            return TrendKey.ALL.equals(point.metric())
                    ? java.util.Optional.of(new LoadStore.Minute(point.tenant(), REQUESTS, point.windowStart(), point.count()))
                    : java.util.Optional.empty();
        }
        if (TrendKey.ALL.equals(point.route()) && TrendKey.ALL.equals(point.device()) && "TTFB".equals(point.metric())) {
            return java.util.Optional.of(new LoadStore.Minute(point.tenant(), PAGE_VIEWS, point.windowStart(), point.count()));
        }
        return java.util.Optional.empty();
    }
}
