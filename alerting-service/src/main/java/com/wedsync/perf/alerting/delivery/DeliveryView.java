package com.wedsync.perf.alerting.delivery;

import java.time.Instant;

/** One notification of an alert as the API shows it: where (never the URL), how far it got, and the last error. */
public record DeliveryView(String destination, String kind, String state, int attempts, String lastError,
                           Instant createdAt, Instant sentAt) {
}
