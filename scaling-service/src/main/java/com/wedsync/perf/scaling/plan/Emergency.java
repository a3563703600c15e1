package com.wedsync.perf.scaling.plan;

import java.time.Instant;

/** A critical wedding-day alert firing for a tenant, which raises its capacity at once. */
public record Emergency(String alertId, String tenant, String weddingId, String summary, Instant since) {
}
