package com.wedsync.perf.ingest.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.wedsync.perf.ingest.kafka.EventPublisher;
import com.wedsync.perf.model.event.AuditEvent;
import com.wedsync.perf.model.serde.Json;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Ingest has no database: each change to a tenant or its tokens goes to {@code perf.audit.v1}, which alerting
 * keeps with its own audit log ({@code GET /v1/audit?service=ingest}). The answer to the change waits for it, so a
 * change whose audit entry Kafka did not take is answered 503 (the change itself stands; repeating it records it).
 */
@ApplicationScoped
public class TenantAudit {

    public static final String SERVICE = "ingest-service";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TenantAudit.class);

    private final EventPublisher publisher;

    public TenantAudit(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** {@code before} and {@code after} must hold no secret: views of the tenant, names and scopes of tokens. */
    public CompletionStage<Void> record(String actor, String tenant, String action, String subject, Object before,
                                        Object after) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), SERVICE, Instant.now(), actor, tenant, action,
                subject, json(before), json(after));
        return publisher.publish(Topics.AUDIT, tenant, event).exceptionally(error -> {
            LOG.warnf("audit entry %s %s of %s not published: %s", action, subject, tenant, error);
            throw ApiException.unavailable("the change was made but Kafka did not take its audit entry; repeat the "
                    + "request to record it", 5);
        });
    }

    private static String json(Object value) {
        try {
            return value == null ? null : Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit entry: " + e.getMessage(), e);
        }
    }
}
