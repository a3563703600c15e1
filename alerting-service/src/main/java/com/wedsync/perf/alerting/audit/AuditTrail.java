package com.wedsync.perf.alerting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.model.event.AuditEvent;
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
 * The audit log: every change a person or a token makes here — rules, notification targets, silences,
 * acknowledgements and resolutions — and what services without a database publish on {@code perf.audit.v1} (ingest's
 * tenants and tokens), with who made it, when, and the state before and after as JSON. Secrets never enter it:
 * callers pass what is safe to show (notification targets as set / not set). Kept 400 days.
 */
@ApplicationScoped
public class AuditTrail {

    /** One change, as {@code GET /v1/audit} shows it. */
    public record Entry(long id, Instant at, String service, String actor, String tenant, String action, String subject,
                        String before, String after) {
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

    /** Stores a change another service published; a record seen before (same event id) is stored once. */
    public void store(AuditEvent event) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_log "
                + "(at, service, actor, tenant, action, subject, before, after, event_id) VALUES (?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (event_id) DO NOTHING")) {
            s.setTimestamp(1, Timestamp.from(event.at()));
            s.setString(2, event.service());
            s.setString(3, event.actor());
            s.setString(4, event.tenant());
            s.setString(5, event.action());
            s.setString(6, event.subject());
            s.setString(7, event.before());
            s.setString(8, event.after());
            s.setString(9, event.eventId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** Newest first; a null filter matches everything. */
    public List<Entry> find(String tenant, String service, String action, Instant since, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, at, service, actor, "
                + "tenant, action, subject, before, after FROM audit_log WHERE (CAST(? AS text) IS NULL OR tenant = ?) "
                + "AND (CAST(? AS text) IS NULL OR service = ?) "
                + "AND (CAST(? AS text) IS NULL OR action = ?) AND at >= ? ORDER BY id DESC LIMIT ?")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            s.setString(3, service);
            s.setString(4, service);
            s.setString(5, action);
            s.setString(6, action);
            s.setTimestamp(7, Timestamp.from(since == null ? Instant.EPOCH : since));
            s.setInt(8, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

}
