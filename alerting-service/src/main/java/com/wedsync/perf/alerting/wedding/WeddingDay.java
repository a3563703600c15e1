package com.wedsync.perf.alerting.wedding;

import java.time.Instant;

/** The wedding that makes a moment a wedding day for a tenant: alerts name it. */
public record WeddingDay(String weddingId, Instant ceremonyAt, int guestCount) {
}
