package com.wedsync.perf.service.retention;

/**
 * What one sweep deletes: a statement whose every {@code ?} is the cutoff instant (rows older than it go), with the
 * conditions that keep what is still live (pending deliveries, firing alerts, pinned baselines…).
 *
 * @param name what the README calls it, and the key of its count in a sweep's result
 * @param keepAtLeast how long these rows are kept whatever the service's retention ({@code PERF_RETENTION}) is:
 *        audit logs are kept 400 days
 */
public record RetentionRule(String name, String deleteSql, java.time.Duration keepAtLeast) {

    public RetentionRule {
        if (!deleteSql.stripLeading().toUpperCase().startsWith("DELETE") || !deleteSql.contains("?")) {
            throw new IllegalArgumentException(name + ": a retention rule is a DELETE bounded by the cutoff");
        }
    }

    /** A rule kept as long as the service's retention says. */
    public RetentionRule(String name, String deleteSql) {
        this(name, deleteSql, java.time.Duration.ZERO);
    }

    /** Audit logs: 400 days, however short the rest is kept. */
    public static final java.time.Duration AUDIT_KEEP = java.time.Duration.ofDays(400);

    int cutoffParameters() {
        return (int) deleteSql.chars().filter(c -> c == '?').count();
    }
}
