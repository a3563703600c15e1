package com.wedsync.perf.gate.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Every decision and override: who, what, on which subject, the SHA-256 of the inputs, the outcome, when. */
@ApplicationScoped
public class AuditLog {

    private final EntityManager entities;

    public AuditLog(EntityManager entities) {
        this.entities = entities;
    }

    /** Appends to the log, in the caller's transaction when there is one. */
    @Transactional
    public void record(String project, ProjectCaller caller, String action, String subject, byte[] inputs, String outcome) {
        AuditRecord row = new AuditRecord();
        row.project = project;
        row.actor = caller.name();
        row.action = action;
        row.subject = subject;
        row.inputsSha256 = inputs == null ? null : sha256(inputs);
        row.outcome = outcome;
        row.at = Instant.now();
        entities.persist(row);
    }

    /** One audited action, as {@code GET /v1/audit} shows it. */
    public record Entry(long id, Instant at, String project, String actor, String action, String subject,
                        String inputsSha256, String outcome) {
    }

    /** Newest first; a null filter matches everything. */
    @Transactional
    public List<Entry> find(String project, String action, Instant since, int limit) {
        StringBuilder query = new StringBuilder("from AuditRecord a where a.at >= :since");
        if (project != null) {
            query.append(" and a.project = :project");
        }
        if (action != null) {
            query.append(" and a.action = :action");
        }
        TypedQuery<AuditRecord> rows = entities.createQuery(query.append(" order by a.id desc").toString(), AuditRecord.class)
                .setParameter("since", since == null ? Instant.EPOCH : since).setMaxResults(limit);
        if (project != null) {
            rows.setParameter("project", project);
        }
        if (action != null) {
            rows.setParameter("action", action);
        }
        return rows.getResultStream().map(AuditRecord::toEntry).toList();
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
