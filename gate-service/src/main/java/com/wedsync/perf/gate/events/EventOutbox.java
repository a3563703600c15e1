package com.wedsync.perf.gate.events;

import com.wedsync.perf.model.topic.Topic;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Queues an event in the caller's transaction, serialized with its topic's own serde; {@link EventPublisher} sends it.
 * A decision and its event are stored together or not at all, and a broker outage delays the event instead of the CI job.
 */
@ApplicationScoped
public class EventOutbox {

    private final AgroalDataSource db;

    public EventOutbox(AgroalDataSource db) {
        this.db = db;
    }

    public <V> void append(Topic<String, V> topic, String key, V event) {
        byte[] payload = topic.valueSerde().serializer().serialize(topic.name(), event);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO gate_events (topic, event_key, payload, created_at) VALUES (?,?,?,?)")) {
            s.setString(1, topic.name());
            s.setString(2, key);
            s.setBytes(3, payload);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue an event for " + topic.name() + ": " + e.getMessage(), e);
        }
    }
}
