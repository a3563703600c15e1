package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.alerting.project.ProjectNotice;
import com.wedsync.perf.model.event.AlertEvent;

/**
 * What the outbox keeps for one delivery: the alert as it was at the change (or a CI project's notice), what kind of
 * message it is, and the key a receiver uses to drop a repeat (delivery is at least once).
 */
public record Notification(String dedupKey, Kind kind, String link, AlertEvent alert,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ProjectNotice project) {

    public enum Kind { FIRING, ESCALATED, RESOLVED, STATE_CHANGE, PROJECT }

    @JsonCreator
    public Notification {
    }

    public Notification(String dedupKey, Kind kind, String link, AlertEvent alert) {
        this(dedupKey, kind, link, alert, null);
    }

    /** A CI project's notice: a gate decision or a rollback recommendation, no alert. */
    public static Notification of(String dedupKey, String link, ProjectNotice notice) {
        return new Notification(dedupKey, Kind.PROJECT, link, null, notice);
    }
}
