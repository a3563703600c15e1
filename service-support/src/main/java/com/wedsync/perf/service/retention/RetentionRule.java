package com.wedsync.perf.service.retention;

/**
 * What one sweep deletes: a statement whose every {@code ?} is the cutoff instant (rows older than it go), with the
 * conditions that keep what is still live (pending deliveries, firing alerts, pinned baselines…).
 *
 * @param name what the README calls it, and the key of its count in a sweep's result
 */
public record RetentionRule(String name, String deleteSql) {

    public RetentionRule {
        if (!deleteSql.stripLeading().toUpperCase().startsWith("DELETE") || !deleteSql.contains("?")) {
            throw new IllegalArgumentException(name + ": a retention rule is a DELETE bounded by the cutoff");
        }
    }

    int cutoffParameters() {
        return (int) deleteSql.chars().filter(c -> c == '?').count();
    }
}
