package com.wedsync.perf.alerting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Alerting's audit log: every change a person or a token makes — rules, notification targets, silences,
 * acknowledgements and resolutions — with who made it, when, and the state before and after as JSON. Secrets never
 * enter it: callers pass what is safe to show (notification targets as set / not set). Kept 400 days.
 */
@ApplicationScoped
public class AuditTrail {

    /** One change, as {@code GET /v1/audit} shows it. */
    public record Entry(long id, Instant at, String actor, String tenant, String action, String subject, String before,
                        String after) {
    }

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public AuditTrail(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public void record(String actor, String tenant, String action, String subject, Object before, Object after) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_log "
                + "(at, actor, tenant, action, subject, before, after) VALUES (?,?,?,?,?,?,?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, actor);
            s.setString(3, tenant);
            s.setString(4, action);
            s.setString(5, subject);
            s.setString(6, before == null ? null : json.writeValueAsString(before));
            s.setString(7, after == null ? null : json.writeValueAsString(after));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** Newest first; a null filter matches everything. */
    public List<Entry> find(String tenant, String action, Instant since, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, at, actor, tenant, "
                + "action, subject, before, after FROM audit_log WHERE (CAST(? AS text) IS NULL OR tenant = ?) "
                + "AND (CAST(? AS text) IS NULL OR action = ?) AND at >= ? ORDER BY id DESC LIMIT ?")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            s.setString(3, action);
            s.setString(4, action);
            s.setTimestamp(5, Timestamp.from(since == null ? Instant.EPOCH : since));
            s.setInt(6, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

}
