package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.scaling.plan.Emergency;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Emergencies: a critical wedding-day alert firing (or acknowledged: still happening) starts one for its tenant; its
 * resolution ends it. Kept in PostgreSQL with when and why, so the record outlives the alert.
 */
@ApplicationScoped
public class Emergencies {

    private final AgroalDataSource db;

    public Emergencies(AgroalDataSource db) {
        this.db = db;
    }

    /** Applies an alert's change; answers the tenant whose emergency started or ended, if one did. */
    public Optional<String> apply(AlertEvent alert) {
        if (alert.severity() != Severity.CRITICAL || !alert.isWeddingDay()) {
            return Optional.empty();
        }
        boolean ongoing = alert.state() == AlertState.FIRING || alert.state() == AlertState.ACKNOWLEDGED;
        String sql = ongoing
                ? "INSERT INTO emergencies (alert_id, tenant, wedding_id, summary, started_at) VALUES (?,?,?,?,?) "
                + "ON CONFLICT (alert_id) DO NOTHING"
                : "UPDATE emergencies SET ended_at = ? WHERE alert_id = ? AND ended_at IS NULL";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (ongoing) {
                s.setString(1, alert.alertId());
                s.setString(2, alert.tenant());
                s.setString(3, alert.weddingId());
                s.setString(4, alert.summary());
                s.setTimestamp(5, Timestamp.from(alert.changedAt()));
            } else {
                s.setTimestamp(1, Timestamp.from(alert.changedAt()));
                s.setString(2, alert.alertId());
            }
            return s.executeUpdate() == 1 ? Optional.of(alert.tenant()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the emergency of alert " + alert.alertId() + ": " + e.getMessage(), e);
        }
    }

    /** The tenant's oldest ongoing emergency. */
    public Optional<Emergency> active(String tenant) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT alert_id, wedding_id, summary, "
                + "started_at FROM emergencies WHERE tenant = ? AND ended_at IS NULL ORDER BY started_at LIMIT 1")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Emergency(r.getString(1), tenant, r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the emergencies of " + tenant + ": " + e.getMessage(), e);
        }
    }
}
