package com.wedsync.perf.gate.project;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/** Every decision and override: who, what, on which subject, the SHA-256 of the inputs, the outcome, when. */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource db;

    public AuditLog(AgroalDataSource db) {
        this.db = db;
    }

    public void record(String project, ProjectCaller caller, String action, String subject, byte[] inputs, String outcome) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_log "
                + "(project, actor, action, subject, inputs_sha256, outcome, at) VALUES (?,?,?,?,?,?,?)")) {
            s.setString(1, project);
            s.setString(2, caller.name());
            s.setString(3, action);
            s.setString(4, subject);
            s.setString(5, inputs == null ? null : sha256(inputs));
            s.setString(6, outcome);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** One audited action, as {@code GET /v1/audit} shows it. */
    public record Entry(long id, Instant at, String project, String actor, String action, String subject,
                        String inputsSha256, String outcome) {
    }

    /** Newest first; a null filter matches everything. */
    public java.util.List<Entry> find(String project, String action, Instant since, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, at, project, actor, "
                + "action, subject, inputs_sha256, outcome FROM audit_log WHERE (CAST(? AS text) IS NULL OR project = ?) "
                + "AND (CAST(? AS text) IS NULL OR action = ?) AND at >= ? ORDER BY id DESC LIMIT ?")) {
            s.setString(1, project);
            s.setString(2, project);
            s.setString(3, action);
            s.setString(4, action);
            s.setTimestamp(5, Timestamp.from(since == null ? Instant.EPOCH : since));
            s.setInt(6, limit);
            java.util.List<Entry> entries = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery()) {
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
