package com.wedsync.perf.alerting.delivery;

import com.wedsync.perf.model.event.AlertEvent;

/**
 * What the outbox keeps for one delivery: the alert as it was at the change, what kind of message it is, and the
 * key a receiver uses to drop a repeat (delivery is at least once).
 */
public record Notification(String dedupKey, Kind kind, String link, AlertEvent alert) {

    public enum Kind { FIRING, ESCALATED, RESOLVED, STATE_CHANGE }
}
