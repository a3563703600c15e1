package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.lifecycle.AlertLifecycle;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@code perf.trends.v1} and {@code perf.interference.v1} in the {@code alerting-service} group, so N instances
 * share the partitions, and applies each record in one database transaction with its offset ({@link OffsetLedger}).
 * A record that cannot be applied (database away) is retried from the same offset, never skipped.
 */
@ApplicationScoped
public class AlertIntake {

    private static final Logger LOG = Logger.getLogger(AlertIntake.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final TrendObservations observations;
    private final AlertLifecycle lifecycle;
    private final OffsetLedger ledger;
    private final String bootstrapServers;
    private final String groupId;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public AlertIntake(TrendObservations observations, AlertLifecycle lifecycle, OffsetLedger ledger,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "alerting.group-id", defaultValue = "alerting-service") String groupId) {
        this.observations = observations;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    void start(@Observes StartupEvent started) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id", groupId,
                "enable.auto.commit", false, "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                "client.id", groupId + "-intake", "max.poll.records", 200),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "alert-intake");
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

    /** True once this instance has been given its share of the partitions. */
    public boolean isAssigned() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.TRENDS.name(), Topics.INTERFERENCE.name()), new ResumeFromLedger());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!apply(record)) {
                        break;
                    }
                }
                consumer.commitAsync();
            }
        } catch (WakeupException stopping) {
            // close below
        } catch (RuntimeException e) {
            LOG.errorf(e, "alert intake stopped: %s", e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Applies one record; on failure rewinds to it and pauses, returning false. */
    private boolean apply(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Runnable work = decode(record, partition);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ledger.claim(partition, record.offset())) {
                    work.run();
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("could not apply %s@%d, retrying in %s: %s", partition, record.offset(), RETRY_PAUSE, e.getMessage());
            consumer.seek(partition, record.offset());
            sleep();
            return false;
        }
    }

    /** What the record asks for; nothing (and a log line) when it cannot be read, so it does not block the partition. */
    private Runnable decode(ConsumerRecord<byte[], byte[]> record, TopicPartition partition) {
        if (record.value() == null) {
            return () -> { };
        }
        try {
            if (record.topic().equals(Topics.TRENDS.name())) {
                TrendPoint point = Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                return () -> observations.of(point).forEach(lifecycle::observe);
            }
            InterferenceFinding finding = Topics.INTERFERENCE.valueSerde().deserializer().deserialize(record.topic(), record.value());
            return () -> lifecycle.observe(observations.of(finding));
        } catch (RuntimeException unreadable) {
            LOG.errorf("skipping unreadable record %s@%d: %s", partition, record.offset(), unreadable.getMessage());
            return () -> { };
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts each newly assigned partition where the ledger says, which may be ahead of the group's commit. */
    private final class ResumeFromLedger implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                ledger.next(partition).ifPresent(offset -> consumer.seek(partition, offset));
            }
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            consumer.commitSync();
        }
    }
}
