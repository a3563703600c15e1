package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.alerting.delivery.Notification.Kind;
import com.wedsync.perf.alerting.delivery.Notifier;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What people (and the no-data sweep) do to alerts: acknowledge, resolve by hand, resolve the silent ones. */
@ApplicationScoped
public class AlertActions {

    private final AlertStore alerts;
    private final AlertLifecycle lifecycle;
    private final Notifier notifier;

    public AlertActions(AlertStore alerts, AlertLifecycle lifecycle, Notifier notifier) {
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    /** Acknowledges a firing alert; acknowledging it again changes nothing. */
    @Transactional
    public AlertView acknowledge(UUID id, String by, String note, String tenantScope) {
        AlertRow row = locked(id, tenantScope);
        if (row.state == AlertState.ACKNOWLEDGED) {
            return row.toView();
        }
        if (row.state != AlertState.FIRING) {
            throw ApiException.conflict("not_firing", "alert " + id + " is " + row.state + "; only a firing alert can be acknowledged");
        }
        Instant now = Instant.now();
        row.state = AlertState.ACKNOWLEDGED;
        row.acknowledgedBy = by;
        row.acknowledgedAt = now;
        row.updatedAt = now;
        alerts.update(row);
        notifier.changed(row, alerts.appendHistory(row, by, note == null ? "acknowledged" : note), Kind.STATE_CHANGE);
        return row.toView();
    }

    @Transactional
    public AlertView resolve(UUID id, String by, String notes, String tenantScope) {
        AlertRow row = locked(id, tenantScope);
        if (row.state == AlertState.RESOLVED) {
            throw ApiException.conflict("already_resolved", "alert " + id + " was resolved at " + row.resolvedAt);
        }
        boolean announced = row.state != AlertState.PENDING;
        row.resolutionNotes = notes == null || notes.isBlank() ? "resolved by " + by : notes;
        lifecycle.close(row, Instant.now(), "resolved by " + by, announced ? Kind.RESOLVED : Kind.STATE_CHANGE);
        return row.toView();
    }

    /**
     * Resolves open alerts whose series sent nothing since {@code cutoff} (hourly regression alerts: two hours more):
     * no data is not a breach.
     */
    @Transactional
    public int resolveSilentSince(Instant cutoff) {
        List<AlertRow> silent = alerts.openWithoutDataSince(cutoff, cutoff.minus(java.time.Duration.ofHours(2)));
        for (AlertRow row : silent) {
            alerts.byIdForUpdate(row.id).filter(r -> r.state.isOpen()).ifPresent(r -> lifecycle.close(r, Instant.now(),
                    "no data since " + r.lastWindowEnd, r.state == AlertState.PENDING ? Kind.STATE_CHANGE : Kind.RESOLVED));
        }
        return silent.size();
    }

    private AlertRow locked(UUID id, String tenantScope) {
        return alerts.byIdForUpdate(id).filter(row -> row.isVisibleTo(tenantScope))
                .orElseThrow(() -> ApiException.notFound("no alert " + id));
    }
}
