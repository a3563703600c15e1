package com.wedsync.perf.gate.events;

import com.wedsync.perf.service.kafka.KafkaSecurity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued events in order, acks=all, and marks them sent in the same transaction that locked them
 * ({@code SKIP LOCKED}: instances share the work without sending an event twice in the normal case).
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final AgroalDataSource db;
    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(AgroalDataSource db, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.db = db;
        this.producer = new KafkaProducer<>(KafkaSecurity.with(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", true, "client.id", "gate-service-events", "max.block.ms", 5_000,
                "delivery.timeout.ms", 10_000, "request.timeout.ms", 5_000)), new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Observes ShutdownEvent stopping) {
        producer.close(Duration.ofSeconds(2));
    }

    @Scheduled(every = "${gate.events.poll:500ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void publish() {
        try {
            QuarkusTransaction.requiringNew().run(this::publishBatch);
        } catch (RuntimeException e) {
            LOG.warnf("events not published yet, retrying: %s", e.getMessage());
        }
    }

    private void publishBatch() {
        try (Connection c = db.getConnection();
             PreparedStatement pending = c.prepareStatement("SELECT id, topic, event_key, payload FROM gate_events "
                     + "WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED");
             PreparedStatement sent = c.prepareStatement("UPDATE gate_events SET published_at = now() WHERE id = ?")) {
            try (ResultSet r = pending.executeQuery()) {
                while (r.next()) {
                    producer.send(new ProducerRecord<>(r.getString(2), r.getString(3), r.getBytes(4))).get(15, TimeUnit.SECONDS);
                    sent.setLong(1, r.getLong(1));
                    sent.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read queued events: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take an event: " + e.getMessage(), e);
        }
    }
}
