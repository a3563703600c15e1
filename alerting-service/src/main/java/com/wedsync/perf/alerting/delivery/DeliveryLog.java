package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox as seen from one alert: what was sent where, what is still waiting, what failed for good. */
@ApplicationScoped
public class DeliveryLog {

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public DeliveryLog(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public List<DeliveryView> of(UUID alertId) {
        List<DeliveryView> views = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT destination, payload, "
                + "state, attempts, last_error, created_at, sent_at FROM outbox WHERE alert_id = ? ORDER BY id")) {
            s.setObject(1, alertId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Notification notification = json.readValue(r.getString(2), Notification.class);
                    Timestamp sent = r.getTimestamp(7);
                    views.add(new DeliveryView(r.getString(1), notification.kind().name(), r.getString(3), r.getInt(4),
                            r.getString(5), r.getTimestamp(6).toInstant(), sent == null ? null : sent.toInstant()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the deliveries of alert " + alertId + ": " + e.getMessage(), e);
        }
        return views;
    }
}
