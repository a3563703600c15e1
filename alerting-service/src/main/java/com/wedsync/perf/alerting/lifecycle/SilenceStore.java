package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of {@code silences}. */
@ApplicationScoped
public class SilenceStore {

    private final AgroalDataSource db;

    public SilenceStore(AgroalDataSource db) {
        this.db = db;
    }

    public void insert(Silence silence) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO silences "
                + "(id, tenant, route, metric, type, severity, until, created_by, comment, created_at, by_tenant) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            AlertStore.bind(s, silence.id(), silence.tenant(), silence.route(), silence.metric(),
                    silence.type() == null ? null : silence.type().name(),
                    silence.severity() == null ? null : silence.severity().name(), Timestamp.from(silence.until()),
                    silence.createdBy(), silence.comment(), Timestamp.from(silence.createdAt()), silence.byTenant());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save silence: " + e.getMessage(), e);
        }
    }

    /** Silences still in force at {@code at}, of one tenant (null: all). */
    public List<Silence> active(Instant at, String tenant) {
        List<Silence> silences = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, tenant, route, "
                + "metric, type, severity, until, created_by, comment, created_at, by_tenant FROM silences WHERE until > ? "
                + "AND (CAST(? AS text) IS NULL OR tenant = ?) ORDER BY created_at")) {
            AlertStore.bind(s, Timestamp.from(at), tenant, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    silences.add(new Silence(r.getObject(1, java.util.UUID.class), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5) == null ? null : AlertType.valueOf(r.getString(5)),
                            r.getString(6) == null ? null : Severity.valueOf(r.getString(6)), AlertStore.instant(r, 7),
                            r.getString(8), r.getString(9), AlertStore.instant(r, 10), r.getBoolean(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read silences: " + e.getMessage(), e);
        }
        return silences;
    }

    public Optional<Silence> matching(AlertRow alert, Instant at) {
        return active(at, null).stream().filter(s -> s.matches(alert, at)).findFirst();
    }
}
