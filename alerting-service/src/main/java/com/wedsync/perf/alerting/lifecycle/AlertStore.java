package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code performance_alerts} and {@code alert_history}; callers hold the transaction. */
@ApplicationScoped
public class AlertStore {

    private static final String COLUMNS = "id, fingerprint, type, severity, state, tenant, route, metric, threshold, "
            + "actual_value, affected_users, window_start, window_end, wedding_id, summary, silenced_by, acknowledged_by, "
            + "acknowledged_at, resolution_notes, resolved_at, fired_at, created_at, updated_at, breach_since, "
            + "clear_since, last_window_end";

    private final AgroalDataSource db;

    public AlertStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The open alert of a fingerprint, locked until the transaction ends. */
    public Optional<AlertRow> openForUpdate(String fingerprint) {
        return one("SELECT " + COLUMNS + " FROM performance_alerts WHERE fingerprint = ? AND state <> 'RESOLVED' FOR UPDATE",
                fingerprint);
    }

    public Optional<AlertRow> byIdForUpdate(UUID id) {
        return one("SELECT " + COLUMNS + " FROM performance_alerts WHERE id = ? FOR UPDATE", id);
    }

    public Optional<AlertRow> byId(UUID id) {
        return one("SELECT " + COLUMNS + " FROM performance_alerts WHERE id = ?", id);
    }

    /** Newest first; any filter may be null. */
    public List<AlertRow> find(String tenant, AlertState state, Severity severity, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM performance_alerts WHERE true");
        List<Object> args = new ArrayList<>();
        if (tenant != null) {
            sql.append(" AND tenant = ?");
            args.add(tenant);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (severity != null) {
            sql.append(" AND severity = ?");
            args.add(severity.name());
        }
        sql.append(" ORDER BY created_at DESC LIMIT ?");
        args.add(limit);
        return many(sql.toString(), args.toArray());
    }

    /**
     * Open alerts whose series has been silent since before {@code cutoff}; regression alerts, fed once an hour,
     * since before {@code hourlyCutoff}.
     */
    public List<AlertRow> openWithoutDataSince(Instant cutoff, Instant hourlyCutoff) {
        return many("SELECT " + COLUMNS + " FROM performance_alerts WHERE state <> 'RESOLVED' AND ("
                + "(type <> 'REGRESSION' AND last_window_end < ?) OR (type = 'REGRESSION' AND last_window_end < ?)) "
                + "ORDER BY last_window_end LIMIT 500", Timestamp.from(cutoff), Timestamp.from(hourlyCutoff));
    }

    public void insert(AlertRow row) {
        update("INSERT INTO performance_alerts (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                values(row));
    }

    public void update(AlertRow row) {
        Object[] values = values(row);
        Object[] args = new Object[values.length];
        System.arraycopy(values, 1, args, 0, values.length - 1);
        args[values.length - 1] = row.id;
        update("UPDATE performance_alerts SET fingerprint=?, type=?, severity=?, state=?, tenant=?, route=?, metric=?, "
                + "threshold=?, actual_value=?, affected_users=?, window_start=?, window_end=?, wedding_id=?, summary=?, "
                + "silenced_by=?, acknowledged_by=?, acknowledged_at=?, resolution_notes=?, resolved_at=?, fired_at=?, "
                + "created_at=?, updated_at=?, breach_since=?, clear_since=?, last_window_end=? WHERE id=?", args);
    }

    /** Records a state change; its id orders the alert's changes and keys their notifications. */
    public long appendHistory(AlertRow row, String actor, String note) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO alert_history (alert_id, state, severity, actor, note, "
                     + "changed_at) VALUES (?,?,?,?,?,?) RETURNING id")) {
            bind(s, row.id, row.state.name(), row.severity.name(), actor, note, Timestamp.from(row.updatedAt));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the history of alert " + row.id + ": " + e.getMessage(), e);
        }
    }

    public List<HistoryEntry> history(UUID alertId) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, state, severity, actor, note, changed_at FROM alert_history "
                     + "WHERE alert_id = ? ORDER BY id")) {
            bind(s, alertId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new HistoryEntry(r.getLong(1), AlertState.valueOf(r.getString(2)),
                            Severity.valueOf(r.getString(3)), r.getString(4), r.getString(5), instant(r, 6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of alert " + alertId + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private Optional<AlertRow> one(String sql, Object... args) {
        List<AlertRow> rows = many(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<AlertRow> many(String sql, Object... args) {
        List<AlertRow> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(read(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("alert query failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("alert update failed: " + e.getMessage(), e);
        }
    }

    private static Object[] values(AlertRow row) {
        return new Object[]{row.id, row.fingerprint, row.type.name(), row.severity.name(), row.state.name(), row.tenant,
                row.route, row.metric, row.threshold, row.actualValue, row.affectedUsers, ts(row.windowStart),
                ts(row.windowEnd), row.weddingId, row.summary, row.silencedBy, row.acknowledgedBy, ts(row.acknowledgedAt),
                row.resolutionNotes, ts(row.resolvedAt), ts(row.firedAt), ts(row.createdAt), ts(row.updatedAt),
                ts(row.breachSince), ts(row.clearSince), ts(row.lastWindowEnd)};
    }

    private static AlertRow read(ResultSet r) throws SQLException {
        AlertRow row = new AlertRow();
        row.id = r.getObject(1, UUID.class);
        row.fingerprint = r.getString(2);
        row.type = AlertType.valueOf(r.getString(3));
        row.severity = Severity.valueOf(r.getString(4));
        row.state = AlertState.valueOf(r.getString(5));
        row.tenant = r.getString(6);
        row.route = r.getString(7);
        row.metric = r.getString(8);
        row.threshold = (Double) r.getObject(9);
        row.actualValue = (Double) r.getObject(10);
        row.affectedUsers = r.getLong(11);
        row.windowStart = instant(r, 12);
        row.windowEnd = instant(r, 13);
        row.weddingId = r.getString(14);
        row.summary = r.getString(15);
        row.silencedBy = r.getObject(16, UUID.class);
        row.acknowledgedBy = r.getString(17);
        row.acknowledgedAt = instant(r, 18);
        row.resolutionNotes = r.getString(19);
        row.resolvedAt = instant(r, 20);
        row.firedAt = instant(r, 21);
        row.createdAt = instant(r, 22);
        row.updatedAt = instant(r, 23);
        row.breachSince = instant(r, 24);
        row.clearSince = instant(r, 25);
        row.lastWindowEnd = instant(r, 26);
        return row;
    }

    static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, args[i]);
            }
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
