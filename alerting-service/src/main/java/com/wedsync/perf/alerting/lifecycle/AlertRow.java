package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code performance_alerts} while a transaction works on it; {@link AlertStore} reads and writes it whole.
 * Mutable on purpose: the lifecycle changes a few fields of a locked row and writes it back.
 */
public final class AlertRow {
    UUID id;
    String fingerprint;
    AlertType type;
    Severity severity;
    AlertState state;
    String tenant;
    String route;
    String metric;
    Double threshold;
    Double actualValue;
    long affectedUsers;
    Instant windowStart;
    Instant windowEnd;
    String weddingId;
    String summary;
    UUID silencedBy;
    String acknowledgedBy;
    Instant acknowledgedAt;
    String resolutionNotes;
    Instant resolvedAt;
    Instant firedAt;
    Instant createdAt;
    Instant updatedAt;
    Instant breachSince;
    Instant clearSince;
    Instant lastWindowEnd;

    /**
     * Whether a caller scoped to one tenant (null: ops) may see and act on this alert: its own tenant's, except
     * interference alerts — they name the tenants an antagonist is slowing, so they belong to ops alone, and the
     * antagonist can neither read, acknowledge, resolve nor silence them.
     */
    public boolean isVisibleTo(String tenantScope) {
        return tenantScope == null || tenantScope.equals(tenant) && type != AlertType.INTERFERENCE;
    }

    public boolean isSilenced() {
        return silencedBy != null;
    }

    public AlertEvent toEvent() {
        return new AlertEvent(id.toString(), fingerprint, type, severity, state, tenant, route, metric, threshold,
                actualValue, affectedUsers, windowStart, windowEnd, weddingId, summary, acknowledgedBy,
                resolutionNotes, updatedAt);
    }

    public AlertView toView() {
        return new AlertView(id, fingerprint, type, severity, state, tenant, route, metric, threshold, actualValue,
                affectedUsers, windowStart, windowEnd, weddingId, summary, silencedBy, acknowledgedBy, acknowledgedAt,
                resolutionNotes, resolvedAt, firedAt, createdAt, updatedAt, lastWindowEnd);
    }
}
