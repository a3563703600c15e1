package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.Severity;
import java.time.Instant;

/** One state change of an alert: what it became, who did it (null for the rules) and why. */
public record HistoryEntry(long sequence, AlertState state, Severity severity, String actor, String note,
                           Instant changedAt) {
}
