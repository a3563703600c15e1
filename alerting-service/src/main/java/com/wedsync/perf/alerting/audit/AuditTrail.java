package com.wedsync.perf.alerting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.model.event.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private static final String SERVICE = "alerting-service";

    private final EntityManager entities;
    private final ObjectMapper json;

    public AuditTrail(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** Appends a change made here, in the caller's transaction when there is one. */
    @Transactional
    public void record(String actor, String tenant, String action, String subject, Object before, Object after) {
        AuditRecord row = new AuditRecord();
        row.at = Instant.now();
        row.service = SERVICE;
        row.actor = actor;
        row.tenant = tenant;
        row.action = action;
        row.subject = subject;
        row.before = write(before);
        row.after = write(after);
        entities.persist(row);
    }

    /** Stores a change another service published; a record seen before (same event id) is stored once. */
    @Transactional
    public void store(AuditEvent event) {
        entities.createNativeQuery("INSERT INTO audit_log (at, service, actor, tenant, action, subject, before, after, "
                        + "event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, event.at()).setParameter(2, event.service()).setParameter(3, event.actor())
                .setParameter(4, event.tenant()).setParameter(5, event.action()).setParameter(6, event.subject())
                .setParameter(7, event.before()).setParameter(8, event.after()).setParameter(9, event.eventId())
                .executeUpdate();
    }

    /** Newest first; a null filter matches everything. */
    @Transactional
    public List<Entry> find(String tenant, String service, String action, Instant since, int limit) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("tenant", tenant);
        filters.put("service", service);
        filters.put("action", action);
        filters.values().removeIf(Objects::isNull);
        StringBuilder query = new StringBuilder("from AuditRecord a where a.at >= :since");
        filters.keySet().forEach(name -> query.append(" and a.").append(name).append(" = :").append(name));
        TypedQuery<AuditRecord> rows = entities.createQuery(query.append(" order by a.id desc").toString(), AuditRecord.class)
                .setParameter("since", since == null ? Instant.EPOCH : since).setMaxResults(limit);
        filters.forEach(rows::setParameter);
        return rows.getResultStream().map(AuditRecord::toEntry).toList();
    }

    private String write(Object state) {
        try {
            return state == null ? null : json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getOriginalMessage(), e);
        }
    }
}
