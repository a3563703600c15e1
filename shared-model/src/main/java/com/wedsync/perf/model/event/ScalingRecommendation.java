package com.wedsync.perf.model.event;

import java.time.Instant;

/**
 * The capacity a tenant (or {@value #PLATFORM} for the whole platform) should have over a period, and why.
 * Bounds are WedSync's: 2–10 instances, 20–100 database connections, 256 MB–1 GB cache.
 *
 * @param forecastLoadRatio forecast peak load over the tenant's seasonal baseline
 * @param monitoringIntervalSeconds how often the tenant should be sampled and evaluated (900 s far from a wedding, 10 s during one)
 * @param emergency raised at once by a critical wedding-day alert, until it resolves
 * @param reason in words: "Saturday 14:00, 3 weddings, 640 guests: forecast 2.7× baseline"
 */
public record ScalingRecommendation(
        String tenant,
        Instant generatedAt,
        Instant effectiveFrom,
        Instant effectiveUntil,
        int instances,
        int dbConnections,
        int cacheMb,
        double forecastLoadRatio,
        int monitoringIntervalSeconds,
        boolean emergency,
        String reason) {

    public static final String PLATFORM = "*";

    public ScalingRecommendation {
        Require.text(tenant, "tenant");
        Require.present(generatedAt, "generatedAt");
        Require.present(effectiveFrom, "effectiveFrom");
        Require.present(effectiveUntil, "effectiveUntil");
        if (!effectiveUntil.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveUntil must be after effectiveFrom");
        }
        Require.within(instances, 2, 10, "instances");
        Require.within(dbConnections, 20, 100, "dbConnections");
        Require.within(cacheMb, 256, 1024, "cacheMb");
        Require.nonNegative(forecastLoadRatio, "forecastLoadRatio");
        Require.within(monitoringIntervalSeconds, 10, 900, "monitoringIntervalSeconds");
        Require.text(reason, "reason");
    }
}
