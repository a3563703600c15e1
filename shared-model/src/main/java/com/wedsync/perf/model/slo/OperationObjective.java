package com.wedsync.perf.model.slo;

/**
 * What one server operation must achieve on a wedding day: its latency at a percentile, and its error rate (the
 * availability objective's other side: 99.9 % available is at most 0.1 % errors).
 *
 * @param percentile {@code p50}, {@code p75}, {@code p95} or {@code p99}, as trend points carry them
 */
public record OperationObjective(String operation, String percentile, double latencyMs, double errorRate) {

    public double availability() {
        return 1 - errorRate;
    }

    /** The share of requests that must be within {@link #latencyMs}: 0.95 for p95. */
    public double latencyTarget() {
        return Double.parseDouble(percentile.substring(1)) / 100;
    }
}
