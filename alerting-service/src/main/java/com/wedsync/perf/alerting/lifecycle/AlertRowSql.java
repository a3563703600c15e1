package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of the alert lifecycle's hot path on {@code performance_alerts} and {@code alert_history}: lock a
 * row, insert it, write it back, append a change. Plain SQL on purpose, on the connection of the caller's
 * transaction: the intake applies every point of a poll this way, and through Hibernate (even a
 * {@code StatelessSession}) these writes took ~22 % of the intake thread's CPU and kept it 15–33 % below its JDBC
 * figure (docs/operations.md "Persistence"). {@link AlertRow} stays the entity the API's queries read.
 */
final class AlertRowSql {

    private static final String COLUMNS = "id, fingerprint, type, severity, state, tenant, route, metric, threshold, "
            + "actual_value, affected_users, window_start, window_end, wedding_id, summary, silenced_by, acknowledged_by, "
            + "acknowledged_at, resolution_notes, resolved_at, fired_at, created_at, updated_at, breach_since, "
            + "clear_since, last_window_end";
    static final String OPEN_FOR_UPDATE = "SELECT " + COLUMNS
            + " FROM performance_alerts WHERE fingerprint = ? AND state <> 'RESOLVED' LIMIT 1 FOR UPDATE";
    static final String BY_ID_FOR_UPDATE = "SELECT " + COLUMNS + " FROM performance_alerts WHERE id = ? FOR UPDATE";
    static final String INSERT = "INSERT INTO performance_alerts (" + COLUMNS + ") VALUES "
            + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String UPDATE = "UPDATE performance_alerts SET fingerprint=?, type=?, severity=?, state=?, tenant=?, "
            + "route=?, metric=?, threshold=?, actual_value=?, affected_users=?, window_start=?, window_end=?, "
            + "wedding_id=?, summary=?, silenced_by=?, acknowledged_by=?, acknowledged_at=?, resolution_notes=?, "
            + "resolved_at=?, fired_at=?, created_at=?, updated_at=?, breach_since=?, clear_since=?, last_window_end=? "
            + "WHERE id=?";
    static final String APPEND_HISTORY = "INSERT INTO alert_history (alert_id, state, severity, actor, note, changed_at) "
            + "VALUES (?,?,?,?,?,?) RETURNING id";

    private AlertRowSql() {
    }

    /** The one row {@code sql} selects by {@code key} (a fingerprint or an id), if any. */
    static Optional<AlertRow> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, AlertRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, row.id);
            bindFields(s, row, 2);
            s.executeUpdate();
        }
    }

    static void update(Connection c, AlertRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int next = bindFields(s, row, 1);
            s.setObject(next, row.id);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("alert " + row.id + " is gone");
            }
        }
    }

    /** Appends a change of {@code row}; its id orders the alert's changes. */
    static long appendHistory(Connection c, AlertRow row, String actor, String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(APPEND_HISTORY)) {
            s.setObject(1, row.id);
            s.setString(2, row.state.name());
            s.setString(3, row.severity.name());
            s.setString(4, actor);
            s.setString(5, note);
            s.setTimestamp(6, timestamp(row.updatedAt));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Binds every column but the id from {@code first} on; returns the next parameter index. */
    private static int bindFields(PreparedStatement s, AlertRow row, int first) throws SQLException {
        int i = first;
        s.setString(i++, row.fingerprint);
        s.setString(i++, row.type.name());
        s.setString(i++, row.severity.name());
        s.setString(i++, row.state.name());
        s.setString(i++, row.tenant);
        s.setString(i++, row.route);
        s.setString(i++, row.metric);
        s.setObject(i++, row.threshold, Types.DOUBLE);
        s.setObject(i++, row.actualValue, Types.DOUBLE);
        s.setLong(i++, row.affectedUsers);
        s.setTimestamp(i++, timestamp(row.windowStart));
        s.setTimestamp(i++, timestamp(row.windowEnd));
        s.setString(i++, row.weddingId);
        s.setString(i++, row.summary);
        s.setObject(i++, row.silencedBy, Types.OTHER);
        s.setString(i++, row.acknowledgedBy);
        s.setTimestamp(i++, timestamp(row.acknowledgedAt));
        s.setString(i++, row.resolutionNotes);
        s.setTimestamp(i++, timestamp(row.resolvedAt));
        s.setTimestamp(i++, timestamp(row.firedAt));
        s.setTimestamp(i++, timestamp(row.createdAt));
        s.setTimestamp(i++, timestamp(row.updatedAt));
        s.setTimestamp(i++, timestamp(row.breachSince));
        s.setTimestamp(i++, timestamp(row.clearSince));
        s.setTimestamp(i++, timestamp(row.lastWindowEnd));
        return i;
    }

    /** The alert of the current row of a result selecting {@code COLUMNS}. */
    static AlertRow read(ResultSet r) throws SQLException {
        AlertRow row = new AlertRow();
        row.id = r.getObject(1, UUID.class);
        row.fingerprint = r.getString(2);
        row.type = AlertType.valueOf(r.getString(3));
        row.severity = Severity.valueOf(r.getString(4));
        row.state = AlertState.valueOf(r.getString(5));
        row.tenant = r.getString(6);
        row.route = r.getString(7);
        row.metric = r.getString(8);
        row.threshold = r.getObject(9, Double.class);
        row.actualValue = r.getObject(10, Double.class);
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

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
