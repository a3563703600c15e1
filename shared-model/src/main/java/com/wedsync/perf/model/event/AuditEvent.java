package com.wedsync.perf.model.event;

import java.time.Instant;

/**
 * A change made by a person or a token in a service without a database of its own (ingest: tenants, keys and
 * tokens), published to {@code perf.audit.v1} for the audit log that alerting keeps. Before and after are JSON
 * without secrets.
 *
 * @param eventId unique per change, so a replayed record is stored once
 * @param service the service where the change was made
 * @param actor the token that made it ({@code ops}, {@code <tenant>/<token name>})
 */
public record AuditEvent(String eventId, String service, Instant at, String actor, String tenant, String action,
                         String subject, String before, String after) {

    public AuditEvent {
        Require.text(eventId, "eventId");
        Require.text(service, "service");
        Require.present(at, "at");
        Require.text(actor, "actor");
        Require.text(action, "action");
    }
}
