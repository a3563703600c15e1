package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code performance_alerts}: the entity the API's queries read; the lifecycle loads it locked, changes a
 * few fields and writes it back through {@link AlertStore} (plain statements, {@link AlertRowSql}).
 */
@Entity
@Table(name = "performance_alerts")
public class AlertRow extends PanacheEntityBase {
    @Id
    public UUID id;
    public String fingerprint;
    @Enumerated(EnumType.STRING)
    public AlertType type;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public AlertState state;
    public String tenant;
    public String route;
    public String metric;
    public Double threshold;
    @Column(name = "actual_value")
    public Double actualValue;
    @Column(name = "affected_users")
    public long affectedUsers;
    @Column(name = "window_start")
    public Instant windowStart;
    @Column(name = "window_end")
    public Instant windowEnd;
    @Column(name = "wedding_id")
    public String weddingId;
    public String summary;
    @Column(name = "silenced_by")
    public UUID silencedBy;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "resolution_notes")
    public String resolutionNotes;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "fired_at")
    public Instant firedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "breach_since")
    public Instant breachSince;
    @Column(name = "clear_since")
    public Instant clearSince;
    @Column(name = "last_window_end")
    public Instant lastWindowEnd;

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
