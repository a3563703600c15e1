package com.wedsync.perf.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A change of an alert's state, keyed by the alert's fingerprint (rule + labels) on {@code perf.alerts.v1}.
 * Carries what the spec's {@code performance_alerts} keeps: metric, threshold, actual value, affected users
 * and window, the wedding when it is a wedding-day alert, who acknowledged it and the resolution notes.
 *
 * @param route the page route or operation concerned, or null for tenant-wide alerts
 * @param threshold the value that was crossed, or null for alerts without one (interference)
 * @param actualValue the observed value, or null likewise
 * @param affectedUsers samples in the window behind the alert
 */
public record AlertEvent(
        String alertId,
        String fingerprint,
        AlertType type,
        Severity severity,
        AlertState state,
        String tenant,
        String route,
        String metric,
        Double threshold,
        Double actualValue,
        long affectedUsers,
        Instant windowStart,
        Instant windowEnd,
        String weddingId,
        String summary,
        String acknowledgedBy,
        String resolutionNotes,
        Instant changedAt) {

    public AlertEvent {
        Require.text(alertId, "alertId");
        Require.text(fingerprint, "fingerprint");
        Require.present(type, "type");
        Require.present(severity, "severity");
        Require.present(state, "state");
        Require.text(tenant, "tenant");
        Require.nonNegative(affectedUsers, "affectedUsers");
        Require.text(summary, "summary");
        Require.present(changedAt, "changedAt");
    }

    @JsonIgnore
    public boolean isWeddingDay() {
        return weddingId != null;
    }
}
