package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes notifications in the caller's transaction, the one that changes the alert: the change and its messages
 * commit together or not at all. {@link Dispatcher} sends them.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public Outbox(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public void enqueue(UUID alertId, Destination destination, Notification notification) {
        String payload;
        try {
            payload = json.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notification " + notification.dedupKey(), e);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection();
             PreparedStatement lane = c.prepareStatement("INSERT INTO delivery_lanes (destination, next_attempt_at) "
                     + "VALUES (?, ?) ON CONFLICT (destination) DO NOTHING");
             PreparedStatement row = c.prepareStatement("INSERT INTO outbox (alert_id, destination, payload, dedup_key, "
                     + "created_at) VALUES (?,?,?,?,?) ON CONFLICT (dedup_key) DO NOTHING")) {
            lane.setString(1, destination.key());
            lane.setTimestamp(2, now);
            lane.executeUpdate();
            row.setObject(1, alertId);
            row.setString(2, destination.key());
            row.setString(3, payload);
            row.setString(4, notification.dedupKey());
            row.setTimestamp(5, now);
            row.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue notification " + notification.dedupKey() + ": " + e.getMessage(), e);
        }
    }
}
