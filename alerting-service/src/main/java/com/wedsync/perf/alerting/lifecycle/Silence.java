package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps matching alerts from being sent until {@code until}; they are still recorded. A null matcher matches
 * anything; a silence without tenant (ops only) matches every tenant. A silence a tenant's token made
 * ({@code byTenant}) never matches an alert its token may not see (an interference alert naming it).
 */
public record Silence(UUID id, String tenant, String route, String metric, AlertType type, Severity severity,
                      Instant until, String createdBy, String comment, Instant createdAt, boolean byTenant) {

    public boolean matches(AlertRow alert, Instant at) {
        return at.isBefore(until) && (!byTenant || alert.isVisibleTo(tenant)) && (tenant == null || tenant.equals(alert.tenant))
                && (route == null || route.equals(alert.route)) && (metric == null || metric.equals(alert.metric))
                && (type == null || type == alert.type) && (severity == null || severity == alert.severity);
    }
}
